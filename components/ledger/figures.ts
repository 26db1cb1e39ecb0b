import { COST_TARGET_KEYS, KPI_KEYS, RATE_KEYS } from '@/lib/domain';
import type { Formatters } from '@/lib/i18n/format';
import type { MessageKey } from '@/lib/i18n/messages';

const MONEY = new Set<string>([...COST_TARGET_KEYS, 'cost', 'conversionValue', 'spendWeek', 'spendToDate', 'budget']);
const RATES = new Set<string>(RATE_KEYS);
const KPIS = new Set<string>(KPI_KEYS);

/** The words for a figure's key: a KPI, pacing, or a volume. */
export function figureLabelKey(key: string): MessageKey {
  if (key === 'pacing') return 'kpi.pacing';
  if (KPIS.has(key)) return `kpi.${key}` as MessageKey;
  return `metric.${key}` as MessageKey;
}

/** A figure as the user reads it: money, a rate, pacing (%), ROAS (×) or a count. */
export function formatFigure(key: string, value: number | null | undefined, f: Formatters): string {
  if (MONEY.has(key)) return f.money(value);
  if (RATES.has(key)) return f.percent(value, 2);
  if (key === 'pacing') return f.times(value);
  if (key === 'roas') return value === null || value === undefined ? f.number(value) : `${f.number(value, 2)}×`;
  return f.number(value, 0);
}

/** A change with its sign: "+1 234,00 €", "−3 pts" for pacing and rates (percentage points). */
export function formatChange(key: string, change: number | null, f: Formatters): string {
  if (change === null) return '';
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const size = Math.abs(change);
  if (key === 'pacing' || RATES.has(key)) return `${sign}${f.number(size * 100, 1)} pts`;
  // A week's spend moving by 6 023,48 € reads better as 6 023 €; unit costs keep their cents.
  if (MONEY.has(key) && size >= 100) return `${sign}${f.money(size, 0)}`;
  return `${sign}${formatFigure(key, size, f)}`;
}
