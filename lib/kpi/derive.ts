/**
 * Derived KPIs from volumes (DESIGN.md, "Figures and their rules").
 * A ratio with a zero or missing denominator, or a missing numerator, is `null`: missing is not zero.
 * Blended KPIs come from summed volumes, never from averaged ratios.
 */
import { KPI_KEYS, type KpiKey, type Kpis, type VolumeKey } from '../domain';

/** Summable figures: a key is absent when there is no figure. */
export type Volumes = Partial<Record<VolumeKey, number>>;

/** Each KPI is `scale · numerator / denominator`; one table serves actions and blended totals. */
export const KPI_FORMULAS: Readonly<Record<KpiKey, { numerator: VolumeKey; denominator: VolumeKey; scale: number }>> = {
  cpc: { numerator: 'cost', denominator: 'clicks', scale: 1 },
  cpa: { numerator: 'cost', denominator: 'conversions', scale: 1 },
  cpl: { numerator: 'cost', denominator: 'leads', scale: 1 },
  cpm: { numerator: 'cost', denominator: 'impressions', scale: 1000 },
  ctr: { numerator: 'clicks', denominator: 'impressions', scale: 1 },
  conversionRate: { numerator: 'conversions', denominator: 'clicks', scale: 1 },
  roas: { numerator: 'conversionValue', denominator: 'cost', scale: 1 },
  openRate: { numerator: 'opens', denominator: 'delivered', scale: 1 },
  clickRate: { numerator: 'clicks', denominator: 'delivered', scale: 1 },
};

export function ratio(numerator: number | undefined, denominator: number | undefined, scale = 1): number | null {
  if (numerator === undefined || denominator === undefined || denominator === 0) return null;
  return (scale * numerator) / denominator;
}

/** All nine KPIs of a set of volumes, `null` where undefined. */
export function deriveKpis(volumes: Volumes): Kpis {
  const kpis = {} as Kpis;
  for (const key of KPI_KEYS) {
    const { numerator, denominator, scale } = KPI_FORMULAS[key];
    kpis[key] = ratio(volumes[numerator], volumes[denominator], scale);
  }
  return kpis;
}

/** Adds `value` to `volumes[key]`, creating the key: a figure of 0 is a figure. */
export function addVolume(volumes: Volumes, key: VolumeKey, value: number): void {
  volumes[key] = (volumes[key] ?? 0) + value;
}
