import { type ReactNode, useMemo } from 'react';
import { today } from '@/lib/clock';
import { CHANNELS, type PlanData } from '@/lib/domain';
import { diagnose, groupTotals, type KpiTrends, kpiTrends, objectiveProgress, planTotals } from '@/lib/insights';
import { computeActions, indexPlan, pacingStatus, type Totals } from '@/lib/kpi';
import { ActionStandingTable } from '../common/ActionStandingTable';
import { formatFigure } from '../common/figures';
import { useI18n } from '../common/i18n';
import { StatusPill } from '../common/StatusPill';
import { ActionTargetsTable } from './ActionTargetsTable';
import { DashboardCharts } from './DashboardCharts';
import { ObjectivesProgress } from './ObjectivesProgress';
import { OffTargetList } from './OffTargetList';

/**
 * The plan's tableau de bord as of today: totals beside per-channel subtotals, what is off target and
 * what to look at, objectives, every action's pacing and targets, then week by week and month by month.
 * Every figure comes from lib/kpi (through lib/insights); this file only lays them out.
 */
export function Dashboard({ data }: { data: PlanData }) {
  const { t, fmt } = useI18n();
  const asOf = today();
  const index = useMemo(() => indexPlan(data), [data]);
  const rows = useMemo(() => computeActions(index, asOf), [index, asOf]);
  const totals = useMemo(() => planTotals(rows), [rows]);
  const channels = useMemo(() => groupTotals(rows, (a) => a.channel, CHANNELS), [rows]);
  const offTarget = useMemo(() => {
    const trends = new Map<string, KpiTrends>(rows.map((r) => [r.action.id, kpiTrends(index, r.action, asOf)]));
    return diagnose(rows, trends, data.plan.tolerance);
  }, [index, rows, asOf, data.plan.tolerance]);
  const objectives = useMemo(() => objectiveProgress(data.plan, data.objectives, rows, asOf), [data.plan, data.objectives, rows, asOf]);
  const f = fmt(data.plan.currency);
  const tolerance = data.plan.tolerance;

  return (
    <section aria-labelledby="pp-dashboard-title" className="pp-dashboard">
      <div className="pp-row pp-section-head">
        <h2 id="pp-dashboard-title">{t('panel.title')}</h2>
        <span className="pp-muted">{t('panel.asOf', { date: f.day(asOf) })}</span>
      </div>
      <div className="pp-kpis" data-testid="plan-totals">
        <Kpi label={t('common.budget')} value={f.money(totals.budget, 0)} field="budget" />
        <Kpi label={t('common.spendToDate')} value={f.money(totals.spendToDate, 0)} field="spendToDate" />
        <Kpi label={t('common.expectedToDate')} value={f.money(totals.expectedSpendToDate, 0)} field="expectedSpendToDate" />
        <Kpi label={t('common.pacing')} value={f.times(totals.pacing)} field="pacing">
          <StatusPill status={pacingStatus(totals.pacing, tolerance)} />
        </Kpi>
        <Kpi label={t('metric.conversions')} value={formatFigure('conversions', totals.metrics.conversions, f)} field="conversions" />
        <Kpi label={t('kpi.cpa')} value={formatFigure('cpa', totals.kpis.cpa, f)} field="cpa" />
        <Kpi label={t('metric.leads')} value={formatFigure('leads', totals.metrics.leads, f)} field="leads" />
        <Kpi label={t('kpi.cpl')} value={formatFigure('cpl', totals.kpis.cpl, f)} field="cpl" />
      </div>
      <ChannelSubtotals groups={channels} totals={totals} currency={data.plan.currency} tolerance={tolerance} />
      <div className="pp-grid-2">
        <OffTargetList items={offTarget} rows={rows} currency={data.plan.currency} />
        <ObjectivesProgress items={objectives} currency={data.plan.currency} />
      </div>
      <div className="pp-card">
        <h3 id="pp-dash-actions-title">{t('act.title')}</h3>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it */}
        <section className="pp-scroll-wrap" tabIndex={0} aria-labelledby="pp-dash-actions-title">
          <ActionStandingTable rows={rows} currency={data.plan.currency} caption={t('act.title')} />
        </section>
      </div>
      <ActionTargetsTable rows={rows} currency={data.plan.currency} tolerance={tolerance} />
      <DashboardCharts key={data.plan.id} index={index} rows={rows} asOf={asOf} />
    </section>
  );
}

function Kpi({ label, value, field, children }: { label: string; value: string; field: string; children?: ReactNode }) {
  return (
    <div className="pp-kpi" data-field={field}>
      <div className="pp-kpi-label">{label}</div>
      <div className="pp-kpi-value">{value}</div>
      {children}
    </div>
  );
}

/** DESIGN: plan-level figures beside per-channel subtotals, so a trade show's leads do not hide in the search CPA. */
function ChannelSubtotals({
  groups,
  totals,
  currency,
  tolerance,
}: {
  groups: ReturnType<typeof groupTotals<(typeof CHANNELS)[number]>>;
  totals: Totals;
  currency: string;
  tolerance: number;
}) {
  const { t, fmt } = useI18n();
  const f = fmt(currency);
  const cells = (x: Totals) => (
    <>
      <td className="pp-num" data-field="budget">
        {f.money(x.budget, 0)}
      </td>
      <td className="pp-num" data-field="spendToDate">
        {f.money(x.spendToDate, 0)}
      </td>
      <td className="pp-num" data-field="pacing">
        <span className="pp-pacing-value">{f.times(x.pacing)}</span>
        <StatusPill status={pacingStatus(x.pacing, tolerance)} />
      </td>
      <td className="pp-num" data-field="conversions">
        {formatFigure('conversions', x.metrics.conversions, f)}
      </td>
      <td className="pp-num" data-field="cpa">
        {formatFigure('cpa', x.kpis.cpa, f)}
      </td>
      <td className="pp-num" data-field="leads">
        {formatFigure('leads', x.metrics.leads, f)}
      </td>
      <td className="pp-num" data-field="cpl">
        {formatFigure('cpl', x.kpis.cpl, f)}
      </td>
      <td className="pp-num" data-field="ctr">
        {formatFigure('ctr', x.kpis.ctr, f)}
      </td>
    </>
  );
  return (
    <div className="pp-card">
      <h3 id="pp-channels-title">{t('dash.byChannel')}</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it */}
      <section className="pp-scroll" tabIndex={0} aria-labelledby="pp-channels-title">
        <table className="pp-table pp-sticky-first" data-testid="channel-subtotals">
          <thead>
            <tr>
              <th scope="col">{t('field.channel')}</th>
              <th scope="col" className="pp-num">
                {t('common.budget')}
              </th>
              <th scope="col" className="pp-num">
                {t('common.spendToDate')}
              </th>
              <th scope="col" className="pp-num">
                {t('common.pacing')}
              </th>
              <th scope="col" className="pp-num">
                {t('metric.conversions')}
              </th>
              <th scope="col" className="pp-num">
                {t('kpi.cpa')}
              </th>
              <th scope="col" className="pp-num">
                {t('metric.leads')}
              </th>
              <th scope="col" className="pp-num">
                {t('kpi.cpl')}
              </th>
              <th scope="col" className="pp-num">
                {t('kpi.ctr')}
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.key} data-channel={g.key}>
                <th scope="row">{t(`channel.${g.key}`)}</th>
                {cells(g.totals)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-channel="total">
              <th scope="row">{t('dash.planLine')}</th>
              {cells(totals)}
            </tr>
          </tfoot>
        </table>
      </section>
    </div>
  );
}
