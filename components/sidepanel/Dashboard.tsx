import { useMemo } from 'react';
import { today } from '@/lib/clock';
import type { PlanData } from '@/lib/domain';
import { computeActions, totalsOf } from '@/lib/kpi';
import { ActionStandingTable } from '../common/ActionStandingTable';
import { useI18n } from '../common/i18n';

/** The plan's tableau de bord: totals to date, then every action with its pacing. */
export function Dashboard({ data }: { data: PlanData }) {
  const { t, fmt } = useI18n();
  const asOf = today();
  const rows = useMemo(() => computeActions(data, asOf), [data, asOf]);
  const totals = useMemo(
    () =>
      totalsOf(
        rows.map((r) => ({
          budget: r.action.budget,
          spendWeek: r.week.spend,
          spendToDate: r.toDate.spend,
          expectedSpendToDate: r.expectedSpendToDate,
          metrics: r.toDate.volumes,
        })),
      ),
    [rows],
  );
  const f = fmt(data.plan.currency);
  return (
    <section aria-labelledby="pp-dashboard-title">
      <div className="pp-row">
        <h2 id="pp-dashboard-title">{t('panel.title')}</h2>
        <span className="pp-muted">{t('panel.asOf', { date: f.day(asOf) })}</span>
      </div>
      <div className="pp-kpis" data-testid="plan-totals">
        <Kpi label={t('common.budget')} value={f.money(totals.budget, 0)} />
        <Kpi label={t('common.spendToDate')} value={f.money(totals.spendToDate, 0)} />
        <Kpi label={t('common.expectedToDate')} value={f.money(totals.expectedSpendToDate, 0)} />
        <Kpi label={t('common.pacing')} value={f.times(totals.pacing)} />
      </div>
      <div className="pp-card">
        <ActionStandingTable rows={rows} currency={data.plan.currency} caption={t('panel.title')} />
      </div>
    </section>
  );
}

function Kpi({ label, value }: { label: string; value: string }) {
  return (
    <div className="pp-kpi">
      <div className="pp-kpi-label">{label}</div>
      <div className="pp-kpi-value">{value}</div>
    </div>
  );
}
