/**
 * Week by week or month by month figures of one action, or of a group of actions (the plan, a channel):
 * each period's spend, expected spend, volumes and KPIs from lib/kpi (`periodFigures`, `expectedSpend`,
 * `totalsOf`), and, for one action, each target judged on the period with the engine's `targetStatus`.
 */
import type { DateRange, FigureStatus, Kpis, TargetKey } from '@/lib/domain';
import {
  dayCount,
  expectedSpend,
  intersect,
  type PlanSource,
  pacingStatus,
  periodFigures,
  periodsCovering,
  type SeriesGranularity,
  targetStatus,
  toDay,
  toDayPeriod,
  toPlanIndex,
  totalsOf,
  type Volumes,
} from '@/lib/kpi';
import { actionsSpan } from './budget';

export type PeriodRow = {
  /** The whole week or month. */
  readonly period: DateRange;
  /** The period still runs after the as-of day: its figures are so far. */
  readonly partial: boolean;
  readonly spend: number;
  /** Expected spend within the period, up to the as-of day. */
  readonly expectedSpend: number;
  readonly pacing: number | null;
  readonly volumes: Volumes;
  readonly kpis: Kpis;
  /** `pacing`, then (for one action) one status per target that is set, judged on this period alone. */
  readonly status: Readonly<Record<string, FigureStatus>>;
  /**
   * Some linked action's captures do not cover every day of the period (a monthly capture cannot be
   * split into weeks): its figures for the period are partial, and so is its pacing.
   */
  readonly incomplete: boolean;
};

export type PeriodRowsOptions = {
  readonly granularity: SeriesGranularity;
  readonly asOf: string;
  /** The actions to sum; one action gets its targets judged per period. Defaults to every action. */
  readonly actionIds?: readonly string[];
};

/** Periods from the first day of the scope's actions to the as-of day (periods not begun yet are left out), oldest first. */
export function periodRows(source: PlanSource, options: PeriodRowsOptions): PeriodRow[] {
  const index = toPlanIndex(source);
  const wanted = options.actionIds === undefined ? undefined : new Set(options.actionIds);
  const actions = index.actions.filter((a) => wanted === undefined || wanted.has(a.id));
  const span = actionsSpan(actions);
  if (span === null) return [];
  const asOfDay = toDay(options.asOf);
  const tolerance = index.plan.tolerance;
  const periods = periodsCovering(span, options.granularity, index.plan.weekStartsOn).filter((p) => toDay(p.start) <= asOfDay);

  return periods.map((period): PeriodRow => {
    const periodDays = toDayPeriod(period);
    const lastDay = Math.min(periodDays.end, asOfDay);
    const upTo = { start: period.start, end: lastDay === periodDays.end ? period.end : options.asOf };
    const perAction = actions.map((action) => {
      const figures = periodFigures(index, action, upTo);
      const expected = expectedSpend(action, lastDay) - expectedSpend(action, periodDays.start - 1);
      return { action, figures, expected };
    });
    const totals = totalsOf(
      perAction.map(({ action, figures, expected }) => ({
        budget: action.budget,
        spendWeek: figures.spend,
        spendToDate: figures.spend,
        expectedSpendToDate: expected,
        metrics: figures.volumes,
      })),
    );
    const status: Record<string, FigureStatus> = { pacing: pacingStatus(totals.pacing, tolerance) };
    const [only] = perAction;
    if (perAction.length === 1 && only) {
      const { action, figures } = only;
      const actionDays = toDayPeriod(action);
      // Volume targets are pro-rated to the days of this period the action has run, up to the as-of day.
      const share = dayCount(intersect(actionDays, { start: periodDays.start, end: lastDay })) / dayCount(actionDays);
      for (const [key, target] of Object.entries(action.targets) as [TargetKey, number | undefined][]) {
        if (target === undefined) continue;
        status[key] = targetStatus(
          key,
          target,
          { kpis: figures.kpis, volumes: figures.volumes, elapsedShare: share, pacing: totals.pacing },
          tolerance,
        );
      }
    }
    const incomplete = perAction.some(({ figures }) => figures.coverageDays !== null && figures.coverageDays < figures.days);
    return {
      period,
      partial: asOfDay < periodDays.end,
      incomplete,
      spend: totals.spendToDate,
      expectedSpend: totals.expectedSpendToDate,
      pacing: totals.pacing,
      volumes: totals.metrics,
      kpis: totals.kpis,
      status,
    };
  });
}
