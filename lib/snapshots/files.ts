/**
 * Files made from snapshots: the weekly CSV (lib/export/csv.ts, the very text `report --format csv` prints)
 * and their names.
 */
import type { Plan, WeeklySnapshot } from '@/lib/domain';
import { weeklyReportCsv } from '@/lib/export/csv';

/** A file-name-safe form of a plan's name: `Plan marketing 2026 – S2` → `plan-marketing-2026-s2`. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'plan'
  );
}

export type TextFile = { name: string; text: string; type: string };

/** The snapshot as the weekly CSV, in `locale` (the plan's by default, as `report` does). */
export function snapshotCsvFile(snapshot: WeeklySnapshot, plan: Pick<Plan, 'name' | 'locale'>, locale: string = plan.locale): TextFile {
  return {
    name: `planpilot-${slug(plan.name)}-${snapshot.weekStart}-v${snapshot.version}.csv`,
    text: weeklyReportCsv(snapshot.report, locale),
    type: 'text/csv;charset=utf-8',
  };
}
