import { describe, expect, it } from 'vitest';
import { listActions, listObjectives, listPlans, restoreBackup } from '@/lib/db';
import { carryOver, createPlanWith } from '@/lib/planning';
import { DEMO_PLAN, demoText, dumpAll, freshDb } from '../db/helpers';
import { demoData } from '../insights/builders';

function nextPlan(planId = 'plan-next') {
  let n = 0;
  return carryOver({
    source: demoData(),
    plan: { id: planId, name: 'Suite', start: '2027-01-01', end: '2027-06-30', review: '' },
    keep: [
      { actionId: 'act-a01', budget: 20_000, targets: { cpa: 50 } },
      { actionId: 'act-a03', budget: 6000, targets: {} },
    ],
    newId: (kind) => `${kind}-${++n}`,
  });
}

describe('creating the next plan in the store', () => {
  it('writes the plan, its objectives and its actions, in order', async () => {
    const db = await freshDb();
    await restoreBackup(db, demoText);
    await createPlanWith(db, nextPlan());
    expect((await listPlans(db)).map((p) => p.id)).toEqual([DEMO_PLAN, 'plan-next']);
    expect((await listActions(db, 'plan-next')).map((a) => a.code)).toEqual(['A01', 'A03']);
    expect(await listObjectives(db, 'plan-next')).toHaveLength(2);
  });

  it('writes nothing when one row is refused', async () => {
    const db = await freshDb();
    await restoreBackup(db, demoText);
    const before = await dumpAll(db);
    const rows = nextPlan();
    const broken = { ...rows, actions: [rows.actions[0], { ...rows.actions[1], end: '2026-01-01' }] } as typeof rows;
    await expect(createPlanWith(db, broken)).rejects.toThrow(/ends before it starts/);
    expect(await dumpAll(db)).toEqual(before);
  });

  it('refuses to overwrite a plan that exists', async () => {
    const db = await freshDb();
    await restoreBackup(db, demoText);
    const before = await dumpAll(db);
    await expect(createPlanWith(db, nextPlan(DEMO_PLAN))).rejects.toThrow(/already exists/);
    expect(await dumpAll(db)).toEqual(before);
  });
});
