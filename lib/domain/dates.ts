import { z } from 'zod';

/** A calendar day, `YYYY-MM-DD`, that exists (no 2026-02-30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine(isRealDay, 'not a calendar day');

/** An ISO 8601 time with a zone (`2026-11-02T08:40:00+01:00` or `…Z`). */
export const isoDateTime = z.iso.datetime({ offset: true });

export const dateRange = z
  .object({ start: isoDate, end: isoDate })
  .refine((r) => r.start <= r.end, { message: 'the range ends before it starts', path: ['end'] });
export type DateRange = z.infer<typeof dateRange>;

function isRealDay(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
