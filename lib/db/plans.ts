import { Dexie } from 'dexie';
import { z } from 'zod';
import {
  type Action,
  actionSchema,
  type CampaignLink,
  campaignLinkSchema,
  DEFAULT_FREEZE_DELAY_DAYS,
  type Objective,
  objectiveSchema,
  type Plan,
  planSchema,
  type ResultEntry,
  resultEntrySchema,
  type SpendEntry,
  spendEntrySchema,
  type WeeklySnapshot,
  weeklySnapshotSchema,
} from '@/lib/domain';
import type { PlanpilotDb } from './database';
import { StoreError, validate } from './errors';
import { rowsForCampaigns } from './match';
import { rowsWhere } from './query';
import { compare, type StoredAction, type StoredObjective, storedActionSchema, storedObjectiveSchema, toAction, toObjective } from './rows';

// ── Reading ──────────────────────────────────────────────────────────────────

/** Every plan, by start date, then name, then id. */
export async function listPlans(db: PlanpilotDb): Promise<Plan[]> {
  const plans = await db.plans.toArray();
  return plans.sort((a, b) => compare(a.start, b.start) || compare(a.name, b.name) || compare(a.id, b.id));
}

export async function getPlan(db: PlanpilotDb, planId: string): Promise<Plan | undefined> {
  return db.plans.get(planId);
}

/** A plan's objectives in stored order (ascending `order`). */
export async function listObjectives(db: PlanpilotDb, planId: string): Promise<Objective[]> {
  return (await storedObjectives(db, planId)).map(toObjective);
}

/**
 * A plan's actions in stored order (ascending `order`, ties — possible after an undo — by id):
 * the order the plan, the report and backups list them in.
 */
export async function listActions(db: PlanpilotDb, planId: string): Promise<Action[]> {
  return (await storedActions(db, planId)).map(toAction);
}

export function storedObjectives(db: PlanpilotDb, planId: string): Promise<StoredObjective[]> {
  return db.objectives.where('[planId+order]').between([planId, Dexie.minKey], [planId, Dexie.maxKey]).toArray();
}

export function storedActions(db: PlanpilotDb, planId: string): Promise<StoredAction[]> {
  return db.actions.where('[planId+order]').between([planId, Dexie.minKey], [planId, Dexie.maxKey]).toArray();
}

// ── Writing ──────────────────────────────────────────────────────────────────

/** Adds or replaces a plan. The store always holds a `freezeDelayDays` (default 2), as version 2's upgrade does. */
export async function upsertPlan(db: PlanpilotDb, plan: Plan): Promise<Plan> {
  const row = withPlanDefaults(validate(planSchema, plan, 'plan'));
  await db.plans.put(row);
  return row;
}

export function withPlanDefaults(plan: Plan): Plan {
  return plan.freezeDelayDays === undefined ? { ...plan, freezeDelayDays: DEFAULT_FREEZE_DELAY_DAYS } : plan;
}

/** Adds or replaces an objective; a new one goes last in its plan, an existing one keeps its place. */
export async function upsertObjective(db: PlanpilotDb, objective: Objective): Promise<Objective> {
  const row = validate(objectiveSchema, objective, 'objective');
  return db.transaction('rw', db.plans, db.objectives, async () => {
    if (!(await db.plans.get(row.planId))) throw new StoreError(`plan "${row.planId}" does not exist`, 'planId');
    const existing = await db.objectives.get(row.id);
    const order = existing && existing.planId === row.planId ? existing.order : await nextOrder(db.objectives, row.planId);
    await db.objectives.put({ ...row, order });
    return row;
  });
}

/**
 * Adds or replaces an action; a new one goes last in its plan, an existing one keeps its place.
 * Its plan must exist and its objectives must be objectives of that plan.
 */
export async function upsertAction(db: PlanpilotDb, action: Action): Promise<Action> {
  const row = validate(actionSchema, action, 'action');
  return db.transaction('rw', db.plans, db.objectives, db.actions, async () => {
    if (!(await db.plans.get(row.planId))) throw new StoreError(`plan "${row.planId}" does not exist`, 'planId');
    const objectives = await db.objectives.bulkGet(row.objectiveIds);
    objectives.forEach((objective, i) => {
      if (objective?.planId !== row.planId) {
        throw new StoreError(`objective "${row.objectiveIds[i]}" is not an objective of plan "${row.planId}"`, `objectiveIds[${i}]`);
      }
    });
    const existing = await db.actions.get(row.id);
    const order = existing && existing.planId === row.planId ? existing.order : await nextOrder(db.actions, row.planId);
    await db.actions.put({ ...row, order });
    return row;
  });
}

