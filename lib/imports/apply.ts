/** Writing what an import previewed: all or nothing, each row checked again by the store. */
import { addCaptures, listActions, newId, type PlanpilotDb, StoreError, upsertAction } from '@/lib/db';
import type { Action, Capture } from '@/lib/domain';
import { fold, patchedAction, type TemplateChange } from './template';

export type TemplateApplyResult = { created: Action[]; updated: Action[] };

/**
 * Applies a previewed template to a plan in one transaction. Lines are matched by code again against the
 * store as it is now (an action created or renamed since the preview is seen), and each is written through
 * `upsertAction`, which validates it: one refusal and nothing at all is written.
 */
export async function applyPlanTemplate(db: PlanpilotDb, planId: string, changes: readonly TemplateChange[]): Promise<TemplateApplyResult> {
  return db.transaction('rw', db.plans, db.objectives, db.actions, async () => {
    if (!(await db.plans.get(planId))) throw new StoreError(`plan "${planId}" does not exist`, 'planId');
    const stored = await listActions(db, planId);
    const created: Action[] = [];
    const updated: Action[] = [];
    for (const change of changes) {
      const code = fold(change.patch.code ?? change.action.code);
      const matches = stored.filter((a) => fold(a.code) === code);
      if (matches.length > 1) throw new StoreError(`code "${change.action.code}" names ${matches.length} actions`, 'code');
      const base = matches[0] ?? null;
      const action = await upsertAction(
        db,
        patchedAction(base, change.patch, planId, base?.id ?? change.action.id ?? newId('act')) as Action,
      );
      if (base) updated.push(action);
      else {
        created.push(action);
        stored.push(action);
      }
    }
    return { created, updated };
  });
}

/** Stores captures read from a console export (a reading identical to the latest stored one is skipped). */
export async function importCaptures(db: PlanpilotDb, captures: readonly Capture[]): Promise<{ stored: number; unchanged: number }> {
  const results = await addCaptures(db, captures);
  const stored = results.filter((r) => r.stored).length;
  return { stored, unchanged: results.length - stored };
}
