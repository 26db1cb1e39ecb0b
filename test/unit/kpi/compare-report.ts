/** Field-by-field comparison of reports, as test/fixtures/backups/README.md asks. */
import { readFileSync } from 'node:fs';
import type { PlanData, WeeklyReport } from '@/lib/domain';
import { parseBackup } from '@/lib/domain';
import { planDataFromBackup } from '@/lib/kpi';

export const BACKUPS_DIR = new URL('../../fixtures/backups/', import.meta.url);

export type ReportCase = { backup: string; plan: string; weekStart: string; expected: string };

export const reportCases: ReportCase[] = JSON.parse(readFileSync(new URL('index.json', BACKUPS_DIR), 'utf8')).cases;

export function loadPlanData(backupFile: string, planId: string): PlanData {
  const parsed = parseBackup(readFileSync(new URL(backupFile, BACKUPS_DIR), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  const data = planDataFromBackup(parsed.value, planId);
  if (!data) throw new Error(`no plan ${planId}`);
  return data;
}

export const loadExpected = (file: string): WeeklyReport => JSON.parse(readFileSync(new URL(file, BACKUPS_DIR), 'utf8'));

/** Numbers within 1e-6 relative or 0.005 absolute. */
export const closeEnough = (actual: number, expected: number) => Math.abs(actual - expected) <= Math.max(0.005, 1e-6 * Math.abs(expected));

/** Every difference, as "path: actual ≠ expected"; the same keys on both sides; actions matched by id. */
export function reportDifferences(actual: unknown, expected: unknown, path = ''): string[] {
  if (typeof expected === 'number') {
    return typeof actual === 'number' && closeEnough(actual, expected) ? [] : [`${path}: ${JSON.stringify(actual)} ≠ ${expected}`];
  }
  if (expected === null || typeof expected !== 'object') {
    return actual === expected ? [] : [`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`];
  }
  if (actual === null || typeof actual !== 'object') return [`${path}: ${JSON.stringify(actual)} ≠ an object`];
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: not an array`];
    const byId = new Map(actual.map((row: { actionId?: string }) => [row.actionId, row]));
    return expected.flatMap((row: { actionId: string }) => {
      const mine = byId.get(row.actionId);
      return mine ? reportDifferences(mine, row, `${path}[${row.actionId}]`) : [`${path}: no action ${row.actionId}`];
    });
  }
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(e)]);
  return [...keys].flatMap((key) =>
    key in e
      ? key in a
        ? reportDifferences(a[key], e[key], `${path}.${key}`)
        : [`${path}.${key}: missing`]
      : [`${path}.${key}: unexpected`],
  );
}