/** Puts a plan's actions in the given order; `actionIds` must list each of the plan's actions once. */
export async function reorderActions(db: PlanpilotDb, planId: string, actionIds: readonly string[]): Promise<void> {
  await db.transaction('rw', db.actions, async () => {
    const actions = await storedActions(db, planId);
    const known = new Set(actions.map((a) => a.id));
    if (actionIds.length !== known.size || new Set(actionIds).size !== known.size || actionIds.some((id) => !known.has(id))) {
      throw new StoreError(`the new order must list each action of plan "${planId}" once`);
    }
    const position = new Map(actionIds.map((id, i) => [id, i]));
    await db.actions.bulkPut(actions.map((a) => ({ ...a, order: position.get(a.id) ?? a.order })));
  });
}

async function nextOrder(table: PlanpilotDb['actions'] | PlanpilotDb['objectives'], planId: string): Promise<number> {
  const last = await table.where('[planId+order]').between([planId, Dexie.minKey], [planId, Dexie.maxKey]).last();
  return last ? last.order + 1 : 0;
}

// ── Deleting, and undoing a deletion ─────────────────────────────────────────

/**
 * What a deletion removed or changed, as it was just before: hand it to `restoreBundle` to undo.
 * Rows keep their stored order. `actions` also holds actions that were only changed (deleting an
 * objective takes its id out of the actions that served it); restoring puts them back as they were.
 * Captures are never in a bundle: they belong to no plan and are never deleted with one.
 */
export type DeletedBundle = {
  plans: Plan[];
  objectives: StoredObjective[];
  actions: StoredAction[];
  campaignLinks: CampaignLink[];
  spendEntries: SpendEntry[];
  resultEntries: ResultEntry[];
  snapshots: WeeklySnapshot[];
};

export const deletedBundleSchema = z.object({
  plans: z.array(planSchema),
  objectives: z.array(storedObjectiveSchema),
  actions: z.array(storedActionSchema),
  campaignLinks: z.array(campaignLinkSchema),
  spendEntries: z.array(spendEntrySchema),
  resultEntries: z.array(resultEntrySchema),
  snapshots: z.array(weeklySnapshotSchema),
});

export function emptyBundle(): DeletedBundle {
  return { plans: [], objectives: [], actions: [], campaignLinks: [], spendEntries: [], resultEntries: [], snapshots: [] };
}

/** Tables a plan owns (everything but captures and meta). */
export function ownedTables(db: PlanpilotDb) {
  return [db.plans, db.objectives, db.actions, db.campaignLinks, db.spendEntries, db.resultEntries, db.snapshots];
}

/** Everything that belongs to the given plans (call inside a transaction over `ownedTables`). */
export async function rowsOfPlans(db: PlanpilotDb, planIds: readonly string[]): Promise<DeletedBundle> {
  const ids = [...planIds];
  const plans = (await db.plans.bulkGet(ids)).filter((p): p is Plan => p !== undefined);
  const objectives = await rowsWhere(db.objectives, 'planId', ids);
  const actions = await rowsWhere(db.actions, 'planId', ids);
  const snapshots = await rowsWhere(db.snapshots, 'planId', ids);
  return { ...(await rowsOfActions(db, actions)), plans, objectives, snapshots };
}

/** An action's links and entries, with the actions themselves. */
async function rowsOfActions(db: PlanpilotDb, actions: StoredAction[]): Promise<DeletedBundle> {
  const actionIds = actions.map((a) => a.id);
  const [campaignLinks, spendEntries, resultEntries] = await Promise.all([
    rowsWhere(db.campaignLinks, 'actionId', actionIds),
    rowsWhere(db.spendEntries, 'actionId', actionIds),
    rowsWhere(db.resultEntries, 'actionId', actionIds),
  ]);
  return { ...emptyBundle(), actions, campaignLinks, spendEntries, resultEntries };
}

