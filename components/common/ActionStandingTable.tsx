import type { FigureStatus } from '@/lib/domain';
import type { ActionOverview } from '@/lib/kpi';
import { useI18n } from './i18n';
import { StatusPill } from './StatusPill';

/** Actions with budget, spend to date, expected spend and pacing: the first thing a campaign manager checks. */
export function ActionStandingTable({ rows, currency, caption }: { rows: readonly ActionOverview[]; currency: string; caption: string }) {
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
          const spentShare = row.action.budget > 0 ? Math.min(1, row.toDate.spend / row.action.budget) : 0;
          const pacingStatus = (row.status.pacing ?? 'none') as FigureStatus;
          return (
            <tr key={row.action.id} data-action-id={row.action.id}>
              <th scope="row" className="pp-action-name">
                <span className="pp-code">{row.action.code}</span> {row.action.name}
              </th>
              <td className="pp-num" data-field="budget">
                {f.money(row.action.budget, 0)}
              </td>
              <td className="pp-num" data-field="spendToDate">
                {f.money(row.toDate.spend, 0)}
                <span className="pp-bar" aria-hidden="true">
                  <span style={{ width: `${spentShare * 100}%` }} />
                </span>
              </td>
              <td className="pp-num" data-field="pacing">
                <span className="pp-pacing-value">{f.times(row.pacing)}</span>
                <StatusPill status={pacingStatus} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
