import { beforeEach, describe, expect, it } from 'vitest';
import { reportCommand } from '@/lib/cli/report';
import { addSpendEntry, exportBackup, getMeta, listSnapshots, type PlanpilotDb, restoreBackup, upsertPlan } from '@/lib/db';
import { withoutFloatNoise } from '@/lib/export/numbers';
import { planDataFromBackup } from '@/lib/kpi';
import { buildWeeklyReport } from '@/lib/kpi/report';
import { localMidnight, runCatchUp, snapshotCsvFile, takenWeeks, takeSnapshot } from '@/lib/snapshots';
import { DEMO_PLAN, demo, demoText, dumpAll, freshDb, nth } from '../db/helpers';

const at = (day: string, hour = 10) => {
  const d = localMidnight(day);
  d.setHours(hour);
  return d;
};

/** The `report` command on the store as it is now (exported as a backup file). */
async function reportOf(db: PlanpilotDb, weekStart: string, format: 'json' | 'csv', locale?: string): Promise<string> {
  const text = JSON.stringify(await exportBackup(db));
  const args = ['backup.json', '--plan', DEMO_PLAN, '--week-start', weekStart, '--format', format, ...(locale ? ['--locale', locale] : [])];
  return reportCommand(args, () => text);
}

describe('taking weekly snapshots of the demo plan', () => {
  let db: PlanpilotDb;
  beforeEach(async () => {
    db = await freshDb();
    const restored = await restoreBackup(db, demoText);
    if (!restored.ok) throw new Error(restored.error);
  });

  it('catches up every complete week since the plan’s start (Jul 1) and records the run', async () => {
    // Tuesday 24 Nov 2026: the week of 16 Nov is due on Wednesday 25 Nov (2 days after it ends).
    const now = at('2026-11-24');
    const result = await runCatchUp(db, now);
    const weeks = result.taken.map((s) => s.weekStart);
    expect(weeks[0]).toBe('2026-06-29');
    expect(weeks.at(-1)).toBe('2026-11-09');
    expect(weeks).toHaveLength(20);
    expect(result.taken.every((s) => s.version === 1)).toBe(true);
    expect(result.nextDueAt?.getTime()).toBe(localMidnight('2026-11-25').getTime());
    expect(await getMeta(db, 'lastSnapshotRun')).toBe(nth(result.taken, 0).takenAt);
    expect(result.failed).toEqual([]);
  });

  it('stores the `report` output for its week, on the data of that moment', async () => {
    await runCatchUp(db, at('2026-11-24'));
    const snapshot = (await listSnapshots(db, DEMO_PLAN)).find((s) => s.weekStart === '2026-11-09');
    expect(snapshot?.report).toEqual(JSON.parse(await reportOf(db, '2026-11-09', 'json')));
    // The snapshot CSV is the command's CSV, byte for byte, in the plan's locale and in English.
    if (!snapshot) throw new Error('no snapshot');
    const plan = nth(demo().plans, 0);
    expect(snapshotCsvFile(snapshot, plan).text).toBe(await reportOf(db, '2026-11-09', 'csv'));
    expect(snapshotCsvFile(snapshot, plan, 'en-US').text).toBe(await reportOf(db, '2026-11-09', 'csv', 'en-US'));
  });

  it('a second run takes nothing and rewrites nothing; the next week comes the day it is due', async () => {
    await runCatchUp(db, at('2026-11-24'));
    const before = await listSnapshots(db, DEMO_PLAN);
    const again = await runCatchUp(db, at('2026-11-24', 18));
    expect(again.taken).toEqual([]);
    expect(await listSnapshots(db, DEMO_PLAN)).toEqual(before);
    const next = await runCatchUp(db, at('2026-11-25', 0));
    expect(next.taken.map((s) => s.weekStart)).toEqual(['2026-11-16']);
    expect((await listSnapshots(db, DEMO_PLAN)).slice(0, before.length)).toEqual(before);
  });

  it('a retake adds a version with the new figures and keeps the earlier one as it was', async () => {
    await runCatchUp(db, at('2026-11-24'));
    const v1 = (await listSnapshots(db, DEMO_PLAN)).find((s) => s.weekStart === '2026-11-09');
    await addSpendEntry(db, {
      id: 'late-invoice',
      actionId: 'act-a06',
      date: '2026-11-12',
      amount: 480,
      category: 'events',
      note: 'Facture tardive',
      source: 'manual',
    });
    const v2 = await takeSnapshot(db, DEMO_PLAN, '2026-11-09', at('2026-11-26'));
    expect(v2.version).toBe(2);
    const a06 = (s: typeof v2 | undefined) => s?.report.actions.find((a) => a.actionId === 'act-a06');
    expect((a06(v2)?.spendWeek ?? 0) - (a06(v1)?.spendWeek ?? 0)).toBeCloseTo(480, 6);
    const versions = (await listSnapshots(db, DEMO_PLAN)).filter((s) => s.weekStart === '2026-11-09');
    expect(versions.map((s) => s.version)).toEqual([1, 2]);
    expect(versions[0]).toEqual(v1);
    expect(v2.report).toEqual(JSON.parse(await reportOf(db, '2026-11-09', 'json')));
  });

  it('two contexts catching up at once take each week once', async () => {
    const now = at('2026-11-24');
    const [a, b] = await Promise.all([runCatchUp(db, now), runCatchUp(db, now)]);
    expect(a.taken.length + b.taken.length).toBe(20);
    const weeks = (await listSnapshots(db, DEMO_PLAN)).map((s) => `${s.weekStart}/v${s.version}`);
    expect(new Set(weeks).size).toBe(20);
    expect(weeks.every((w) => w.endsWith('/v1'))).toBe(true);
  });

  it('follows the plan’s freeze delay and catches up only after the latest snapshot', async () => {
    const plan = nth(demo().plans, 0);
    await upsertPlan(db, { ...plan, freezeDelayDays: 0 });
    await takeSnapshot(db, DEMO_PLAN, '2026-11-02', at('2026-11-10'));
    // With no delay, the week of 16 Nov is due on Monday 23 Nov.
    const result = await runCatchUp(db, at('2026-11-23'));
    expect(result.taken.map((s) => s.weekStart)).toEqual(['2026-11-09', '2026-11-16']);
    expect((await takenWeeks(db)).map((w) => w.weekStart)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
  });

  it('a manual take of an unknown plan is refused and writes nothing', async () => {
    const before = await dumpAll(db);
    await expect(takeSnapshot(db, 'nope', '2026-11-09')).rejects.toThrow(/does not exist/);
    expect(await dumpAll(db)).toEqual(before);
  });
});

describe('the engine behind a snapshot', () => {
  it('is buildWeeklyReport on the plan’s rows, numbers as `report` prints them', async () => {
    const db = await freshDb();
    await restoreBackup(db, demoText);
    const s = await takeSnapshot(db, DEMO_PLAN, '2026-11-16', at('2026-11-25'));
    const data = planDataFromBackup(demo(), DEMO_PLAN);
    if (!data) throw new Error('no demo plan');
    const tidy = (_k: string, v: unknown) => (typeof v === 'number' ? withoutFloatNoise(v) : v);
    expect(s.report).toEqual(JSON.parse(JSON.stringify(buildWeeklyReport(data, '2026-11-16'), tidy)));
  });
});
