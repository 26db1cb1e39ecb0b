import type { Plan, PlanData } from '@/lib/domain';
import type { PlanpilotDb } from './database';
import { rowsForCampaigns } from './match';
import { storedActions, storedObjectives } from './plans';
import { rowsWhere } from './query';
import { byKeyThenId, compare, type StoredAction, type StoredObjective, toAction, toCapture, toObjective } from './rows';

/**
 * Everything the KPI engine needs for one plan, read in one transaction:
 * - objectives and actions in stored order (ascending `order`);
 * - the campaign links of its actions, by action order then link id;
 * - the captures that belong to those links (DESIGN.md's rule: console, account where both known,
 *   campaign id where both carry one, else exact name), found through the capture indexes,
 *   in stored order (`seq`), each once;
 * - spend and result entries of its actions, by date then id.
 * Captures in another currency are included: leaving them out (and flagging them) is lib/kpi's job.
 */
export async function loadPlanData(db: PlanpilotDb, planId: string): Promise<PlanData | undefined> {
  return db.transaction('r', readTables(db), async () => {
    const plan = await db.plans.get(planId);
    if (!plan) return undefined;
    const [objectives, actions] = await Promise.all([storedObjectives(db, planId), storedActions(db, planId)]);
    return dataOf(db, plan, objectives, actions);
  });
}

/**
 * PlanData restricted to some actions (the popup computes only the actions linked to the
 * campaigns on its tab): one PlanData per plan those actions belong to, by plan id, each with its
 * plan, all its objectives, and only the requested actions (stored order) with their links,
 * captures and entries. Reads by key and index only, so it costs the same on a 200-action plan as
 * on a small one. Unknown ids are ignored. Objective progress from this partial data is partial.
 */
export async function loadActionsData(db: PlanpilotDb, actionIds: readonly string[]): Promise<PlanData[]> {
  return db.transaction('r', readTables(db), async () => {
    const actions = (await db.actions.bulkGet([...new Set(actionIds)])).filter((a): a is StoredAction => a !== undefined);
    const planIds = [...new Set(actions.map((a) => a.planId))].sort(compare);
    const out: PlanData[] = [];
    for (const planId of planIds) {
      const plan = await db.plans.get(planId);
      if (!plan) continue;
      const mine = actions.filter((a) => a.planId === planId).sort((a, b) => a.order - b.order || compare(a.id, b.id));
      out.push(await dataOf(db, plan, await storedObjectives(db, planId), mine));
    }
    return out;
  });
}

function readTables(db: PlanpilotDb) {
  return [db.plans, db.objectives, db.actions, db.campaignLinks, db.captures, db.spendEntries, db.resultEntries];
}

async function dataOf(db: PlanpilotDb, plan: Plan, objectives: StoredObjective[], actions: StoredAction[]): Promise<PlanData> {
  const actionIds = actions.map((a) => a.id);
  const position = new Map(actions.map((a, i) => [a.id, i]));
  const [links, spendEntries, resultEntries] = await Promise.all([
    rowsWhere(db.campaignLinks, 'actionId', actionIds),
    rowsWhere(db.spendEntries, 'actionId', actionIds),
    rowsWhere(db.resultEntries, 'actionId', actionIds),
  ]);
  links.sort((a, b) => (position.get(a.actionId) ?? 0) - (position.get(b.actionId) ?? 0) || compare(a.id, b.id));
  const captures = await rowsForCampaigns(db.captures, links);
  return {
    plan,
    objectives: objectives.map(toObjective),
    actions: actions.map(toAction),
    campaignLinks: links,
    captures: captures.sort((a, b) => a.seq - b.seq).map(toCapture),
    spendEntries: spendEntries.sort(byKeyThenId((e) => e.date)),
    resultEntries: resultEntries.sort(byKeyThenId((e) => e.date)),
  };
}
