import { Dexie } from 'dexie';
import { type WeeklyReport, type WeeklySnapshot, weeklySnapshotSchema } from '@/lib/domain';
import type { PlanpilotDb } from './database';
import { newId, StoreError, validate } from './errors';
import { compare } from './rows';

export type NewSnapshot = { planId: string; weekStart: string; takenAt: string; report: WeeklyReport; id?: string };

/**
 * Stores a new take of a week: version = highest stored version of that plan and week + 1 (1 for
 * the first). Never rewrites: rows are added, never put, and [planId+weekStart+version] is a
 * unique index, so two writers cannot store the same version twice.
 */
export async function addSnapshotVersion(db: PlanpilotDb, snapshot: NewSnapshot): Promise<WeeklySnapshot> {
  return db.transaction('rw', db.plans, db.snapshots, async () => {
    if (!(await db.plans.get(snapshot.planId))) throw new StoreError(`plan "${snapshot.planId}" does not exist`, 'planId');
    const last = await db.snapshots
      .where('[planId+weekStart+version]')
      .between([snapshot.planId, snapshot.weekStart, Dexie.minKey], [snapshot.planId, snapshot.weekStart, Dexie.maxKey])
      .last();
    const row = validate(
      weeklySnapshotSchema,
      {
        id: snapshot.id ?? newId('snap'),
        planId: snapshot.planId,
        weekStart: snapshot.weekStart,
        version: (last?.version ?? 0) + 1,
        takenAt: snapshot.takenAt,
        report: snapshot.report,
      },
      'snapshot',
    );
    if (row.report.planId !== row.planId) throw new StoreError('the report is of another plan', 'report.planId');
    if (row.report.week.start !== row.weekStart) throw new StoreError('the report is of another week', 'report.week.start');
    await db.snapshots.add(row);
    return row;
  });
}

/** Every snapshot of a plan, every version: by week, then version. */
export async function listSnapshots(db: PlanpilotDb, planId: string): Promise<WeeklySnapshot[]> {
  const rows = await db.snapshots.where('planId').equals(planId).toArray();
  return rows.sort((a, b) => compare(a.weekStart, b.weekStart) || a.version - b.version);
}

/** The latest version of each week of a plan, by week: what the UI shows. */
export async function latestSnapshots(db: PlanpilotDb, planId: string): Promise<WeeklySnapshot[]> {
  const latest = new Map<string, WeeklySnapshot>();
  for (const s of await listSnapshots(db, planId)) latest.set(s.weekStart, s);
  return [...latest.values()];
}

/** The latest version of one week, if any. */
export async function latestSnapshot(db: PlanpilotDb, planId: string, weekStart: string): Promise<WeeklySnapshot | undefined> {
  return db.snapshots
    .where('[planId+weekStart+version]')
    .between([planId, weekStart, Dexie.minKey], [planId, weekStart, Dexie.maxKey])
    .last();
}
