/**
 * How the budget is spread over channels, levers and months, planned against spent. Budgets, spend and
 * expected spend come from lib/kpi (the actions' standing and `spendSeries`); this file only groups them.
 */
import type { Action, DateRange } from '@/lib/domain';
import { type ActionOverview, type PlanSource, periodFigures, spendSeries, toPlanIndex } from '@/lib/kpi';
import { groupTotals } from './subtotals';

/** Half a cent: below it a difference is float noise, not money. */
export const MONEY_EPSILON = 0.005;

export type BudgetLine<K extends string> = {
  readonly key: K;
  readonly actionCount: number;
  readonly budget: number;
  readonly spent: number;
  readonly expected: number;
  readonly pacing: number | null;
  /** This line's budget over the plan's budget; `null` when the plan's budget is 0. */
  readonly shareOfBudget: number | null;
  /** Spent over this line's budget; `null` when its budget is 0. */
  readonly consumed: number | null;
};

export type BudgetBreakdown<K extends string> = { readonly lines: BudgetLine<K>[]; readonly total: BudgetLine<'total'> };

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** Budget, spend to date and expected spend per key (channel, lever…), with the plan's total. */
export function budgetBreakdown<K extends string>(
  rows: readonly ActionOverview[],
  keyOf: (action: Action) => K,
  order: readonly K[],
): BudgetBreakdown<K> {
  const [all] = groupTotals(rows, () => 'total' as const, ['total']);
  const planBudget = all?.totals.budget ?? 0;
  const lineOf = <L extends string>(key: L, actionCount: number, totals: NonNullable<typeof all>['totals']): BudgetLine<L> => ({
    key,
    actionCount,
    budget: totals.budget,
    spent: totals.spendToDate,
    expected: totals.expectedSpendToDate,
    pacing: totals.pacing,
    shareOfBudget: share(totals.budget, planBudget),
    consumed: share(totals.spendToDate, totals.budget),
  });
  const lines = groupTotals(rows, keyOf, order).map((g) => lineOf(g.key, g.rows.length, g.totals));
  const total = all
    ? lineOf('total' as const, all.rows.length, all.totals)
    : { key: 'total' as const, actionCount: 0, budget: 0, spent: 0, expected: 0, pacing: null, shareOfBudget: null, consumed: null };
  return { lines, total };
}

export type MonthLine = {
  readonly period: DateRange;
  /** Expected spend within the month: each action's budget pro-rated by day, or its spend schedule. */
  readonly planned: number;
  /** Spend within the month up to the as-of day; `null` for a month that starts after it. */
  readonly spent: number | null;
  readonly cumulativePlanned: number;
  /** Spend to the month's end (or to the as-of day); `null` for a month that starts after it. */
  readonly cumulativeSpent: number | null;
};

export type MonthBreakdown = {
  readonly months: MonthLine[];
  /** Budget no month plans: actions whose spend schedule sums to less (or more) than their budget. */
  readonly unscheduled: number;
  readonly totalBudget: number;
  readonly spentToDate: number;
  /**
   * Spend to date minus the months' spend: a capture whose range straddles two months counts to date
   * but in neither month (captures are never split or double counted); it can be negative when the
   * to-date selection of captures differs from the months' (a monthly capture against dailies).
   */
  readonly notInAMonth: number;
};

/** The plan's period, stretched to hold every action's dates, so no budget falls outside the months. */
export function planSpan(source: PlanSource): DateRange {
  const index = toPlanIndex(source);
  let { start, end } = index.plan;
  for (const action of index.actions) {
    if (action.start < start) start = action.start;
    if (action.end > end) end = action.end;
  }
  return { start, end };
}

/** From the first action's start to the last action's end; `null` without actions. */
export function actionsSpan(actions: readonly Pick<Action, 'start' | 'end'>[]): DateRange | null {
  const [first, ...rest] = actions;
  if (!first) return null;
  let { start, end } = first;
  for (const a of rest) {
    if (a.start < start) start = a.start;
    if (a.end > end) end = a.end;
  }
  return { start, end };
}

/**
 * Month by month: planned (expected spend within the month, from lib/kpi's `spendSeries`) against spent
 * (the engine's `periodFigures` over the month, up to the as-of day, so a month in progress holds only
 * what is known by then).
 */
export function budgetByMonth(source: PlanSource, asOf: string): MonthBreakdown {
  const index = toPlanIndex(source);
  const series = spendSeries(index, { granularity: 'month', asOf, range: planSpan(index) });
  let previousExpected = 0;
  let spentInMonths = 0;
  let spentToDate = 0;
  const months = series.map((point): MonthLine => {
    const planned = point.expectedSpendToDate - previousExpected;
    previousExpected = point.expectedSpendToDate;
    let spent: number | null = null;
    if (point.spendToDate !== null) {
      spentToDate = point.spendToDate;
      const upTo = { start: point.period.start, end: point.period.end < asOf ? point.period.end : asOf };
      spent = index.actions.reduce((sum, action) => sum + periodFigures(index, action, upTo).spend, 0);
      spentInMonths += spent;
    }
    return { period: point.period, planned, spent, cumulativePlanned: point.expectedSpendToDate, cumulativeSpent: point.spendToDate };
  });
  const totalBudget = index.actions.reduce((sum, a) => sum + a.budget, 0);
  const clean = (v: number) => (Math.abs(v) < MONEY_EPSILON ? 0 : v);
  return {
    months,
    unscheduled: clean(totalBudget - previousExpected),
    totalBudget,
    spentToDate,
    notInAMonth: clean(spentToDate - spentInMonths),
  };
}
