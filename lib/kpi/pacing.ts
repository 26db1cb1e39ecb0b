/**
 * Pacing (DESIGN.md): how much of an action's period has elapsed, how much it should have spent by then
 * (its budget pro-rated, or its spend schedule), and spend over expected spend.
 */
import type { Action } from '../domain';
import { type DayPeriod, dayCount, intersect, toDay, toDayPeriod } from './days';

/** Days of the action's period up to `asOf` (inclusive, clipped to the period) over days of the period. */
export function elapsedShare(actionPeriod: DayPeriod, asOf: number): number {
  const total = dayCount(actionPeriod);
  return total === 0 ? 0 : dayCount(intersect(actionPeriod, { start: actionPeriod.start, end: asOf })) / total;
}

/**
 * Expected spend by `asOf`: budget × elapsed share, or, where the action has a spend schedule, the sum of
 * its amounts dated from its start to `asOf` (and not after its end: the to-date period).
 */
export function expectedSpend(action: Pick<Action, 'start' | 'end' | 'budget' | 'schedule'>, asOf: number): number {
  const period = toDayPeriod(action);
  if (!action.schedule?.length) return action.budget * elapsedShare(period, asOf);
  const toDate = intersect(period, { start: period.start, end: asOf });
  let sum = 0;
  for (const item of action.schedule) {
    const day = toDay(item.date);
    if (day >= toDate.start && day <= toDate.end) sum += item.amount;
  }
  return sum;
}

/** Spend over expected spend; `null` when nothing was expected yet. */
export function pacingOf(spend: number, expected: number): number | null {
  return expected === 0 ? null : spend / expected;
}
