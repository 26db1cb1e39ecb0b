import { describe, expect, it } from 'vitest';
import {
  deleteAction,
  deleteObjective,
  deletePlan,
  linkCampaign,
  listActions,
  listObjectives,
  listPlans,
  loadPlanData,
  reorderActions,
  restoreBackup,
  restoreBundle,
  StoreError,
  upsertAction,
  upsertObjective,
  upsertPlan,
} from '@/lib/db';
import { action, planB, seedPlanB } from './fixtures';
import { DEMO_PLAN, demo, demoText, dumpAll, freshDb } from './helpers';

async function demoDb() {
  const db = await freshDb();
  await seedPlanB(db);
  await restoreBackup(db, demoText);
  return db;
}

describe('deleting, with undo', () => {
  it('deleteAction takes its links and entries with it; restoreBundle puts everything back', async () => {
    const db = await demoDb();
    const before = await dumpAll(db);
    const bundle = await deleteAction(db, 'act-a06'); // trade show: spend and result entries, no links
    expect(bundle.actions.map((a) => a.id)).toEqual(['act-a06']);
    expect(bundle.spendEntries).toHaveLength(5);
    expect(bundle.resultEntries.map((e) => e.id)).toEqual(['res-001', 'res-002', 'res-003', 'res-004', 'res-005']);

    const a01 = await deleteAction(db, 'act-a01');
    expect(a01.campaignLinks.map((l) => l.id).sort()).toEqual(['lnk-01', 'lnk-02']);
    expect(a01.spendEntries.map((e) => e.id).sort()).toEqual(['dep-01', 'dep-02', 'dep-03']);

    const data = await loadPlanData(db, DEMO_PLAN);
    expect(data?.actions.map((a) => a.code)).toEqual(['A02', 'A03', 'A04', 'A05', 'A07', 'A08']);
    expect(data?.campaignLinks.some((l) => l.actionId === 'act-a01')).toBe(false);
    expect((await db.resultEntries.toArray()).map((e) => e.id)).toEqual(['b-res-1', 'res-006']);
    expect(await db.captures.count()).toBe(150); // captures are never deleted with an action

    await restoreBundle(db, a01);
    await restoreBundle(db, bundle);
    expect(await dumpAll(db)).toEqual(before);
    expect((await listActions(db, DEMO_PLAN)).map((a) => a.code)).toEqual(['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08']);
  });

  it('deletePlan removes the plan and all it owns but no capture, and undoes', async () => {
    const db = await demoDb();
    const before = await dumpAll(db);
    const bundle = await deletePlan(db, DEMO_PLAN);
    expect(bundle).toMatchObject({ plans: [{ id: DEMO_PLAN }] });
    expect(
      [bundle.objectives, bundle.actions, bundle.campaignLinks, bundle.spendEntries, bundle.resultEntries].map((r) => r.length),
    ).toEqual([3, 8, 7, 20, 6]);
    expect((await listPlans(db)).map((p) => p.id)).toEqual(['plan-b']);
    expect(await db.actions.count()).toBe(2);
    expect(await db.captures.count()).toBe(150);
    const b = await deletePlan(db, 'plan-b');
    expect(b.snapshots.map((x) => x.id)).toEqual(['b-snap-1']);
    expect(await db.snapshots.count()).toBe(0);
    expect(await db.plans.count()).toBe(0);
    await restoreBundle(db, bundle);
    await restoreBundle(db, b);
    expect(await dumpAll(db)).toEqual(before);
  });

  it('deleteObjective takes its id out of the actions, and undo restores both', async () => {
    const db = await demoDb();
    const before = await dumpAll(db);
    const bundle = await deleteObjective(db, 'obj-demos');
    expect(bundle.objectives.map((o) => o.id)).toEqual(['obj-demos']);
    expect(bundle.actions.map((a) => a.id)).toEqual(['act-a01', 'act-a02', 'act-a08']);
    expect((await db.actions.get('act-a01'))?.objectiveIds).toEqual(['obj-leads']);
    await restoreBundle(db, bundle);
    expect(await dumpAll(db)).toEqual(before);
  });

  it('refuses an undo whose plan is gone, writing nothing', async () => {
    const db = await demoDb();
    const bundle = await deleteAction(db, 'act-a03');
    await deletePlan(db, DEMO_PLAN);
    const before = await dumpAll(db);
    await expect(restoreBundle(db, bundle)).rejects.toThrow(/plan "plan-2026-s2" no longer exists/);
    expect(await dumpAll(db)).toEqual(before);
  });

  it('moves a campaign back when its link is restored after it was linked elsewhere', async () => {
    const db = await demoDb();
    const bundle = await deleteAction(db, 'act-a02');
    const lnk03 = bundle.campaignLinks[0];
    if (!lnk03) throw new Error('act-a02 had a link');
    await linkCampaign(db, { ...lnk03, id: 'lnk-tmp', actionId: 'act-a01' });
    await restoreBundle(db, bundle);
    expect(await db.campaignLinks.get('lnk-tmp')).toBeUndefined();
    expect((await db.campaignLinks.get('lnk-03'))?.actionId).toBe('act-a02');
  });
});

