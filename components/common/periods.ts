/** Names of weeks and months in the user's language (Intl only; ISO week numbers where weeks start on Monday). */
import type { DateRange } from '@/lib/domain';
import { isoWeek } from '@/lib/planning';

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const cache = new Map<string, Intl.DateTimeFormat>();
function dtf(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    cache.set(key, f);
  }
  return f;
}

/** "nov." / "Nov", with the year when the months span two years ("nov. 26"). */
export function shortMonth(period: DateRange, locale: string, withYear: boolean): string {
  return dtf(locale, withYear ? { month: 'short', year: '2-digit' } : { month: 'short' }).format(utc(period.start));
}

/** "novembre 2026" / "November 2026". */
export function longMonth(period: DateRange, locale: string): string {
  return dtf(locale, { month: 'long', year: 'numeric' }).format(utc(period.start));
}

/** "S48" (ISO week, Monday weeks) or the week's first day ("22 nov.") for weeks starting on another day. */
export function shortWeek(period: DateRange, locale: string, weekStartsOn: number, weekLetter: string): string {
  if (weekStartsOn === 1) return `${weekLetter}${isoWeek(period.start)}`;
  return dtf(locale, { day: 'numeric', month: 'short' }).format(utc(period.start));
}

/** "23–29 nov." without the year, for tables where the year is plain. */
export function dayRange(period: DateRange, locale: string): string {
  return dtf(locale, { day: 'numeric', month: 'short' }).formatRange(utc(period.start), utc(period.end));
}

/** "23 nov." */
export function shortDay(iso: string, locale: string): string {
  return dtf(locale, { day: 'numeric', month: 'short' }).format(utc(iso));
}

/** Weekday names, 0 Sunday … 6 Saturday, as `weekStartsOn` counts. */
export function weekdayNames(locale: string): string[] {
  // 2026-11-01 was a Sunday.
  return [0, 1, 2, 3, 4, 5, 6].map((i) => dtf(locale, { weekday: 'long' }).format(utc(`2026-11-0${i + 1}`)));
}
