/**
 * When weekly snapshots are due (DESIGN.md, WeeklySnapshot): pure, so it runs the same in the background's
 * alarm handler, in the side panel and under a fake clock in tests.
 *
 * - A plan's weeks start on its `weekStartsOn`; they run from the week holding its start to the week holding
 *   its end.
 * - A week ends with its last day; it is due `freezeDelayDays` (default 2) after that, at local midnight:
 *   a Monday–Sunday week with the default delay is due on Wednesday at 00:00 (late conversions are in).
 * - Catch-up: every due week after the plan's latest snapshotted week (or from the plan's start when it has
 *   none) that has no snapshot yet. Weeks before the latest snapshot are never filled in: a gap there was the
 *   user's choice (a restored file) and a snapshot taken now would not be that week's figures of the time.
 */

import { today } from '@/lib/clock';
import { type DateRange, DEFAULT_FREEZE_DELAY_DAYS, type Plan } from '@/lib/domain';
import { addDays, fromDay, toDay, weekStartDay } from '@/lib/kpi/days';

export type SchedulePlan = Pick<Plan, 'id' | 'start' | 'end' | 'weekStartsOn' | 'freezeDelayDays'>;
/** A week of a plan that has at least one snapshot. */
export type TakenWeek = { planId: string; weekStart: string };

export type DueWeek = {
  planId: string;
  week: DateRange;
  /** The local day from whose midnight the week is due. */
  dueOn: string;
  /**
   * The week was already due when the job last ran (or the job never ran): that run should have taken it and
   * did not (it failed, or the plan arrived afterwards, by a restore or with a start in the past).
   */
  missedByLastRun: boolean;
};

export type CatchUpInput = {
  plans: readonly SchedulePlan[];
  taken: readonly TakenWeek[];
  /** When the job last ran (ISO time), if ever. */
  lastRun: string | undefined;
  now: Date;
};

export type CatchUpPlan = {
  /** Weeks to snapshot now, by plan (input order), then by week. */
  due: DueWeek[];
  /** The next moment a week becomes due (local midnight), or `null` when no week of any plan is left. */
  nextDueAt: Date | null;
};

/** Every week of a plan, in order. */
export function weeksOfPlan(plan: Pick<Plan, 'start' | 'end' | 'weekStartsOn'>): DateRange[] {
  const weeks: DateRange[] = [];
  const last = toDay(plan.end);
  for (let start = weekStartDay(toDay(plan.start), plan.weekStartsOn); start <= last; start += 7) {
    weeks.push({ start: fromDay(start), end: fromDay(start + 6) });
  }
  return weeks;
}

/** The day a week is due: `freezeDelayDays` after it ends. */
export function dueDayOf(week: DateRange, freezeDelayDays: number | undefined): string {
  return addDays(week.end, 1 + (freezeDelayDays ?? DEFAULT_FREEZE_DELAY_DAYS));
}

/** Local midnight starting a calendar day. */
export function localMidnight(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 0, 0, 0, 0);
}

/** Which (plan, week) pairs to snapshot now, and when the next one falls due. */
export function dueSnapshots(input: CatchUpInput): CatchUpPlan {
  const todayDay = today(input.now);
  const lastRunTime = input.lastRun === undefined ? Number.NaN : Date.parse(input.lastRun);
  const takenByPlan = new Map<string, Set<string>>();
  for (const t of input.taken) {
    const set = takenByPlan.get(t.planId) ?? new Set<string>();
    set.add(t.weekStart);
    takenByPlan.set(t.planId, set);
  }
  const due: DueWeek[] = [];
  let next: string | null = null;
  for (const plan of input.plans) {
    const taken = takenByPlan.get(plan.id) ?? new Set<string>();
    const latest = [...taken].reduce<string | null>((max, w) => (max === null || w > max ? w : max), null);
    for (const week of weeksOfPlan(plan)) {
      if (latest !== null && week.start <= latest) continue;
      const dueOn = dueDayOf(week, plan.freezeDelayDays);
      if (dueOn > todayDay) {
        if (next === null || dueOn < next) next = dueOn;
        break; // later weeks fall due later still
      }
      if (taken.has(week.start)) continue;
      due.push({
        planId: plan.id,
        week,
        dueOn,
        missedByLastRun: Number.isNaN(lastRunTime) || localMidnight(dueOn).getTime() <= lastRunTime,
      });
    }
  }
  return { due, nextDueAt: next === null ? null : localMidnight(next) };
}

/** Weeks a user may take (or retake) by hand: the plan's weeks that have ended by `todayDay`, latest first. */
export function endedWeeks(plan: Pick<Plan, 'start' | 'end' | 'weekStartsOn'>, todayDay: string): DateRange[] {
  return weeksOfPlan(plan)
    .filter((w) => w.end < todayDay)
    .reverse();
}
