import type { Backup, PlanData } from '../domain';

/**
 * One plan's rows out of a backup. Captures belong to no plan (links decide what they feed), so all of
 * them come along; `undefined` when the backup has no such plan.
 */
export function planDataFromBackup(backup: Backup, planId: string): PlanData | undefined {
  const plan = backup.plans.find((p) => p.id === planId);
  if (!plan) return undefined;
  const actions = backup.actions.filter((a) => a.planId === planId);
  const actionIds = new Set(actions.map((a) => a.id));
  const ofPlan = <T extends { actionId: string }>(rows: readonly T[]) => rows.filter((r) => actionIds.has(r.actionId));
  return {
    plan,
    objectives: backup.objectives.filter((o) => o.planId === planId),
    actions,
    campaignLinks: ofPlan(backup.campaignLinks),
    captures: backup.captures,
    spendEntries: ofPlan(backup.spendEntries),
    resultEntries: ofPlan(backup.resultEntries),
  };
}
