import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Capture } from '@/lib/domain';
import { captureTable, type DayPeriod, fromDay, selectCaptures, toDay, toDayPeriod } from '@/lib/kpi';
import { capture } from './plan-builder';

const P = (start: string, end: string) => toDayPeriod({ start, end });
const at = (time: string) => ({ capturedAt: time });
const nov = (day: number) => `2026-11-${String(day).padStart(2, '0')}`;
/** Selection among all the given captures, as if they were one link's. */
const select = (captures: readonly Capture[], period: DayPeriod) =>
  selectCaptures(
    captureTable(captures),
    captures.map((_, i) => i),
    period,
  );
const chosenRanges = (captures: Capture[], period: DayPeriod) =>
  select(captures, period).chosen.map((c) => `${c.dateRange.start}..${c.dateRange.end}`);
const chosenIds = (captures: Capture[], period: DayPeriod) => select(captures, period).chosen.map((c) => c.id);

describe('selecting captures without double counting', () => {
  it('takes the freshest capture of a range equal to the period', () => {
    const old = capture('2026-11-09', '2026-11-15', { cost: 100 }, at('2026-11-16T08:00:00Z'));
    const fresh = capture('2026-11-09', '2026-11-15', { cost: 110 }, at('2026-11-18T08:00:00Z'));
    const dailies = [9, 10, 11, 12, 13, 14, 15].map((d) => capture(nov(d), nov(d), { cost: 10 }, at('2026-11-20T08:00:00Z')));
    const selection = select([old, fresh, ...dailies], P('2026-11-09', '2026-11-15'));
    expect(selection.chosen.map((c) => c.id)).toEqual([fresh.id]);
    expect(selection.coveredDays).toBe(7);
  });

  it('compares capture times as instants, across time-zone offsets', () => {
    const a = capture('2026-11-09', '2026-11-15', { cost: 1 }, at('2026-11-16T09:30:00+02:00')); // 07:30Z
    const b = capture('2026-11-09', '2026-11-15', { cost: 2 }, at('2026-11-16T08:00:00+00:00')); // 08:00Z, fresher
    expect(chosenIds([b, a], P('2026-11-09', '2026-11-15'))).toEqual([b.id]);
  });

  it('of two captures of one range taken at the same time, keeps the later stored', () => {
    const first = capture('2026-11-09', '2026-11-10', { cost: 1 }, at('2026-11-16T08:00:00Z'));
    const second = capture('2026-11-09', '2026-11-10', { cost: 2 }, at('2026-11-16T08:00:00Z'));
    expect(chosenIds([first, second], P('2026-11-01', '2026-11-30'))).toEqual([second.id]);
    expect(chosenIds([second, first], P('2026-11-01', '2026-11-30'))).toEqual([first.id]);
  });

  it('never uses a capture reaching outside the period', () => {
    const month = capture('2026-10-01', '2026-10-31', { cost: 1000 });
    const selection = select([month], P('2026-10-05', '2026-10-31'));
    expect(selection).toEqual({ chosen: [], coveredDays: 0 });
  });

  it('prefers the non-overlapping set covering the most days', () => {
    const monthToDate = capture('2026-11-01', '2026-11-18', { cost: 1 });
    const weeks = [
      capture('2026-11-02', '2026-11-08', { cost: 1 }),
      capture('2026-11-09', '2026-11-15', { cost: 1 }),
      capture('2026-11-16', '2026-11-22', { cost: 1 }),
    ];
    const selection = select([monthToDate, ...weeks], P('2026-11-01', '2026-11-30'));
    expect(selection.chosen.map((c) => c.id)).toEqual(weeks.map((w) => w.id));
    expect(selection.coveredDays).toBe(21);
  });

  it('combines a month with dailies after it', () => {
    const october = capture('2026-10-01', '2026-10-31', { cost: 1 });
    const dailies = ['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02'].map((d) => capture(d, d, { cost: 1 }));
    expect(chosenRanges([october, ...dailies], P('2026-10-01', '2026-11-05'))).toEqual([
      '2026-10-01..2026-10-31',
      '2026-11-01..2026-11-01',
      '2026-11-02..2026-11-02',
    ]);
  });

  it('on equal days, prefers fewer captures', () => {
    const week = capture('2026-11-09', '2026-11-15', { cost: 1 }, at('2026-11-16T08:00:00Z'));
    const dailies = [9, 10, 11, 12, 13, 14, 15].map((d) => capture(nov(d), nov(d), { cost: 1 }, at('2026-11-30T08:00:00Z')));
    expect(chosenIds([...dailies, week], P('2026-11-01', '2026-11-30'))).toEqual([week.id]);
  });

  it('on equal days and counts, prefers the larger sum of capture times', () => {
    const early = [
      capture('2026-11-09', '2026-11-11', { cost: 1 }, at('2026-11-12T08:00:00Z')),
      capture('2026-11-12', '2026-11-15', { cost: 1 }, at('2026-11-16T08:00:00Z')),
    ];
    const late = [
      capture('2026-11-09', '2026-11-12', { cost: 1 }, at('2026-11-20T08:00:00Z')),
      capture('2026-11-13', '2026-11-15', { cost: 1 }, at('2026-11-20T08:00:00Z')),
    ];
    expect(chosenIds([...early, ...late], P('2026-11-01', '2026-11-30'))).toEqual(late.map((c) => c.id));
  });

  it('covers nothing in an empty period', () => {
    const c = capture('2026-11-09', '2026-11-09', { cost: 1 });
    expect(select([c], { start: 10, end: 9 })).toEqual({ chosen: [], coveredDays: 0 });
  });
});

