/**
 * Spend schedules (échéancier): the dated amounts an action plans to pay. Editing them (lines typed as text,
 * checked with zod), and the side panel's "planned against actual by date", computed with the engine
 * (lib/kpi: `expectedSpend` follows the schedule; `figuresToDate` gives spend to a date).
 */
import { z } from 'zod';
import { type Action, isoDate, type PlanData, type ScheduleItem } from '@/lib/domain';
import type { MessageKey } from '@/lib/i18n/messages';
import { toDay } from '@/lib/kpi/days';
import { figuresToDate, toPlanIndex } from '@/lib/kpi/engine';
import { expectedSpend } from '@/lib/kpi/pacing';
import { parseDecimal, roundCents } from './numbers';

export type ScheduleLineValues = { date: string; amount: string; note: string };
export type ScheduleLineErrors = Partial<Record<keyof ScheduleLineValues, MessageKey>>;

const key = (k: MessageKey) => k;
const lineSchema = (lang: 'fr' | 'en') =>
  z.object({
    date: z
      .string()
      .trim()
      .min(1, key('ledger.err.required'))
      .refine((d) => isoDate.safeParse(d).success, key('ledger.err.date')),
    amount: z
      .string()
      .trim()
      .min(1, key('ledger.err.required'))
      .transform((text, ctx) => {
        const value = parseDecimal(text, lang);
        if (value === null) {
          ctx.addIssue({ code: 'custom', message: key('ledger.err.number') });
          return z.NEVER;
        }
        return roundCents(value);
      })
      .pipe(z.number().positive(key('ledger.err.positive'))),
    note: z.string().trim().max(200, key('ledger.err.noteTooLong')),
  });

/**
 * The schedule from the typed lines, sorted by date (empty lines are dropped); or, per line, what is wrong.
 * An empty schedule is `[]`: pacing then follows the straight line again.
 */
export function parseScheduleLines(
  lines: readonly ScheduleLineValues[],
  lang: 'fr' | 'en',
): { ok: true; value: ScheduleItem[] } | { ok: false; errors: ScheduleLineErrors[] } {
  const schema = lineSchema(lang);
  const errors: ScheduleLineErrors[] = [];
  const items: ScheduleItem[] = [];
  let failed = false;
  for (const line of lines) {
    if (!line.date.trim() && !line.amount.trim() && !line.note.trim()) {
      errors.push({});
      continue;
    }
    const parsed = schema.safeParse(line);
    if (parsed.success) {
      items.push(parsed.data);
      errors.push({});
    } else {
      failed = true;
      const lineErrors: ScheduleLineErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as keyof ScheduleLineValues;
        if (!lineErrors[field])
          lineErrors[field] = issue.message.startsWith('ledger.err.') ? (issue.message as MessageKey) : 'ledger.err.invalid';
      }
      errors.push(lineErrors);
    }
  }
  if (failed) return { ok: false, errors };
  return { ok: true, value: items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) };
}

export type PlannedVsActualRow = {
  date: string;
  /** Amount scheduled on that day (0 when the day is only there for an entry or for today). */
  planned: number;
  /** What was paid on that day by spend entries that count. */
  entries: number;
  /** Notes of the schedule lines of that day. */
  notes: string[];
  /** Expected spend to that day (the schedule's amounts from the action's start, as the engine counts them). */
  plannedToDate: number;
  /** Spend to that day as the engine counts it (captured cost + entries); `null` for a day after `asOf`. */
  actualToDate: number | null;
  /** The day is outside the action's dates, so its scheduled amount does not count. */
  outside: boolean;
};

export type PlannedVsActual = {
  action: Action;
  rows: PlannedVsActualRow[];
  scheduledTotal: number;
  /** Scheduled amounts dated outside the action's dates (never expected). */
  outsideTotal: number;
  plannedToDate: number;
  actualToDate: number;
};

/**
 * Planned against actual, by date, for one action as of `asOf`: a row for each scheduled date, each date a
 * counted spend entry was paid, and `asOf` itself; each with what was planned and paid that day and both
 * running totals. `undefined` when the plan has no such action.
 */
export function plannedVsActual(data: PlanData, actionId: string, asOf: string): PlannedVsActual | undefined {
  const index = toPlanIndex(data);
  const action = index.actions.find((a) => a.id === actionId);
  if (!action) return undefined;
  const days = new Map<string, { planned: number; entries: number; notes: string[] }>();
  const at = (date: string) => {
    let row = days.get(date);
    if (!row) {
      row = { planned: 0, entries: 0, notes: [] };
      days.set(date, row);
    }
    return row;
  };
  for (const item of action.schedule ?? []) {
    const row = at(item.date);
    row.planned += item.amount;
    if (item.note) row.notes.push(item.note);
  }
  for (const { entry } of index.spendEntriesOf(action.id)) at(entry.date).entries += entry.amount;
  at(asOf);
  const asOfDay = toDay(asOf);
  const start = toDay(action.start);
  const end = toDay(action.end);
  const rows = [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, row]): PlannedVsActualRow => {
      const day = toDay(date);
      return {
        date,
        ...row,
        plannedToDate: expectedSpend(action, day),
        actualToDate: day > asOfDay ? null : figuresToDate(index, action, date).spend,
        outside: day < start || day > end,
      };
    });
  const scheduled = action.schedule ?? [];
  return {
    action,
    rows,
    scheduledTotal: scheduled.reduce((s, i) => s + i.amount, 0),
    outsideTotal: scheduled.filter((i) => toDay(i.date) < start || toDay(i.date) > end).reduce((s, i) => s + i.amount, 0),
    plannedToDate: expectedSpend(action, asOfDay),
    actualToDate: figuresToDate(index, action, asOf).spend,
  };
}
