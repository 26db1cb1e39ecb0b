/**
 * Calendar-day math on `YYYY-MM-DD` strings (DESIGN.md: no time-zone arithmetic).
 * A day is turned into a day number (days since 1970-01-01, counted in UTC) so that
 * periods, clipping and counts are plain integer arithmetic.
 */
import type { DateRange } from '../domain';

const MS_PER_DAY = 86_400_000;
/** 1970-01-01 was a Thursday. */
const WEEKDAY_OF_DAY_ZERO = 4;

/** An inclusive period of day numbers; empty when `start > end`. */
export type DayPeriod = { readonly start: number; readonly end: number };

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Digits of `text` from `from` to `to` (exclusive) as a number, or NaN on anything else. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Day number of a calendar day; throws a RangeError on anything but a real `YYYY-MM-DD` day.
 * Plain arithmetic (days from civil, H. Hinnant) rather than `Date`: it runs twice per capture.
 */
export function toDay(date: string): number {
  const [year, month, day] = [digitsAt(date, 0, 4), digitsAt(date, 5, 7), digitsAt(date, 8, 10)];
  const valid =
    date.length === 10 &&
    date[4] === '-' &&
    date[7] === '-' &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= (month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number));
  if (!valid) throw new RangeError(`not a calendar day (YYYY-MM-DD): "${date}"`);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function fromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDay(toDay(date) + days);
}

/** 0 Sunday … 6 Saturday, as `weekStartsOn` counts. */
export function weekdayOf(day: number): number {
  return (((day + WEEKDAY_OF_DAY_ZERO) % 7) + 7) % 7;
}

/** First day of the week holding `day`, for weeks starting on `weekStartsOn` (0 Sunday … 6 Saturday). */
export function weekStartDay(day: number, weekStartsOn: number): number {
  return day - ((weekdayOf(day) - weekStartsOn + 7) % 7);
}

export function weekOf(date: string, weekStartsOn: number): DateRange {
  const start = weekStartDay(toDay(date), weekStartsOn);
  return { start: fromDay(start), end: fromDay(start + 6) };
}

export function monthOf(date: string): DateRange {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { start: `${date.slice(0, 7)}-01`, end: `${date.slice(0, 7)}-${String(lastDay).padStart(2, '0')}` };
}

export function toDayPeriod(range: DateRange): DayPeriod {
  return { start: toDay(range.start), end: toDay(range.end) };
}

/** The period as dates, or `null` when it is empty. */
export function toDateRange(period: DayPeriod): DateRange | null {
  return isEmptyPeriod(period) ? null : { start: fromDay(period.start), end: fromDay(period.end) };
}

export function isEmptyPeriod(period: DayPeriod): boolean {
  return period.start > period.end;
}

/** Days in an inclusive period; 0 when empty. */
export function dayCount(period: DayPeriod): number {
  return Math.max(0, period.end - period.start + 1);
}

/** The days both periods share (possibly empty). */
export function intersect(a: DayPeriod, b: DayPeriod): DayPeriod {
  return { start: Math.max(a.start, b.start), end: Math.min(a.end, b.end) };
}