describe('plans, objectives and actions', () => {
  it('fills freezeDelayDays, validates, and lists plans by start date', async () => {
    const db = await freshDb();
    const { freezeDelayDays: _, ...noDelay } = planB;
    expect(await upsertPlan(db, noDelay)).toMatchObject({ freezeDelayDays: 2 });
    await expect(upsertPlan(db, { ...planB, id: 'p2', currency: 'euro' })).rejects.toMatchObject({ path: 'currency' });
    await expect(upsertPlan(db, { ...planB, id: 'p2', end: '2025-12-31' })).rejects.toMatchObject({ path: 'end' });
    await upsertPlan(db, { ...planB, id: 'p0', name: 'Earlier', start: '2025-07-01' });
    expect((await listPlans(db)).map((p) => p.id)).toEqual(['p0', 'plan-b']);
  });

  it('appends new objectives and actions, keeps the place of an edited one, and reorders', async () => {
    const db = await freshDb();
    await upsertPlan(db, planB);
    await upsertObjective(db, {
      id: 'o-z',
      planId: 'plan-b',
      name: 'Z',
      metric: 'leads',
      target: 1,
      deadline: '2026-12-31',
      description: '',
    });
    await upsertObjective(db, {
      id: 'o-a',
      planId: 'plan-b',
      name: 'A',
      metric: 'leads',
      target: 1,
      deadline: '2026-12-31',
      description: '',
    });
    expect((await listObjectives(db, 'plan-b')).map((o) => o.id)).toEqual(['o-z', 'o-a']);
    for (const id of ['x3', 'x1', 'x2']) await upsertAction(db, action(id, 'plan-b'));
    await upsertAction(db, action('x1', 'plan-b', { name: 'Renamed', objectiveIds: ['o-a'] }));
    expect((await listActions(db, 'plan-b')).map((a) => [a.id, a.name])).toEqual([
      ['x3', 'Action x3'],
      ['x1', 'Renamed'],
      ['x2', 'Action x2'],
    ]);
    expect((await listActions(db, 'plan-b'))[1]).not.toHaveProperty('order');
    await reorderActions(db, 'plan-b', ['x2', 'x3', 'x1']);
    expect((await listActions(db, 'plan-b')).map((a) => a.id)).toEqual(['x2', 'x3', 'x1']);
    await expect(reorderActions(db, 'plan-b', ['x2', 'x3'])).rejects.toThrow(StoreError);
    await expect(reorderActions(db, 'plan-b', ['x2', 'x2', 'x1'])).rejects.toThrow(StoreError);
  });

  it('refuses an action of a missing plan, serving another plan’s objective, or invalid', async () => {
    const db = await freshDb();
    await seedPlanB(db);
    await restoreBackup(db, demoText);
    const before = await dumpAll(db);
    const a = demo().actions[0];
    if (!a) throw new Error('demo has actions');
    await expect(upsertAction(db, { ...a, id: 'n1', planId: 'nope' })).rejects.toMatchObject({ path: 'planId' });
    await expect(upsertAction(db, { ...a, id: 'n1', objectiveIds: ['obj-leads', 'b-obj'] })).rejects.toMatchObject({
      path: 'objectiveIds[1]',
    });
    await expect(upsertAction(db, { ...a, id: 'n1', targets: { cpc: -1 } })).rejects.toMatchObject({ path: 'targets.cpc' });
    await expect(upsertAction(db, { ...a, id: 'n1', end: '2026-01-01' })).rejects.toMatchObject({ path: 'end' });
    await expect(
      upsertObjective(db, { id: 'o', planId: 'nope', name: 'x', metric: 'leads', target: 1, deadline: '2026-12-31', description: '' }),
    ).rejects.toMatchObject({
      path: 'planId',
    });
    expect(await dumpAll(db)).toEqual(before);
  });
});
