import type { Action, FigureStatus } from '@/lib/domain';
import type { ActionStanding, GlanceRow } from '@/lib/kpi';
import { useI18n } from './i18n';
import { StatusPill } from './StatusPill';

/**
 * Actions with budget, spend to date and pacing: the first thing a campaign manager checks.
 * A row is an engine standing, or an action with the glance kept from the engine's last run
 * (the popup's head start), or an action alone while its figures are computed ("…").
 */
export function ActionStandingTable({
  rows,
  currency,
  caption,
}: {
  rows: readonly (ActionStanding | { action: Action; glance?: GlanceRow; asOf?: string })[];
  currency: string;
  caption: string;
}) {
  const { t, fmt } = useI18n();
  const f = fmt(currency);
  return (
    <table className="pp-table" data-testid="actions-table">
      <caption className="pp-visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('common.action')}</th>
          <th scope="col" className="pp-num">
            {t('common.budget')}
          </th>
          <th scope="col" className="pp-num">
            {t('common.spendToDate')}
          </th>
          <th scope="col" className="pp-num">
            {t('common.pacing')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const figures =
            'toDate' in row
              ? { spend: row.toDate.spend, pacing: row.pacing, status: (row.status.pacing ?? 'none') as FigureStatus, asOf: row.asOf }
              : row.glance && row.asOf
                ? { spend: row.glance.spendToDate, pacing: row.glance.pacing, status: row.glance.pacingStatus, asOf: row.asOf }
                : null;
          const spend = figures?.spend ?? null;
          const spentShare = spend !== null && row.action.budget > 0 ? Math.min(1, spend / row.action.budget) : 0;
          return (
            <tr key={row.action.id} data-action-id={row.action.id}>
              <th scope="row" className="pp-action-name">
                <span className="pp-code">{row.action.code}</span> {row.action.name}
              </th>
              <td className="pp-num" data-field="budget">
                {f.money(row.action.budget, 0)}
              </td>
              <td className="pp-num" data-field="spendToDate">
                {spend === null ? '…' : f.money(spend, 0)}
                <span className="pp-bar" aria-hidden="true">
                  <span style={{ width: `${spentShare * 100}%` }} />
                </span>
              </td>
              <td className="pp-num" data-field="pacing">
                <span className="pp-pacing-value">{figures ? f.times(figures.pacing) : '…'}</span>
                {figures && (
                  <StatusPill status={figures.status} label={notStarted(row.action, figures.asOf) ? t('status.notStarted') : undefined} />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const notStarted = (action: Action, asOf: string) => asOf < action.start;
