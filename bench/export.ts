/**
 * Weekly CSV export speed (issue "Spend log, weekly snapshots and exports"): the 52 weekly snapshots of a
 * 200-action plan exported to CSV, in French and in English. Goal: ≤ 300 ms for the 52. The snapshots are
 * taken first (not timed: they are stored reports), each as lib/snapshots stores it.
 */

import type { WeeklySnapshot } from '../lib/domain';
import { slug, snapshotCsvFile, snapshotReport, weeksOfPlan } from '../lib/snapshots';
import { generatePlan } from './report';

const WEEKS = 52;
const RUNS = 15;
const GOAL_MS = 300;
/** Captures only shape the figures, not the CSV's cost: fewer keep the set-up short. */
const CAPTURES = 10_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

export default async function (): Promise<void> {
  const data = generatePlan(CAPTURES);
  const setUp = performance.now();
  const snapshots: WeeklySnapshot[] = weeksOfPlan(data.plan)
    .slice(0, WEEKS)
    .map((week, i) => ({
      id: `snap-${i}`,
      planId: data.plan.id,
      weekStart: week.start,
      version: 1,
      takenAt: '2026-12-31T09:00:00+01:00',
      report: snapshotReport(data, week.start),
    }));
  const setUpMs = performance.now() - setUp;
  let bytes = 0;
  const timeAll = (locale: string) => {
    const start = performance.now();
    bytes = 0;
    for (const s of snapshots) bytes += snapshotCsvFile(s, data.plan, locale).text.length;
    return performance.now() - start;
  };
  timeAll('fr-FR'); // warm-up
  const fr: number[] = [];
  const en: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    fr.push(timeAll('fr-FR'));
    en.push(timeAll('en-US'));
  }
  const [frMs, enMs] = [median(fr), median(en)];
  console.log(
    `${snapshots.length} weekly snapshots of a ${data.actions.length}-action plan ("${slug(data.plan.name)}"), taken in ${(setUpMs / 1000).toFixed(1)} s (not timed).`,
  );
  console.log(`CSV export of all ${snapshots.length} (median of ${RUNS} runs):`);
  console.log(`  fr-FR (;, decimal comma): ${frMs.toFixed(1)} ms — goal ≤ ${GOAL_MS} ms ${frMs <= GOAL_MS ? '✓' : '✗'}`);
  console.log(`  en-US (, decimal point):  ${enMs.toFixed(1)} ms — goal ≤ ${GOAL_MS} ms ${enMs <= GOAL_MS ? '✓' : '✗'}`);
  console.log(`  per snapshot: ${(frMs / snapshots.length).toFixed(2)} ms; ${Math.round(bytes / snapshots.length / 1024)} KB each`);
}
