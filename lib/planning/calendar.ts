/**
 * The plan's schedule on a timeline: where each action's bar sits, the week or month ticks and the line
 * for today, as fractions of the timeline's width (0 = its first day's left edge, 1 = its last day's right edge).
 */
import type { Action, Channel, DateRange, Plan } from '@/lib/domain';
import { dayCount, periodsCovering, toDay, weekdayOf } from '@/lib/kpi';

export type CalendarScale = 'week' | 'month';

export type CalendarTick = { readonly period: DateRange; readonly left: number; readonly width: number };
export type CalendarBar = { readonly action: Action; readonly left: number; readonly width: number };
export type CalendarLayout = {
  /** The plan's period, stretched to hold every action shown. */
  readonly range: DateRange;
  readonly days: number;
  readonly ticks: readonly CalendarTick[];
  /** By start date, then end date, then the plan's order. */
  readonly bars: readonly CalendarBar[];
  /** The middle of today's column; `null` when today is outside the timeline. */
  readonly today: number | null;
};

export type CalendarFilter = { readonly owner: string | null; readonly channel: Channel | null };

export function filterActions(actions: readonly Action[], filter: CalendarFilter): Action[] {
  return actions.filter(
    (a) => (filter.owner === null || a.owner === filter.owner) && (filter.channel === null || a.channel === filter.channel),
  );
}

/** Distinct owners, alphabetically in the user's language; an empty owner is left out. */
export function ownersOf(actions: readonly Action[], locale: string): string[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return [...new Set(actions.map((a) => a.owner.trim()).filter(Boolean))].sort(collator.compare);
}

export function calendarLayout(
  plan: Pick<Plan, 'start' | 'end' | 'weekStartsOn'>,
  actions: readonly Action[],
  options: { scale: CalendarScale; asOf: string },
): CalendarLayout {
  let { start, end } = plan;
  for (const a of actions) {
    if (a.start < start) start = a.start;
    if (a.end > end) end = a.end;
  }
  const first = toDay(start);
  const last = toDay(end);
  const days = dayCount({ start: first, end: last });
  const at = (day: number) => (day - first) / days;
  const ticks = periodsCovering({ start, end }, options.scale, plan.weekStartsOn).map((period) => {
    const from = Math.max(first, toDay(period.start));
    const to = Math.min(last, toDay(period.end));
    return { period, left: at(from), width: (to - from + 1) / days };
  });
  const bars = actions
    .map((action, order) => ({ action, order }))
    .sort((x, y) => compare(x.action.start, y.action.start) || compare(x.action.end, y.action.end) || x.order - y.order)
    .map(({ action }) => ({ action, left: at(toDay(action.start)), width: (toDay(action.end) - toDay(action.start) + 1) / days }));
  const today = toDay(options.asOf);
  return { range: { start, end }, days, ticks, bars, today: today < first || today > last ? null : at(today) + 0.5 / days };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** ISO 8601 week number (weeks start on Monday, week 1 holds the year's first Thursday). */
export function isoWeek(date: string): number {
  const day = toDay(date);
  const thursday = day - ((weekdayOf(day) + 6) % 7) + 3;
  const yearStart = toDay(`${new Date(thursday * 86_400_000).getUTCFullYear()}-01-01`);
  return Math.floor((thursday - yearStart) / 7) + 1;
}
