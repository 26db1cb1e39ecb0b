/** Writes a new plan with its objectives and actions in one transaction: all of it, or nothing. */
import { type PlanpilotDb, StoreError, upsertAction, upsertObjective, upsertPlan } from '@/lib/db';
import type { NextPlan } from './carryover';

export async function createPlanWith(db: PlanpilotDb, rows: NextPlan): Promise<void> {
  await db.transaction('rw', db.plans, db.objectives, db.actions, async () => {
    if (await db.plans.get(rows.plan.id)) throw new StoreError(`plan "${rows.plan.id}" already exists`, 'id');
    await upsertPlan(db, rows.plan);
    for (const objective of rows.objectives) await upsertObjective(db, objective);
    for (const action of rows.actions) await upsertAction(db, action);
  });
}
