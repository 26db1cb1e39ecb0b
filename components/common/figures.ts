/** How each figure reads: money, percentages, counts; and its name. Formatting only: the figures come from lib/kpi. */
import { type KpiKey, MONEY_KEYS, RATE_KEYS, type TargetKey, VOLUME_KEYS, type VolumeKey } from '@/lib/domain';
import type { Formatters } from '@/lib/i18n/format';
import type { MessageKey } from '@/lib/i18n/messages';

export type FigureKey = KpiKey | VolumeKey | TargetKey | 'pacing';

const isRate = (key: string) => (RATE_KEYS as readonly string[]).includes(key);
const isMoney = (key: string) => (MONEY_KEYS as readonly string[]).includes(key);
const isVolume = (key: string): key is VolumeKey => (VOLUME_KEYS as readonly string[]).includes(key);

/** A figure as shown: CPA "48,20 €", CTR "4,5 %", ROAS "2,45", conversions "1 240", pacing "103 %". */
export function formatFigure(key: FigureKey, value: number | null | undefined, f: Formatters): string {
  if (key === 'pacing') return f.times(value);
  if (isRate(key)) return f.percent(value, 2);
  if (key === 'roas') return f.number(value, 2);
  if (isMoney(key)) return f.money(value, key === 'cost' || key === 'conversionValue' ? 0 : 2);
  return f.number(value, 0);
}

/** The figure's name: KPIs by their usual acronym, volumes by their word. */
export function figureLabel(key: FigureKey): MessageKey {
  if (key === 'pacing') return 'kpi.pacing';
  if (isVolume(key)) return `metric.${key}` as MessageKey;
  return `kpi.${key}` as MessageKey;
}

/** "≤" for costs (lower is better), "≥" for rates and volumes. */
export function comparator(key: TargetKey): '≤' | '≥' {
  return key === 'cpc' || key === 'cpa' || key === 'cpl' || key === 'cpm' ? '≤' : '≥';
}
