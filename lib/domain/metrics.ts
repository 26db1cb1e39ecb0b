/** Canonical metric keys (DESIGN.md, `extract` contract). One home for every list of keys. */
export const METRIC_KEYS = [
  'cost',
  'impressions',
  'reach',
  'frequency',
  'clicks',
  'linkClicks',
  'conversions',
  'conversionValue',
  'leads',
  'results',
  'costPerResult',
  'cpc',
  'cpa',
  'cpl',
  'cpm',
  'ctr',
  'conversionRate',
  'roas',
  'sent',
  'delivered',
  'opens',
  'openRate',
  'clickRate',
  'unsubscribes',
  'bounces',
  'budget',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

/** The same figures under the same keys (a capture's, a row's, totals), whatever the keys' order. */
export function sameMetrics(a: Partial<Record<MetricKey, number>>, b: Partial<Record<MetricKey, number>>): boolean {
  const keys = Object.keys(a) as MetricKey[];
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] !== undefined && a[k] === b[k]);
}

/** Summable keys: reach, frequency, budget and every ratio are never summed. */
export const VOLUME_KEYS = [
  'cost',
  'impressions',
  'clicks',
  'linkClicks',
  'conversions',
  'conversionValue',
  'leads',
  'results',
  'sent',
  'delivered',
  'opens',
  'unsubscribes',
  'bounces',
] as const;
export type VolumeKey = (typeof VOLUME_KEYS)[number];

/** The nine derived KPIs a report always lists, in this order. */
export const KPI_KEYS = ['cpc', 'cpa', 'cpl', 'cpm', 'ctr', 'conversionRate', 'roas', 'openRate', 'clickRate'] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

/** Targets an action may set. Lower-is-better costs, higher-is-better rates, pro-rated volumes. */
export const COST_TARGET_KEYS = ['cpc', 'cpa', 'cpl', 'cpm'] as const;
export const RATE_TARGET_KEYS = ['ctr', 'conversionRate', 'openRate', 'clickRate', 'roas'] as const;
export const VOLUME_TARGET_KEYS = ['conversions', 'leads', 'clicks', 'impressions'] as const;
export const TARGET_KEYS = [...COST_TARGET_KEYS, ...RATE_TARGET_KEYS, ...VOLUME_TARGET_KEYS] as const;
export type TargetKey = (typeof TARGET_KEYS)[number];

/** Keys shown as fractions (0.125 → "12,5 %"). */
export const RATE_KEYS = ['ctr', 'conversionRate', 'openRate', 'clickRate'] as const;
/** Keys shown as money in the plan's currency. */
export const MONEY_KEYS = ['cost', 'conversionValue', 'costPerResult', 'cpc', 'cpa', 'cpl', 'cpm', 'budget'] as const;

export const isVolumeKey = (key: string): key is VolumeKey => (VOLUME_KEYS as readonly string[]).includes(key);
