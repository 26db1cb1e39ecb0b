import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayCount,
  fromDay,
  intersect,
  isEmptyPeriod,
  monthOf,
  toDateRange,
  toDay,
  toDayPeriod,
  weekdayOf,
  weekOf,
} from '@/lib/kpi';

describe('calendar days', () => {
  it('numbers days from 1970-01-01 and back, across leap days', () => {
    expect(toDay('1970-01-01')).toBe(0);
    expect(toDay('2026-11-16')).toBe(Date.UTC(2026, 10, 16) / 86_400_000);
    expect(fromDay(toDay('2024-02-29'))).toBe('2024-02-29');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it.each(['2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-01', '26-01-01', '2026-01-01T00:00', ''])(
    'refuses %j',
    (text) => {
      expect(() => toDay(text)).toThrow(RangeError);
    },
  );

  it('counts both ends of a period', () => {
    expect(dayCount(toDayPeriod({ start: '2026-11-09', end: '2026-11-15' }))).toBe(7);
    expect(dayCount(toDayPeriod({ start: '2026-11-09', end: '2026-11-09' }))).toBe(1);
    expect(dayCount(toDayPeriod({ start: '2026-07-01', end: '2026-12-31' }))).toBe(184);
  });

  it('clips periods; a period with nothing left is empty and covers 0 days', () => {
    const week = toDayPeriod({ start: '2026-11-23', end: '2026-11-29' });
    const action = toDayPeriod({ start: '2026-11-25', end: '2026-12-31' });
    expect(toDateRange(intersect(week, action))).toEqual({ start: '2026-11-25', end: '2026-11-29' });
    const before = intersect(week, toDayPeriod({ start: '2026-12-01', end: '2026-12-31' }));
    expect(isEmptyPeriod(before)).toBe(true);
    expect(dayCount(before)).toBe(0);
    expect(toDateRange(before)).toBeNull();
  });

  it('finds the week holding a day for any weekStartsOn', () => {
    expect(weekdayOf(toDay('2026-11-16'))).toBe(1); // a Monday
    expect(weekOf('2026-11-19', 1)).toEqual({ start: '2026-11-16', end: '2026-11-22' });
    expect(weekOf('2026-11-16', 1)).toEqual({ start: '2026-11-16', end: '2026-11-22' });
    expect(weekOf('2026-11-22', 1)).toEqual({ start: '2026-11-16', end: '2026-11-22' });
    expect(weekOf('2026-11-19', 0)).toEqual({ start: '2026-11-15', end: '2026-11-21' });
    expect(weekOf('2026-11-19', 6)).toEqual({ start: '2026-11-14', end: '2026-11-20' });
    expect(weekOf('2026-11-14', 6)).toEqual({ start: '2026-11-14', end: '2026-11-20' });
  });

  it('finds the calendar month holding a day', () => {
    expect(monthOf('2024-02-10')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(monthOf('2026-02-10')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(monthOf('2026-12-31')).toEqual({ start: '2026-12-01', end: '2026-12-31' });
  });
});
