/**
 * Totals over actions (a plan, a channel's subtotal): money figures are sums, each volume is summed over
 * the actions that have it, and each blended KPI is computed over the actions that have both its inputs
 * (DESIGN.md) — never by averaging ratios.
 */
import { KPI_KEYS, type Kpis, type Metrics, VOLUME_KEYS, type WeeklyReport } from '../domain';
import { addVolume, KPI_FORMULAS, ratio, type Volumes } from './derive';
import { pacingOf } from './pacing';

export type Totals = WeeklyReport['totals'];
export type TotalsInput = Pick<Totals, 'budget' | 'spendWeek' | 'spendToDate' | 'expectedSpendToDate'> & { metrics: Metrics };

/** Each KPI from the inputs summed over the rows that have both of them. */
export function blendedKpis(rows: readonly { metrics: Metrics }[]): Kpis {
  const kpis = {} as Kpis;
  for (const key of KPI_KEYS) {
    const { numerator, denominator, scale } = KPI_FORMULAS[key];
    let top: number | undefined;
    let bottom: number | undefined;
    for (const { metrics } of rows) {
      const [n, d] = [metrics[numerator], metrics[denominator]];
      if (n === undefined || d === undefined) continue;
      top = (top ?? 0) + n;
      bottom = (bottom ?? 0) + d;
    }
    kpis[key] = ratio(top, bottom, scale);
  }
  return kpis;
}

export function totalsOf(rows: readonly TotalsInput[]): Totals {
  let [budget, spendWeek, spendToDate, expectedSpendToDate] = [0, 0, 0, 0];
  const metrics: Volumes = {};
  for (const row of rows) {
    budget += row.budget;
    spendWeek += row.spendWeek;
    spendToDate += row.spendToDate;
    expectedSpendToDate += row.expectedSpendToDate;
    for (const key of VOLUME_KEYS) {
      const value = row.metrics[key];
      if (value !== undefined) addVolume(metrics, key, value);
    }
  }
  return {
    budget,
    spendWeek,
    spendToDate,
    expectedSpendToDate,
    pacing: pacingOf(spendToDate, expectedSpendToDate),
    metrics,
    kpis: blendedKpis(rows),
  };
}