/** Deletes rows (call inside a transaction over `ownedTables`). */
export async function deleteRows(db: PlanpilotDb, bundle: DeletedBundle): Promise<void> {
  const ids = <T extends { id: string }>(rows: T[]) => rows.map((r) => r.id);
  await db.snapshots.bulkDelete(ids(bundle.snapshots));
  await db.resultEntries.bulkDelete(ids(bundle.resultEntries));
  await db.spendEntries.bulkDelete(ids(bundle.spendEntries));
  await db.campaignLinks.bulkDelete(ids(bundle.campaignLinks));
  await db.actions.bulkDelete(ids(bundle.actions));
  await db.objectives.bulkDelete(ids(bundle.objectives));
  await db.plans.bulkDelete(ids(bundle.plans));
}

/** Deletes a plan with its objectives, actions, links, entries and snapshots. Captures stay. */
export async function deletePlan(db: PlanpilotDb, planId: string): Promise<DeletedBundle> {
  return db.transaction('rw', ownedTables(db), async () => {
    const bundle = await rowsOfPlans(db, [planId]);
    await deleteRows(db, bundle);
    return bundle;
  });
}

/** Deletes an objective and takes its id out of the actions that served it. */
export async function deleteObjective(db: PlanpilotDb, objectiveId: string): Promise<DeletedBundle> {
  return db.transaction('rw', db.objectives, db.actions, async () => {
    const objective = await db.objectives.get(objectiveId);
    if (!objective) return emptyBundle();
    const actions = (await storedActions(db, objective.planId)).filter((a) => a.objectiveIds.includes(objectiveId));
    await db.actions.bulkPut(actions.map((a) => ({ ...a, objectiveIds: a.objectiveIds.filter((id) => id !== objectiveId) })));
    await db.objectives.delete(objectiveId);
    return { ...emptyBundle(), objectives: [objective], actions };
  });
}

/** Deletes an action with its campaign links, spend entries and result entries. */
export async function deleteAction(db: PlanpilotDb, actionId: string): Promise<DeletedBundle> {
  return db.transaction('rw', ownedTables(db), async () => {
    const action = await db.actions.get(actionId);
    if (!action) return emptyBundle();
    const bundle = await rowsOfActions(db, [action]);
    await deleteRows(db, bundle);
    return bundle;
  });
}

/**
 * Undoes a deletion: puts every row of the bundle back, in one transaction. Refused (nothing
 * written) when a row's plan or action is neither in the bundle nor in the store any more.
 * A campaign link whose campaign has since been linked to another action moves back (a campaign
 * feeds one action).
 */
export async function restoreBundle(db: PlanpilotDb, bundle: DeletedBundle): Promise<void> {
  const b = validate(deletedBundleSchema, bundle, 'deleted rows');
  await db.transaction('rw', ownedTables(db), async () => {
    const wanted = [...new Set([...b.objectives, ...b.actions, ...b.snapshots].map((r) => r.planId))];
    const stored = (await db.plans.bulkGet(wanted)).filter((p): p is Plan => p !== undefined);
    const planIds = new Set([...b.plans, ...stored].map((p) => p.id));
    const objectiveIds = new Set(b.objectives.map((o) => o.id));
    const actionIds = new Set(b.actions.map((a) => a.id));
    const missing = (what: string, id: string) => new StoreError(`cannot undo: ${what} "${id}" no longer exists`);
    for (const row of [...b.objectives, ...b.actions, ...b.snapshots]) {
      if (!planIds.has(row.planId)) throw missing('plan', row.planId);
    }
    for (const action of b.actions) {
      const gone = action.objectiveIds.filter((id) => !objectiveIds.has(id));
      const found = await db.objectives.bulkGet(gone);
      const i = found.indexOf(undefined);
      if (i >= 0) throw missing('objective', gone[i] ?? '');
    }
    for (const row of [...b.campaignLinks, ...b.spendEntries, ...b.resultEntries]) {
      if (!actionIds.has(row.actionId) && !(await db.actions.get(row.actionId))) throw missing('action', row.actionId);
    }
    const ids = new Set(b.campaignLinks.map((l) => l.id));
    const displaced = (await rowsForCampaigns(db.campaignLinks, b.campaignLinks)).filter((l) => !ids.has(l.id));
    await db.campaignLinks.bulkDelete(displaced.map((l) => l.id));
    await db.plans.bulkPut(b.plans);
    await db.objectives.bulkPut(b.objectives);
    await db.actions.bulkPut(b.actions);
    await db.campaignLinks.bulkPut(b.campaignLinks);
    await db.spendEntries.bulkPut(b.spendEntries);
    await db.resultEntries.bulkPut(b.resultEntries);
    await db.snapshots.bulkPut(b.snapshots);
  });
}
