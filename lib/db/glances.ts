import type { PlanGlance } from '../kpi/glance';
import type { PlanpilotDb } from './database';
import { getMeta, setMeta } from './meta';

/** The glance kept for a plan, if any (it may be from an earlier day or before the latest writes). */
export async function getGlance(db: PlanpilotDb, planId: string): Promise<PlanGlance | undefined> {
  return (await getMeta(db, 'glances'))?.[planId];
}

/** Keeps a freshly computed glance; a failure to keep it only costs the next popup its head start. */
export async function keepGlance(db: PlanpilotDb, glance: PlanGlance): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const all = (await getMeta(db, 'glances')) ?? {};
    const previous = all[glance.planId];
    if (previous && JSON.stringify(previous) === JSON.stringify(glance)) return;
    await setMeta(db, 'glances', { ...all, [glance.planId]: glance });
  });
}
