/**
 * Spend period by period (weeks or months over the plan) against expected spend, for the side panel's
 * charts. Cumulative spend is each period's spend to date, not a running sum of weekly spends: to-date
 * figures may rest on a monthly capture where the weeks rest on daily ones.
 */
import type { DateRange } from '../domain';
import { fromDay, monthOf, toDay, weekStartDay } from './days';
import { figuresToDate, type PlanSource, periodFigures, toPlanIndex } from './engine';
import { expectedSpend } from './pacing';

export type SeriesGranularity = 'week' | 'month';

export type SpendPoint = {
  /** A whole week (the plan's `weekStartsOn`) or calendar month. */
  readonly period: DateRange;
  /** Spend within the period; `null` for a period starting after `asOf`. */
  readonly spend: number | null;
  /** Spend to the period's end, or to `asOf` when earlier; `null` for a period starting after `asOf`. */
  readonly spendToDate: number | null;
  /** Expected spend to the period's end: the plan's line, drawn to the end. */
  readonly expectedSpendToDate: number;
};

export type SpendSeriesOptions = {
  readonly granularity: SeriesGranularity;
  readonly asOf: string;
  /** Defaults to every action of the plan. */
  readonly actionIds?: Iterable<string>;
  /** Defaults to the plan's period. */
  readonly range?: DateRange;
};

/** Consecutive weeks or months covering `range`. */
export function periodsCovering(range: DateRange, granularity: SeriesGranularity, weekStartsOn: number): DateRange[] {
  const periods: DateRange[] = [];
  const last = toDay(range.end);
  if (granularity === 'week') {
    for (let start = weekStartDay(toDay(range.start), weekStartsOn); start <= last; start += 7) {
      periods.push({ start: fromDay(start), end: fromDay(start + 6) });
    }
    return periods;
  }
  for (let month = monthOf(range.start); toDay(month.start) <= last; month = monthOf(fromDay(toDay(month.end) + 1))) {
    periods.push(month);
  }
  return periods;
}

export function spendSeries(source: PlanSource, options: SpendSeriesOptions): SpendPoint[] {
  const index = toPlanIndex(source);
  const wanted = options.actionIds === undefined ? undefined : new Set(options.actionIds);
  const actions = index.actions.filter((a) => wanted === undefined || wanted.has(a.id));
  const asOfDay = toDay(options.asOf);
  const periods = periodsCovering(options.range ?? index.plan, options.granularity, index.plan.weekStartsOn);
  return periods.map((period) => {
    const endDay = toDay(period.end);
    const expected = actions.reduce((sum, a) => sum + expectedSpend(a, endDay), 0);
    if (toDay(period.start) > asOfDay) return { period, spend: null, spendToDate: null, expectedSpendToDate: expected };
    const upTo = endDay <= asOfDay ? period.end : options.asOf;
    let spend = 0;
    let spendToDate = 0;
    for (const action of actions) {
      spend += periodFigures(index, action, period).spend;
      spendToDate += figuresToDate(index, action, upTo).spend;
    }
    return { period, spend, spendToDate, expectedSpendToDate: expected };
  });
}
