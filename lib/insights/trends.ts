/**
 * Which way an action's KPIs are moving: the recent weeks against the weeks before, both computed by
 * lib/kpi's `periodFigures` (captures selected without double counting in each window).
 */
import { type Action, KPI_KEYS, type KpiKey, type Kpis } from '@/lib/domain';
import { fromDay, type PlanIndex, periodFigures, toDay, weekStartDay } from '@/lib/kpi';

export type Trend = 'up' | 'down' | 'flat';

export type KpiTrends = {
  /** Last complete week and this week so far (aligned on the plan's weeks, so weekly captures fit). */
  readonly recent: { readonly start: string; readonly end: string } | null;
  /** From the action's start to the day before `recent`. */
  readonly earlier: { readonly start: string; readonly end: string } | null;
  readonly recentKpis: Kpis | null;
  readonly earlierKpis: Kpis | null;
  /** `null` when either window has no figure for the KPI. */
  readonly direction: Readonly<Record<KpiKey, Trend | null>>;
};

/** A change within ± tolerance is flat: the same band the statuses use. */
export function trendOf(recent: number | null, earlier: number | null, tolerance: number): Trend | null {
  if (recent === null || earlier === null) return null;
  if (earlier === 0) return recent === 0 ? 'flat' : 'up';
  const change = recent / earlier - 1;
  if (change > tolerance) return 'up';
  if (change < -tolerance) return 'down';
  return 'flat';
}

export function kpiTrends(index: PlanIndex, action: Action, asOf: string): KpiTrends {
  const tolerance = index.plan.tolerance;
  const actionStart = toDay(action.start);
  const lastDay = Math.min(toDay(asOf), toDay(action.end));
  const recentStart = Math.max(actionStart, weekStartDay(toDay(asOf), index.plan.weekStartsOn) - 7);
  const none = Object.fromEntries(KPI_KEYS.map((k) => [k, null])) as Record<KpiKey, Trend | null>;
  if (lastDay < actionStart || recentStart > lastDay) {
    return { recent: null, earlier: null, recentKpis: null, earlierKpis: null, direction: none };
  }
  const recent = { start: fromDay(recentStart), end: fromDay(lastDay) };
  const recentKpis = periodFigures(index, action, recent).kpis;
  if (recentStart <= actionStart) return { recent, earlier: null, recentKpis, earlierKpis: null, direction: none };
  const earlier = { start: action.start, end: fromDay(recentStart - 1) };
  const earlierKpis = periodFigures(index, action, earlier).kpis;
  const direction = Object.fromEntries(KPI_KEYS.map((k) => [k, trendOf(recentKpis[k], earlierKpis[k], tolerance)])) as Record<
    KpiKey,
    Trend | null
  >;
  return { recent, earlier, recentKpis, earlierKpis, direction };
}
