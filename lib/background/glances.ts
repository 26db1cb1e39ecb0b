import { today } from '../clock';
import { keepGlance, listPlans, loadPlanData, type PlanpilotDb } from '../db';
import { computeStandings, glanceOf } from '../kpi';

/** New captures changed the figures: recompute every plan's glance, so the next popup opens on today's figures. */
export async function refreshGlances(db: PlanpilotDb): Promise<void> {
  const asOf = today();
  for (const plan of await listPlans(db)) {
    const data = await loadPlanData(db, plan.id);
    if (data) await keepGlance(db, glanceOf(plan.id, asOf, computeStandings(data, asOf)));
  }
}
