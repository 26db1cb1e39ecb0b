/**
 * Actions "as of today" for the popup, the side panel and the floating summary: the same engine as the
 * report, with this week's and this month's figures beside the figures to date.
 */
import { monthOf, weekOf } from './days';
import { type ActionStanding, actionStanding, type PeriodFigures, type PlanSource, periodFigures, toPlanIndex } from './engine';

export type ActionOverview = ActionStanding & {
  /** The week holding `asOf` (the plan's `weekStartsOn`), clipped to the action's dates. */
  readonly week: PeriodFigures;
  /** The calendar month holding `asOf`, clipped to the action's dates. */
  readonly month: PeriodFigures;
};

/**
 * Figures of the plan's actions as of a day, in stored order; only those in `actionIds` when given, so a
 * popup on a 200-action plan computes just the few the current tab shows.
 */
export function computeActions(source: PlanSource, asOf: string, actionIds?: Iterable<string>): ActionOverview[] {
  const index = toPlanIndex(source);
  const wanted = actionIds === undefined ? undefined : new Set(actionIds);
  const week = weekOf(asOf, index.plan.weekStartsOn);
  const month = monthOf(asOf);
  return index.actions
    .filter((action) => wanted === undefined || wanted.has(action.id))
    .map((action) => ({
      ...actionStanding(index, action, asOf),
      week: periodFigures(index, action, week),
      month: periodFigures(index, action, month),
    }));
}

/** Where each action stands to date, without the week and month views (the popup's glance at the plan). */
export function computeStandings(source: PlanSource, asOf: string, actionIds?: Iterable<string>): ActionStanding[] {
  const index = toPlanIndex(source);
  const wanted = actionIds === undefined ? undefined : new Set(actionIds);
  return index.actions
    .filter((action) => wanted === undefined || wanted.has(action.id))
    .map((action) => actionStanding(index, action, asOf));
}
