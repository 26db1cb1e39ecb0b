import { describe, expect, it } from 'vitest';
import { dueDayOf, dueSnapshots, endedWeeks, localMidnight, type SchedulePlan, weeksOfPlan } from '@/lib/snapshots';

/** A local time (the job runs on the user's calendar days). */
const at = (day: string, hour = 10, minute = 0) => {
  const d = localMidnight(day);
  d.setHours(hour, minute);
  return d;
};
const iso = (d: Date) => d.toISOString();

// 2026-11-02 is a Monday.
const plan = (over: Partial<SchedulePlan> = {}): SchedulePlan => ({
  id: 'p1',
  start: '2026-11-04',
  end: '2026-12-20',
  weekStartsOn: 1,
  freezeDelayDays: 2,
  ...over,
});

describe('weeks of a plan', () => {
  it('runs from the week holding the start to the week holding the end, on the plan’s week start', () => {
    const weeks = weeksOfPlan(plan());
    expect(weeks[0]).toEqual({ start: '2026-11-02', end: '2026-11-08' });
    expect(weeks.at(-1)).toEqual({ start: '2026-12-14', end: '2026-12-20' });
    expect(weeks).toHaveLength(7);
    const sundays = weeksOfPlan(plan({ weekStartsOn: 0 }));
    expect(sundays[0]).toEqual({ start: '2026-11-01', end: '2026-11-07' });
    expect(sundays.at(-1)).toEqual({ start: '2026-12-20', end: '2026-12-26' });
  });

  it('is due freezeDelayDays after the week ends (default 2): Wednesday for a Monday–Sunday week', () => {
    expect(dueDayOf({ start: '2026-11-02', end: '2026-11-08' }, 2)).toBe('2026-11-11');
    expect(dueDayOf({ start: '2026-11-02', end: '2026-11-08' }, undefined)).toBe('2026-11-11');
    expect(dueDayOf({ start: '2026-11-02', end: '2026-11-08' }, 0)).toBe('2026-11-09');
  });
});

describe('due snapshots under a fake clock', () => {
  it('takes nothing before the first week is due, and says when it will be', () => {
    const r = dueSnapshots({ plans: [plan()], taken: [], lastRun: undefined, now: at('2026-11-10', 23, 59) });
    expect(r.due).toEqual([]);
    expect(r.nextDueAt?.getTime()).toBe(localMidnight('2026-11-11').getTime());
  });

  it('is due from local midnight of the due day', () => {
    const r = dueSnapshots({ plans: [plan()], taken: [], lastRun: undefined, now: at('2026-11-11', 0, 0) });
    expect(r.due.map((d) => d.week.start)).toEqual(['2026-11-02']);
    expect(r.nextDueAt?.getTime()).toBe(localMidnight('2026-11-18').getTime());
  });

  it('catches up every complete week missed while the browser was closed', () => {
    // Last run on 12 Nov (week of 2 Nov taken), browser closed until 3 Dec.
    const r = dueSnapshots({
      plans: [plan()],
      taken: [{ planId: 'p1', weekStart: '2026-11-02' }],
      lastRun: iso(at('2026-11-12')),
      now: at('2026-12-03', 9),
    });
    // Weeks of 9, 16 and 23 Nov are due (the week of 30 Nov only on 9 Dec).
    expect(r.due.map((d) => [d.week.start, d.dueOn])).toEqual([
      ['2026-11-09', '2026-11-18'],
      ['2026-11-16', '2026-11-25'],
      ['2026-11-23', '2026-12-02'],
    ]);
    // None of them was due when the job last ran: they became due while the browser was closed.
    expect(r.due.every((d) => !d.missedByLastRun)).toBe(true);
    expect(r.nextDueAt?.getTime()).toBe(localMidnight('2026-12-09').getTime());
  });

  it('starts from the plan’s start when the plan has no snapshot, and flags weeks the last run should have taken', () => {
    const r = dueSnapshots({ plans: [plan()], taken: [], lastRun: iso(at('2026-11-20')), now: at('2026-11-26') });
    expect(r.due.map((d) => d.week.start)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(r.due.map((d) => d.missedByLastRun)).toEqual([true, true, false]);
  });

  it('never fills gaps before the latest snapshot, and never retakes a snapshotted week', () => {
    const r = dueSnapshots({
      plans: [plan()],
      taken: [{ planId: 'p1', weekStart: '2026-11-16' }],
      lastRun: undefined,
      now: at('2026-12-03'),
    });
    expect(r.due.map((d) => d.week.start)).toEqual(['2026-11-23']);
  });

  it('is idempotent: once the due weeks are taken, nothing is due until the next week', () => {
    const now = at('2026-12-03');
    const first = dueSnapshots({ plans: [plan()], taken: [], lastRun: undefined, now });
    const taken = first.due.map((d) => ({ planId: d.planId, weekStart: d.week.start }));
    const second = dueSnapshots({ plans: [plan()], taken, lastRun: iso(now), now });
    expect(first.due).toHaveLength(4);
    expect(second.due).toEqual([]);
  });

  it('ends with the plan: the last week is due after the plan ends, then nothing more', () => {
    const after = dueSnapshots({ plans: [plan()], taken: [], lastRun: undefined, now: at('2027-02-01') });
    expect(after.due.map((d) => d.week.start)).toEqual(weeksOfPlan(plan()).map((w) => w.start));
    expect(after.due.at(-1)?.dueOn).toBe('2026-12-23');
    expect(after.nextDueAt).toBeNull();
  });

  it('follows each plan’s own week start and delay', () => {
    const r = dueSnapshots({
      plans: [plan(), plan({ id: 'p2', weekStartsOn: 0, freezeDelayDays: 0 })],
      taken: [],
      lastRun: undefined,
      now: at('2026-11-08', 8),
    });
    // p2's week of Sunday 1 Nov ends Saturday 7 Nov and is due right away (delay 0) on Sunday 8 Nov.
    expect(r.due.map((d) => [d.planId, d.week.start])).toEqual([['p2', '2026-11-01']]);
    expect(r.nextDueAt?.getTime()).toBe(localMidnight('2026-11-11').getTime());
  });

  it('lists ended weeks for taking by hand, latest first', () => {
    expect(endedWeeks(plan(), '2026-11-17').map((w) => w.start)).toEqual(['2026-11-09', '2026-11-02']);
    expect(endedWeeks(plan(), '2026-11-15')).toHaveLength(1);
  });
});