// ── Properties, on small random inputs ──

const BASE_DAY = 20_000;
/** Captures at random places; few distinct ranges and capture times, so refreshes and ties happen often. */
const randomCaptures = (maxStart: number, maxLength: number, hours: number) =>
  fc.array(
    fc
      .record({
        start: fc.integer({ min: 0, max: maxStart }),
        length: fc.integer({ min: 1, max: maxLength }),
        hour: fc.integer({ min: 0, max: hours - 1 }),
      })
      .map(({ start, length, hour }) =>
        capture(fromDay(BASE_DAY + start), fromDay(BASE_DAY + start + length - 1), { cost: 1 }, at(`2026-11-30T0${hour}:00:00Z`)),
      ),
    { maxLength: 8 },
  );
const smallInput = fc.record({
  captures: randomCaptures(20, 8, 4),
  periodStart: fc.integer({ min: 0, max: 10 }),
  periodLength: fc.integer({ min: 1, max: 18 }),
});
const crowdedInput = fc.record({
  captures: randomCaptures(6, 3, 2),
  periodStart: fc.integer({ min: 0, max: 3 }),
  periodLength: fc.integer({ min: 1, max: 10 }),
});
const toPeriod = (start: number, length: number): DayPeriod => ({ start: BASE_DAY + start, end: BASE_DAY + start + length - 1 });

/** A capture's range as day numbers and its time, read independently of the code under test. */
const spanOf = (c: Capture) => ({ start: toDay(c.dateRange.start), end: toDay(c.dateRange.end), time: Date.parse(c.capturedAt) });

type Score = [days: number, captures: number, timeSum: number];
const scoreOf = (set: readonly Capture[]): Score => [
  set.reduce((sum, c) => sum + spanOf(c).end - spanOf(c).start + 1, 0),
  set.length,
  set.reduce((sum, c) => sum + spanOf(c).time, 0),
];
const betterScore = (a: Score, b: Score) => (a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] > b[2]);

/** Every subset of pairwise non-overlapping captures inside the period: the best score there is. */
function bruteForceBest(captures: readonly Capture[], period: DayPeriod): Score {
  const inside = captures.filter((c) => spanOf(c).start >= period.start && spanOf(c).end <= period.end);
  let best: Score = [0, 0, 0];
  for (let mask = 0; mask < 1 << inside.length; mask++) {
    const set = inside.filter((_, i) => mask & (1 << i));
    const overlap = set.some((a, i) => set.some((b, j) => i < j && spanOf(a).start <= spanOf(b).end && spanOf(b).start <= spanOf(a).end));
    if (!overlap && betterScore(scoreOf(set), best)) best = scoreOf(set);
  }
  return best;
}

describe('selection properties', () => {
  it('chooses pairwise non-overlapping ranges inside the period, covering no more days than it has', () => {
    fc.assert(
      fc.property(smallInput, ({ captures, periodStart, periodLength }) => {
        const period = toPeriod(periodStart, periodLength);
        const { chosen, coveredDays } = select(captures, period);
        const spans = chosen.map(spanOf);
        for (const span of spans) expect(span.start >= period.start && span.end <= period.end).toBe(true);
        for (let i = 1; i < spans.length; i++) expect(spans[i]?.start).toBeGreaterThan(spans[i - 1]?.end ?? Number.POSITIVE_INFINITY);
        expect(coveredDays).toBe(scoreOf(chosen)[0]);
        expect(coveredDays).toBeLessThanOrEqual(periodLength);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['spread', smallInput],
    ['crowded', crowdedInput],
  ])('covers as many days as a brute-force search over all subsets, with the same tie-breaks (%s captures)', (_, input) => {
    fc.assert(
      fc.property(input, ({ captures, periodStart, periodLength }) => {
        const period = toPeriod(periodStart, periodLength);
        expect(scoreOf(select(captures, period).chosen)).toEqual(bruteForceBest(captures, period));
      }),
      { numRuns: 500 },
    );
  });

  it('uses, for each range it keeps, the freshest capture of that range (the later stored on a tie)', () => {
    fc.assert(
      fc.property(crowdedInput, ({ captures, periodStart, periodLength }) => {
        for (const c of select(captures, toPeriod(periodStart, periodLength)).chosen) {
          const rivals = captures.filter((o) => o.dateRange.start === c.dateRange.start && o.dateRange.end === c.dateRange.end);
          // Later in the list and at least as fresh wins, so reduce keeps the last of the freshest.
          const freshest = rivals.reduce((a, b) => (spanOf(b).time >= spanOf(a).time ? b : a));
          expect(c).toBe(freshest);
        }
      }),
      { numRuns: 500 },
    );
  });
});
