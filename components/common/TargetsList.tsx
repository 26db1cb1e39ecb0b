import type { FigureStatus, Plan, TargetKey } from '@/lib/domain';
import { RATE_KEYS } from '@/lib/domain';
import type { Formatters } from '@/lib/i18n/format';
import { type ActionStanding, compareTargets } from '@/lib/kpi';
import { useI18n } from './i18n';
import { StatusPill } from './StatusPill';

const VOLUME_LABEL: Partial<Record<TargetKey, 'metric.conversions' | 'metric.leads' | 'metric.clicks' | 'metric.impressions'>> = {
  conversions: 'metric.conversions',
  leads: 'metric.leads',
  clicks: 'metric.clicks',
  impressions: 'metric.impressions',
};

function formatFigure(key: TargetKey, value: number | null, f: Formatters): string {
  if ((RATE_KEYS as readonly string[]).includes(key)) return f.percent(value, 2);
  if (key === 'roas') return f.number(value, 2);
  if (VOLUME_LABEL[key]) return f.number(value, 0);
  return f.money(value);
}

/** Pacing, then every target of an action: actual, what it is compared with, status in words. */
export function TargetsList({ standing, plan }: { standing: ActionStanding; plan: Plan }) {
  const { t, fmt } = useI18n();
  const f = fmt(plan.currency);
  const judged = {
    kpis: standing.toDate.kpis,
    volumes: standing.toDate.volumes,
    elapsedShare: standing.elapsedShare,
    pacing: standing.pacing,
  };
  const rows = compareTargets(standing.action.targets, judged, plan.tolerance);
  return (
    <table className="pp-table pp-targets">
      <thead>
        <tr>
          <th scope="col">{t('common.indicator')}</th>
          <th scope="col" className="pp-num">
            {t('common.actual')}
          </th>
          <th scope="col" className="pp-num">
            {t('common.target')}
          </th>
          <th scope="col">{t('common.status')}</th>
        </tr>
      </thead>
      <tbody>
        <tr data-kpi="pacing">
          <th scope="row">{t('kpi.pacing')}</th>
          <td className="pp-num">
            {f.money(standing.toDate.spend, 0)} ({f.times(standing.pacing)})
          </td>
          <td className="pp-num">{f.money(standing.expectedSpendToDate, 0)}</td>
          <td>
            <StatusPill status={(standing.status.pacing ?? 'none') as FigureStatus} />
          </td>
        </tr>
        {rows.map((row) => {
          const volumeLabel = VOLUME_LABEL[row.key];
          return (
            <tr key={row.key} data-kpi={row.key}>
              <th scope="row">{volumeLabel ? t(volumeLabel) : t(`kpi.${row.key as Exclude<TargetKey, keyof typeof VOLUME_LABEL>}`)}</th>
              <td className="pp-num">{formatFigure(row.key, row.actual, f)}</td>
              <td className="pp-num">
                {row.direction === 'lower-is-better' ? '≤ ' : '≥ '}
                {formatFigure(row.key, row.comparedWith, f)}
              </td>
              <td>
                <StatusPill status={row.status} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
