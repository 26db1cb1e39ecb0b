import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { loadPlanData, openPlanpilotDb, rowSchemas, SCHEMA_VERSION, STORES_V1 } from '@/lib/db';
import { type WeeklyReport, weeklyReportSchema } from '@/lib/domain';
import { DEMO_PLAN, demo, isolated, readFixture } from './helpers';

/** Rows exactly as version 1 of the extension wrote them: the demo plan (v1 had no result entries), two snapshots, a second plan. */
function v1Rows() {
  const b = demo();
  const report = (week: string) => weeklyReportSchema.parse(readFixture<WeeklyReport>(`backups/demo-plan.week-${week}.expected.json`));
  const snapshots = [
    {
      id: 'snap-46-v1',
      planId: DEMO_PLAN,
      weekStart: '2026-11-09',
      version: 1,
      takenAt: '2026-11-17T06:00:00+01:00',
      report: report('2026-11-09'),
    },
    {
      id: 'snap-47-v1',
      planId: DEMO_PLAN,
      weekStart: '2026-11-16',
      version: 1,
      takenAt: '2026-11-24T06:00:00+01:00',
      report: report('2026-11-16'),
    },
  ];
  const other = {
    plan: { ...b.plans[0], id: 'plan-b', name: 'Autre plan', freezeDelayDays: 5 },
    objectives: [
      { id: 'ob-z', planId: 'plan-b', name: 'Z', metric: 'leads', target: 10, deadline: '2026-12-31', description: '' },
      { id: 'ob-a', planId: 'plan-b', name: 'A', metric: 'clicks', target: 10, deadline: '2026-12-31', description: '' },
    ],
    actions: ['b-2', 'b-1'].map((id) => ({ ...b.actions[0], id, planId: 'plan-b', objectiveIds: ['ob-a'] })),
  };
  return {
    plans: [...b.plans, other.plan],
    objectives: [...b.objectives, ...other.objectives],
    actions: [...b.actions, ...other.actions],
    campaignLinks: b.campaignLinks,
    captures: b.captures,
    spendEntries: b.spendEntries,
    snapshots,
  };
}

type Rows = ReturnType<typeof v1Rows>;
const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
const without = <T extends object>(rows: T[], key: string) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== key)));

async function createV1(rows: Rows) {
  const { name, options } = isolated();
  const v1 = new Dexie(name, options);
  v1.version(1).stores(STORES_V1); // the very declaration database.ts keeps as version 1
  await v1.open();
  await v1.transaction('rw', v1.tables, async () => {
    for (const [table, list] of Object.entries(rows)) await v1.table(table).bulkAdd(list);
  });
  expect(v1.verno).toBe(1);
  expect(v1.tables.map((t) => t.name).sort()).not.toContain('resultEntries');
  v1.close();
  return { name, options };
}

describe('version 1 → 2 upgrade', () => {
  it('keeps every row, valid against the zod schemas, and fills what version 2 adds', async () => {
    const rows = v1Rows();
    const { name, options } = await createV1(rows);
    const db = await openPlanpilotDb(name, options);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(2);

    // Every row of every table is valid, with its bookkeeping fields.
    for (const [table, schema] of Object.entries(rowSchemas)) {
      for (const row of await db.table(table).toArray()) {
        const r = schema.safeParse(row);
        expect(r.success, `${table} ${JSON.stringify(row).slice(0, 80)}: ${r.error?.message}`).toBe(true);
      }
    }

    // Counts equal, rows deep-equal apart from the fields the upgrade adds.
    expect(await db.campaignLinks.toArray()).toEqual(byId(rows.campaignLinks));
    expect(await db.spendEntries.toArray()).toEqual(byId(rows.spendEntries));
    expect(await db.snapshots.toArray()).toEqual(byId(rows.snapshots));
    expect(without(await db.plans.toArray(), 'freezeDelayDays')).toEqual(without(byId(rows.plans), 'freezeDelayDays'));
    expect(without(await db.objectives.toArray(), 'order')).toEqual(byId(rows.objectives));
    expect(without(await db.actions.toArray(), 'order')).toEqual(byId(rows.actions));
    expect(without(await db.captures.toArray(), 'seq')).toEqual(byId(rows.captures));
    expect(await db.resultEntries.count()).toBe(0);
    expect(await db.meta.count()).toBe(0);

    // freezeDelayDays: the default where v1 had none, kept where it had one.
    expect(Object.fromEntries((await db.plans.toArray()).map((p) => [p.id, p.freezeDelayDays]))).toEqual({ [DEMO_PLAN]: 2, 'plan-b': 5 });
    // order: v1's id order, counted within each plan.
    const order = (rs: { id: string; order: number }[]) => Object.fromEntries(rs.map((r) => [r.id, r.order]));
    expect(order(await db.objectives.toArray())).toEqual({ 'obj-demos': 0, 'obj-leads': 1, 'obj-notoriete': 2, 'ob-a': 0, 'ob-z': 1 });
    expect(order(await db.actions.where('planId').equals('plan-b').toArray())).toEqual({ 'b-1': 0, 'b-2': 1 });
    // seq: 1…n in v1's (id) order.
    expect((await db.captures.toArray()).map((c) => c.seq)).toEqual(rows.captures.map((_, i) => i + 1));
    db.close();
  });

  it('serves the new indexes and tables on upgraded data', async () => {
    const { name, options } = await createV1(v1Rows());
    const db = await openPlanpilotDb(name, options);
    const data = await loadPlanData(db, DEMO_PLAN);
    expect(data?.actions.map((a) => a.id)).toEqual(demo().actions.map((a) => a.id));
    expect(data?.captures).toHaveLength(138);
    // The new unique index refuses a second version 1 of a week.
    const snap = await db.snapshots.get('snap-46-v1');
    if (!snap) throw new Error('snapshot lost');
    await expect(db.snapshots.add({ ...snap, id: 'snap-46-dup' })).rejects.toThrow();
    await db.resultEntries.add({ id: 'r1', actionId: 'act-a06', date: '2026-11-17', metric: 'leads', value: 3, note: '' });
    expect(await db.resultEntries.where('[actionId+date]').equals(['act-a06', '2026-11-17']).count()).toBe(1);
    db.close();
  });

  it('opens a new database directly at the current version', async () => {
    const { name, options } = isolated();
    const db = await openPlanpilotDb(name, options);
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      ['actions', 'campaignLinks', 'captures', 'meta', 'objectives', 'plans', 'resultEntries', 'snapshots', 'spendEntries'].sort(),
    );
    db.close();
  });
});
