/**
 * The next period (the *bilan* step): a new plan after this one, carrying over the actions the user keeps,
 * with the budgets and targets they set, their dates moved to the new period, and the objectives they serve.
 */
import type { Action, DateRange, Objective, Plan, PlanData, Targets } from '@/lib/domain';
import { addDays, fromDay, monthOf, toDay } from '@/lib/kpi';

/** Whole months when both periods start on the 1st (so 31 Dec stays the last day of its month), else days. */
export type Shift = { readonly months: number } | { readonly days: number };

const isMonthStart = (date: string) => date.endsWith('-01');
const isMonthEnd = (date: string) => monthOf(date).end === date;
const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/** The period right after the plan, as long as it: the same number of whole months, or of days. */
export function nextPeriod(plan: Pick<Plan, 'start' | 'end'>): DateRange {
  const start = addDays(plan.end, 1);
  if (isMonthStart(plan.start) && isMonthEnd(plan.end)) {
    const months = monthIndex(plan.end) - monthIndex(plan.start);
    return { start, end: monthOf(shiftDate(start, { months })).end };
  }
  return { start, end: addDays(plan.end, toDay(plan.end) - toDay(plan.start) + 1) };
}

export function shiftBetween(from: string, to: string): Shift {
  return isMonthStart(from) && isMonthStart(to) ? { months: monthIndex(to) - monthIndex(from) } : { days: toDay(to) - toDay(from) };
}

/** Moves a day by whole months (clamped to the month's length; a month's last day stays its last day) or by days. */
export function shiftDate(date: string, shift: Shift): string {
  if ('days' in shift) return addDays(date, shift.days);
  const target = monthIndex(date) + shift.months;
  const month = `${String(Math.floor(target / 12)).padStart(4, '0')}-${String((target % 12) + 1).padStart(2, '0')}`;
  const lastDay = monthOf(`${month}-01`).end;
  if (isMonthEnd(date)) return lastDay;
  const day = `${month}-${date.slice(8, 10)}`;
  return day > lastDay ? lastDay : day;
}

/** A period moved by `shift` and kept inside `within`; the whole of `within` when nothing of it is left. */
export function shiftPeriod(period: DateRange, shift: Shift, within: DateRange): DateRange {
  const start = shiftDate(period.start, shift);
  const end = shiftDate(period.end, shift);
  const [first, last] = [toDay(within.start), toDay(within.end)];
  const clipped = { start: Math.max(toDay(start), first), end: Math.min(toDay(end), last) };
  return clipped.start <= clipped.end ? { start: fromDay(clipped.start), end: fromDay(clipped.end) } : { ...within };
}

/** What the user keeps of an action, with the budget and targets for the new period. */
export type CarryChoice = { readonly actionId: string; readonly budget: number; readonly targets: Targets };

export type NextPlanInput = {
  readonly source: PlanData;
  readonly plan: Pick<Plan, 'id' | 'name' | 'start' | 'end' | 'review'>;
  readonly keep: readonly CarryChoice[];
  readonly newId: (kind: 'objective' | 'action') => string;
};

export type NextPlan = { readonly plan: Plan; readonly objectives: Objective[]; readonly actions: Action[] };

/**
 * The new plan: settings (currency, locale, tolerance, week start, freeze delay) and strategic notes carried;
 * the kept actions in the old plan's order, `planned`, dates moved by the shift between the two plans'
 * starts; the objectives they serve, deadlines moved likewise. Spend schedules are not carried: their
 * dated lumps belonged to the old period's budget.
 */
export function carryOver(input: NextPlanInput): NextPlan {
  const { source } = input;
  const old = source.plan;
  const range = { start: input.plan.start, end: input.plan.end };
  const shift = shiftBetween(old.start, range.start);
  const plan: Plan = {
    ...old,
    id: input.plan.id,
    name: input.plan.name,
    start: range.start,
    end: range.end,
    review: input.plan.review,
  };
  const choices = new Map(input.keep.map((c) => [c.actionId, c]));
  const kept = source.actions.filter((a) => choices.has(a.id));
  const served = new Set(kept.flatMap((a) => a.objectiveIds));
  const objectiveIds = new Map<string, string>();
  const objectives = source.objectives
    .filter((o) => served.has(o.id))
    .map((o): Objective => {
      const id = input.newId('objective');
      objectiveIds.set(o.id, id);
      return { ...o, id, planId: plan.id, deadline: shiftPeriod({ start: o.deadline, end: o.deadline }, shift, range).end };
    });
  const actions = kept.map((a): Action => {
    const choice = choices.get(a.id) as CarryChoice;
    const dates = shiftPeriod(a, shift, range);
    const { schedule: _schedule, ...rest } = a;
    return {
      ...rest,
      id: input.newId('action'),
      planId: plan.id,
      objectiveIds: a.objectiveIds.map((id) => objectiveIds.get(id)).filter((id): id is string => id !== undefined),
      start: dates.start,
      end: dates.end,
      status: 'planned',
      budget: choice.budget,
      targets: { ...choice.targets },
    };
  });
  return { plan, objectives, actions };
}
