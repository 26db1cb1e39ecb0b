/**
 * Taking weekly snapshots (DESIGN.md): a snapshot is the `report` output for its week (lib/kpi's
 * buildWeeklyReport, the same engine as the `report` command) on the data of the moment it is taken.
 * Each take adds a version (lib/db's addSnapshotVersion never rewrites one).
 *
 * The report is computed inside the read-write transaction that stores it, so the figures are those of the
 * store at that instant, and two contexts catching up at once (the background's alarm and a side panel)
 * cannot both take version 1 of a week: IndexedDB runs overlapping read-write transactions one at a time,
 * and the second finds the first's snapshot.
 */
import { isoWithOffset } from '@/lib/clock';
import { addSnapshotVersion, allTables, getMeta, listPlans, loadPlanData, type PlanpilotDb, StoreError, setMeta } from '@/lib/db';
import type { PlanData, WeeklyReport, WeeklySnapshot } from '@/lib/domain';
import { withoutFloatNoise } from '@/lib/export/numbers';
import { buildWeeklyReport } from '@/lib/kpi/report';
import { type DueWeek, dueSnapshots, type TakenWeek } from './schedule';

/**
 * The report a snapshot stores: buildWeeklyReport's, with numbers at 12 significant digits as the `report`
 * command prints them (18922.020000000004 → 18922.02), so a snapshot is that output, field for field.
 */
export function snapshotReport(data: PlanData, weekStart: string): WeeklyReport {
  const tidy = (_key: string, value: unknown) => (typeof value === 'number' ? withoutFloatNoise(value) : value);
  return JSON.parse(JSON.stringify(buildWeeklyReport(data, weekStart), tidy)) as WeeklyReport;
}

/** Takes (or retakes) one week of a plan by hand: always a new version. */
export async function takeSnapshot(db: PlanpilotDb, planId: string, weekStart: string, now: Date = new Date()): Promise<WeeklySnapshot> {
  return db.transaction('rw', allTables(db), async () => {
    const data = await loadPlanData(db, planId);
    if (!data) throw new StoreError(`plan "${planId}" does not exist`, 'planId');
    const report = snapshotReport(data, weekStart);
    return addSnapshotVersion(db, { planId, weekStart, takenAt: isoWithOffset(now), report });
  });
}

/**
 * Takes the given weeks of a plan that have no snapshot yet (checked inside the transaction), in one
 * transaction: all are stored or none. Weeks that got a snapshot meanwhile are left alone.
 */
export async function takeMissing(db: PlanpilotDb, planId: string, weekStarts: readonly string[], now: Date = new Date()) {
  return db.transaction('rw', allTables(db), async () => {
    const taken: WeeklySnapshot[] = [];
    const missing: string[] = [];
    for (const weekStart of weekStarts) {
      const existing = await db.snapshots.where('[planId+weekStart]').equals([planId, weekStart]).count();
      if (existing === 0) missing.push(weekStart);
    }
    if (missing.length === 0) return taken;
    const data = await loadPlanData(db, planId);
    if (!data) return taken; // deleted meanwhile
    const takenAt = isoWithOffset(now);
    for (const weekStart of missing) {
      taken.push(await addSnapshotVersion(db, { planId, weekStart, takenAt, report: snapshotReport(data, weekStart) }));
    }
    return taken;
  });
}

/** The weeks that have a snapshot, read from the [planId+weekStart] index only (no report is loaded). */
export async function takenWeeks(db: PlanpilotDb): Promise<TakenWeek[]> {
  const keys = await db.snapshots.orderBy('[planId+weekStart]').uniqueKeys();
  const weeks: TakenWeek[] = [];
  for (const key of keys) {
    if (Array.isArray(key) && typeof key[0] === 'string' && typeof key[1] === 'string') weeks.push({ planId: key[0], weekStart: key[1] });
  }
  return weeks;
}

export type CatchUpResult = {
  due: DueWeek[];
  taken: WeeklySnapshot[];
  /** Plans whose snapshots could not be taken, and why (the others were taken all the same). */
  failed: { planId: string; error: string }[];
  nextDueAt: Date | null;
};

/** What is due now, without taking anything (the side panel shows it). */
export async function pendingSnapshots(db: PlanpilotDb, now: Date = new Date()) {
  const [plans, taken, lastRun] = await Promise.all([listPlans(db), takenWeeks(db), getMeta(db, 'lastSnapshotRun')]);
  return dueSnapshots({ plans, taken, lastRun, now });
}

/**
 * The weekly job: takes every due week of every plan (one transaction per plan), then records the run in
 * `lastSnapshotRun`. A plan that fails does not stop the others; it is tried again on the next run.
 */
export async function runCatchUp(db: PlanpilotDb, now: Date = new Date()): Promise<CatchUpResult> {
  const plan = await pendingSnapshots(db, now);
  const byPlan = new Map<string, string[]>();
  for (const d of plan.due) byPlan.set(d.planId, [...(byPlan.get(d.planId) ?? []), d.week.start]);
  const taken: WeeklySnapshot[] = [];
  const failed: CatchUpResult['failed'] = [];
  for (const [planId, weeks] of byPlan) {
    try {
      taken.push(...(await takeMissing(db, planId, weeks, now)));
    } catch (e) {
      failed.push({ planId, error: e instanceof Error ? e.message : String(e) });
    }
  }
  await setMeta(db, 'lastSnapshotRun', isoWithOffset(now));
  return { due: plan.due, taken, failed, nextDueAt: plan.nextDueAt };
}
