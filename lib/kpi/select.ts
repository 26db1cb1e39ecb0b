/**
 * Captures never double count (DESIGN.md). For one campaign link and a period P, only captures whose
 * range lies inside P are used: the freshest capture of a range equal to P if there is one; otherwise the
 * freshest capture of each distinct range, then the set of pairwise non-overlapping ranges covering the
 * most days of P (ties: fewer captures, then the larger sum of capture times). Weighted interval
 * scheduling, O(n log n).
 */
import type { Capture } from '../domain';
import { type DayPeriod, toDay } from './days';

/**
 * Captures with their ranges as day numbers and their capture times, read once, as columns indexed by
 * position in stored order (a plan holds 100,000 captures: columns spare an object per capture).
 */
export type CaptureTable = {
  readonly captures: readonly Capture[];
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** `capturedAt` in ms since the epoch: instants compare across time-zone offsets. */
  readonly time: Float64Array;
};

export function captureTable(captures: readonly Capture[]): CaptureTable {
  const start = new Int32Array(captures.length);
  const end = new Int32Array(captures.length);
  const time = new Float64Array(captures.length);
  captures.forEach((capture, position) => {
    start[position] = toDay(capture.dateRange.start);
    end[position] = toDay(capture.dateRange.end);
    time[position] = Date.parse(capture.capturedAt);
  });
  return { captures, start, end, time };
}

export type CaptureSelection = {
  /** Chosen captures, pairwise non-overlapping, by range start. */
  readonly chosen: readonly Capture[];
  readonly coveredDays: number;
};

/** The freshest capture (as a position) of each distinct range lying inside the period. */
function freshestPerRange(table: CaptureTable, positions: readonly number[], period: DayPeriod): number[] {
  const { start, end, time } = table;
  const byRange = new Map<number, number>();
  for (const p of positions) {
    const [s, e] = [start[p] as number, end[p] as number];
    if (s < period.start || e > period.end) continue;
    // Ranges are at most a few centuries long, so start·2^20 + length is a unique integer key.
    const key = s * 1_048_576 + (e - s);
    const kept = byRange.get(key);
    // Two captures of one range taken at the same time: the later stored (higher position) wins.
    if (kept === undefined || (time[p] as number) > (time[kept] as number) || (time[p] === time[kept] && p > kept)) byRange.set(key, p);
  }
  return [...byRange.values()];
}

/** A candidate set's score, compared lexicographically: more days, then fewer captures, then later times. */
type Score = { days: number; count: number; timeSum: number };

const isBetter = (a: Score, b: Score) =>
  a.days !== b.days ? a.days > b.days : a.count !== b.count ? a.count < b.count : a.timeSum > b.timeSum;

/** Number of `ends` (sorted ascending) strictly before `day`. */
function countEndingBefore(ends: readonly number[], day: number): number {
  let [low, high] = [0, ends.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((ends[mid] as number) < day) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The captures of one campaign link to use for a period. `positions` are that link's usable captures
 * (see `indexCaptures`) in `table`.
 */
export function selectCaptures(table: CaptureTable, positions: readonly number[], period: DayPeriod): CaptureSelection {
  if (period.start > period.end) return { chosen: [], coveredDays: 0 };
  const { start, end, time, captures } = table;
  const ranges = freshestPerRange(table, positions, period);
  const whole = ranges.find((p) => start[p] === period.start && end[p] === period.end);
  if (whole !== undefined) return { chosen: [captures[whole] as Capture], coveredDays: period.end - period.start + 1 };

  ranges.sort((a, b) => (end[a] as number) - (end[b] as number) || (start[a] as number) - (start[b] as number));
  const ends = ranges.map((p) => end[p] as number);
  // best[i]: best score using the first i ranges; took[i]: whether range i-1 is in it; previous[i]: where the rest of it ends.
  const best: Score[] = [{ days: 0, count: 0, timeSum: 0 }];
  const took: boolean[] = [false];
  const previous: number[] = [0];
  for (const [i, p] of ranges.entries()) {
    const before = countEndingBefore(ends, start[p] as number);
    const base = best[before] as Score;
    const withIt = {
      days: base.days + (end[p] as number) - (start[p] as number) + 1,
      count: base.count + 1,
      timeSum: base.timeSum + (time[p] as number),
    };
    const without = best[i] as Score;
    const take = isBetter(withIt, without);
    best.push(take ? withIt : without);
    took.push(take);
    previous.push(before);
  }

  const chosen: Capture[] = [];
  for (let i = ranges.length; i > 0; ) {
    if (took[i]) {
      chosen.push(captures[ranges[i - 1] as number] as Capture);
      i = previous[i] as number;
    } else i -= 1;
  }
  chosen.reverse();
  return { chosen, coveredDays: (best[ranges.length] as Score).days };
}
