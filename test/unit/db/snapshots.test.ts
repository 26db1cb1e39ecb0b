import { describe, expect, it } from 'vitest';
import { addSnapshotVersion, getMeta, latestSnapshot, latestSnapshots, listSnapshots, setMeta, upsertPlan } from '@/lib/db';
import { planB, report } from './fixtures';
import { dumpAll, freshDb } from './helpers';

const take = (weekStart: string, weekEnd: string, takenAt: string, cost: number) => ({
  planId: 'plan-b',
  weekStart,
  takenAt,
  report: report('plan-b', weekStart, weekEnd, cost),
});

describe('snapshots', () => {
  it('adds versions 1, 2, 3 of a week and never rewrites one', async () => {
    const db = await freshDb();
    await upsertPlan(db, planB);
    const v1 = await addSnapshotVersion(db, take('2026-03-02', '2026-03-08', '2026-03-11T06:00:00+01:00', 100));
    const v2 = await addSnapshotVersion(db, take('2026-03-02', '2026-03-08', '2026-03-20T09:00:00+01:00', 110));
    const other = await addSnapshotVersion(db, take('2026-03-09', '2026-03-15', '2026-03-18T06:00:00+01:00', 50));
    const v3 = await addSnapshotVersion(db, take('2026-03-02', '2026-03-08', '2026-04-01T09:00:00+02:00', 111));
    expect([v1.version, v2.version, v3.version, other.version]).toEqual([1, 2, 3, 1]);
    expect(new Set([v1.id, v2.id, v3.id]).size).toBe(3);

    const all = await listSnapshots(db, 'plan-b');
    expect(all.map((s) => [s.weekStart, s.version, s.report.totals.spendWeek])).toEqual([
      ['2026-03-02', 1, 100],
      ['2026-03-02', 2, 110],
      ['2026-03-02', 3, 111],
      ['2026-03-09', 1, 50],
    ]);
    expect(all[0]).toEqual(v1); // version 1 is exactly as first taken
    expect((await latestSnapshots(db, 'plan-b')).map((s) => [s.weekStart, s.version])).toEqual([
      ['2026-03-02', 3],
      ['2026-03-09', 1],
    ]);
    expect(await latestSnapshot(db, 'plan-b', '2026-03-02')).toEqual(v3);
    expect(await latestSnapshot(db, 'plan-b', '2026-03-16')).toBeUndefined();
  });

  it('refuses to overwrite: an id or a version already stored fails and changes nothing', async () => {
    const db = await freshDb();
    await upsertPlan(db, planB);
    const v1 = await addSnapshotVersion(db, { ...take('2026-03-02', '2026-03-08', '2026-03-11T06:00:00+01:00', 100), id: 's1' });
    const before = await dumpAll(db);
    await expect(
      addSnapshotVersion(db, { ...take('2026-03-02', '2026-03-08', '2026-03-12T06:00:00+01:00', 1), id: 's1' }),
    ).rejects.toThrow();
    // Even written directly, the unique [planId+weekStart+version] index keeps version 1 single.
    await expect(db.snapshots.add({ ...v1, id: 's1-bis' })).rejects.toThrow();
    expect(await dumpAll(db)).toEqual(before);
  });

  it('refuses a report of another week or plan, an unknown plan, and an invalid report', async () => {
    const db = await freshDb();
    await upsertPlan(db, planB);
    await expect(
      addSnapshotVersion(db, { ...take('2026-03-02', '2026-03-08', '2026-03-11T06:00:00+01:00', 1), weekStart: '2026-03-09' }),
    ).rejects.toMatchObject({
      path: 'report.week.start',
    });
    await expect(
      addSnapshotVersion(db, { ...take('2026-03-02', '2026-03-08', '2026-03-11T06:00:00+01:00', 1), planId: 'nope' }),
    ).rejects.toMatchObject({
      path: 'planId',
    });
    await expect(addSnapshotVersion(db, take('2026-03-02', '2026-03-08', 'yesterday', 1))).rejects.toMatchObject({ path: 'takenAt' });
    expect(await db.snapshots.count()).toBe(0);
  });
});

describe('meta', () => {
  it('stores typed values and reads a value that no longer fits as absent', async () => {
    const db = await freshDb();
    expect(await getMeta(db, 'lastSnapshotRun')).toBeUndefined();
    await setMeta(db, 'lastSnapshotRun', '2026-11-17T06:00:00+01:00');
    expect(await getMeta(db, 'lastSnapshotRun')).toBe('2026-11-17T06:00:00+01:00');
    await expect(setMeta(db, 'lastSnapshotRun', 'last tuesday')).rejects.toThrow(/lastSnapshotRun/);
    await db.meta.put({ key: 'lastSnapshotRun', value: 42 });
    expect(await getMeta(db, 'lastSnapshotRun')).toBeUndefined();
  });
});
