/**
 * The weekly report (DESIGN.md, `report` contract; also a weekly snapshot's body): every action of the plan
 * in stored order, its spend this week and to date, pacing, coverage, volumes and KPIs to date, targets and
 * statuses, as of the week's last day; then the plan's totals.
 */
import type { Action, DateRange, ReportAction, WeeklyReport } from '../domain';
import { addDays, toDay } from './days';
import { actionStanding, type PlanIndex, type PlanSource, periodFigures, toPlanIndex } from './engine';
import { totalsOf } from './totals';

/** The 7 days from `weekStart`; throws a RangeError when `weekStart` is not a calendar day. */
export function reportWeek(weekStart: string): DateRange {
  toDay(weekStart);
  return { start: weekStart, end: addDays(weekStart, 6) };
}

export function reportAction(index: PlanIndex, action: Action, week: DateRange): ReportAction {
  const standing = actionStanding(index, action, week.end);
  const thisWeek = periodFigures(index, action, week);
  return {
    actionId: action.id,
    code: action.code,
    name: action.name,
    budget: action.budget,
    spendWeek: thisWeek.spend,
    spendToDate: standing.toDate.spend,
    expectedSpendToDate: standing.expectedSpendToDate,
    pacing: standing.pacing,
    coverageDays: { week: thisWeek.coverageDays, toDate: standing.toDate.coverageDays },
    metrics: standing.toDate.volumes,
    kpis: standing.toDate.kpis,
    targets: action.targets,
    status: standing.status,
  };
}

export function buildWeeklyReport(source: PlanSource, weekStart: string): WeeklyReport {
  const index = toPlanIndex(source);
  const week = reportWeek(weekStart);
  const actions = index.actions.map((action) => reportAction(index, action, week));
  return { planId: index.plan.id, week, currency: index.plan.currency, actions, totals: totalsOf(actions) };
}
