/**
 * The side panel's spend and result lists: filters (action, period, category or metric) and totals.
 * Totals follow the engine's rule (DESIGN.md): an entry whose source is `capture` copies a capture, so it is
 * listed but never counted; `manual` and `import` entries count.
 */
import type { Action, DateRange, ResultEntry, SpendEntry, VolumeKey } from '@/lib/domain';
import { addDays, monthOf, weekOf } from '@/lib/kpi/days';

export type SpendCategory = SpendEntry['category'];

export type EntryFilter = {
  /** `null`: every action of the plan. */
  actionId: string | null;
  /** Both ends included; `null`: open. */
  from: string | null;
  to: string | null;
};
export type SpendFilter = EntryFilter & { category: SpendCategory | null };
export type ResultFilter = EntryFilter & { metric: VolumeKey | null };

const inPeriod = (date: string, f: EntryFilter) => (f.from === null || date >= f.from) && (f.to === null || date <= f.to);

export function filterSpend(entries: readonly SpendEntry[], f: SpendFilter): SpendEntry[] {
  return entries.filter(
    (e) => (f.actionId === null || e.actionId === f.actionId) && inPeriod(e.date, f) && (f.category === null || e.category === f.category),
  );
}

export function filterResults(entries: readonly ResultEntry[], f: ResultFilter): ResultEntry[] {
  return entries.filter(
    (e) => (f.actionId === null || e.actionId === f.actionId) && inPeriod(e.date, f) && (f.metric === null || e.metric === f.metric),
  );
}

/** Whether an entry counts as spend: a copy of a capture never does (the capture already counts). */
export const countsAsSpend = (e: SpendEntry): boolean => e.source !== 'capture';

/** An action's dates: entries outside them do not count in its figures (DESIGN.md, periods of an action). */
export type ActionDates = Pick<Action, 'start' | 'end'>;

/** The entry falls outside its action's dates (the engine leaves it out). */
export function outsideAction(entry: { date: string }, action: ActionDates | undefined): boolean {
  return action !== undefined && (entry.date < action.start || entry.date > action.end);
}

export type SpendTotals = {
  /** Sum of the entries that count (excluding tax). */
  counted: number;
  /** Sum of the copies of captures, shown apart and never added. */
  copies: number;
  /** Sum of the entries dated outside their action's dates, shown apart (the engine does not count them). */
  outside: number;
  byCategory: Partial<Record<SpendCategory, number>>;
  count: number;
};

/** Totals of entries; with `actions`, entries outside their action's dates are set apart as the engine does. */
export function spendTotals(entries: readonly SpendEntry[], actions?: ReadonlyMap<string, ActionDates>): SpendTotals {
  const totals: SpendTotals = { counted: 0, copies: 0, outside: 0, byCategory: {}, count: entries.length };
  for (const e of entries) {
    if (!countsAsSpend(e)) {
      totals.copies += e.amount;
      continue;
    }
    if (outsideAction(e, actions?.get(e.actionId))) {
      totals.outside += e.amount;
      continue;
    }
    totals.counted += e.amount;
    totals.byCategory[e.category] = (totals.byCategory[e.category] ?? 0) + e.amount;
  }
  return totals;
}

/** Sum of each metric over the entries, in the entries' order of first appearance. */
export function resultTotals(entries: readonly ResultEntry[]): Partial<Record<VolumeKey, number>> {
  const totals: Partial<Record<VolumeKey, number>> = {};
  for (const e of entries) totals[e.metric] = (totals[e.metric] ?? 0) + e.value;
  return totals;
}

export const PERIOD_PRESETS = ['all', 'thisWeek', 'lastWeek', 'thisMonth', 'lastMonth'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The dates a preset stands for, as of `today`, with the plan's weeks. */
export function presetRange(preset: PeriodPreset, today: string, weekStartsOn: number): { from: string | null; to: string | null } {
  switch (preset) {
    case 'all':
      return { from: null, to: null };
    case 'thisWeek':
      return toFilter(weekOf(today, weekStartsOn));
    case 'lastWeek':
      return toFilter(weekOf(addDays(today, -7), weekStartsOn));
    case 'thisMonth':
      return toFilter(monthOf(today));
    case 'lastMonth':
      return toFilter(monthOf(addDays(monthOf(today).start, -1)));
  }
}

const toFilter = (r: DateRange) => ({ from: r.start, to: r.end });
