/** Plan rows for the side panel's logic: the engine tests' builders, plus the demo plan. */
import { readFileSync } from 'node:fs';
import type { PlanData } from '@/lib/domain';
import { parseBackup } from '@/lib/domain';
import { planDataFromBackup } from '@/lib/kpi';

export * from '../kpi/plan-builder';

export const DEMO_PLAN_ID = 'plan-2026-s2';

/** The demo plan (test/fixtures/backups/demo-plan.json), a fresh copy each call. */
export function demoData(): PlanData {
  const text = readFileSync(new URL('../../fixtures/backups/demo-plan.json', import.meta.url), 'utf8');
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const data = planDataFromBackup(parsed.value, DEMO_PLAN_ID);
  if (!data) throw new Error('demo plan missing');
  return data;
}
