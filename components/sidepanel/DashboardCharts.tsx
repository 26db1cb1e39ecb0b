import { useId, useMemo, useState } from 'react';
import { CHANNELS, type Channel, KPI_KEYS, type KpiKey, TARGET_KEYS, type TargetKey, VOLUME_TARGET_KEYS } from '@/lib/domain';
import { actionsSpan, type PeriodRow, periodRows, planTotals } from '@/lib/insights';
import { type ActionOverview, type PlanIndex, type SeriesGranularity, spendSeries } from '@/lib/kpi';
import { CumulativeSpendChart } from '../common/charts';
import { figureLabel, formatFigure } from '../common/figures';
import { SelectField } from '../common/forms';
import { useI18n } from '../common/i18n';
import { dayRange, longMonth, shortMonth, shortWeek } from '../common/periods';
import { StatusPill } from '../common/StatusPill';

type Scope = 'plan' | `channel:${Channel}` | `action:${string}`;

/** Volumes shown per period when the scope has no target to pick them. */
const DEFAULT_COLUMNS: readonly (KpiKey | TargetKey)[] = ['conversions', 'cpa', 'leads', 'cpl', 'clicks', 'ctr'];

/**
 * Spend against budget with the pacing line (cumulative, Recharts), and KPI actuals against targets week by
 * week or month by month, for the plan, a channel or one action.
 */
export function DashboardCharts({ index, rows, asOf }: { index: PlanIndex; rows: readonly ActionOverview[]; asOf: string }) {
  const { t, fmt } = useI18n();
  const id = useId();
  const plan = index.plan;
  const f = fmt(plan.currency);
  const [scope, setScope] = useState<Scope>('plan');
  const [granularity, setGranularity] = useState<SeriesGranularity>('week');
  const channels = CHANNELS.filter((c) => rows.some((r) => r.action.channel === c));
  const scopeAction = scope.startsWith('action:') ? rows.find((r) => `action:${r.action.id}` === scope) : undefined;
  const actionIds = useMemo(() => {
    if (scope === 'plan') return undefined;
    if (scope.startsWith('channel:')) return rows.filter((r) => `channel:${r.action.channel}` === scope).map((r) => r.action.id);
    return rows.filter((r) => `action:${r.action.id}` === scope).map((r) => r.action.id);
  }, [scope, rows]);

  const series = useMemo(() => {
    // The scope's own weeks or months: from its first action's start to its last action's end.
    const range = actionsSpan(index.actions.filter((a) => actionIds === undefined || actionIds.includes(a.id)));
    return range ? spendSeries(index, { granularity, asOf, actionIds, range }) : [];
  }, [index, granularity, asOf, actionIds]);
  const periods = useMemo(() => periodRows(index, { granularity, asOf, actionIds }), [index, granularity, asOf, actionIds]);

  const multiYear = series.length > 0 && series[0]?.period.start.slice(0, 4) !== series.at(-1)?.period.end.slice(0, 4);
  const label = (p: { start: string; end: string }) =>
    granularity === 'month' ? shortMonth(p, f.locale, multiYear) : shortWeek(p, f.locale, plan.weekStartsOn, t('cal.weekLetter'));
  const todayPoint = series.find((p) => p.period.start <= asOf && asOf <= p.period.end);
  const points = series.map((p) => ({ label: label(p.period), spent: p.spendToDate, expected: p.expectedSpendToDate }));

  const scoped = actionIds === undefined ? rows : rows.filter((r) => actionIds.includes(r.action.id));
  const scopedTotals = planTotals(scoped);

  // Columns: the scoped action's targets when it has some, else the usual volumes and costs that have a figure.
  const targetKeys = scopeAction ? TARGET_KEYS.filter((k) => scopeAction.action.targets[k] !== undefined) : [];
  const columns = (targetKeys.length > 0 ? targetKeys : DEFAULT_COLUMNS).filter(
    (k) => targetKeys.length > 0 || periods.some((p) => figureOf(p, k) !== null),
  );

  const scopeOptions = [
    { value: 'plan' as Scope, label: t('dash.scope.plan') },
    ...channels.map((c) => ({ value: `channel:${c}` as Scope, label: t('dash.scope.channel', { channel: t(`channel.${c}`) }) })),
    ...rows.map((r) => ({ value: `action:${r.action.id}` as Scope, label: `${r.action.code} ${r.action.name}` })),
  ];
  const periodLabel = (p: PeriodRow) =>
    granularity === 'month'
      ? longMonth(p.period, f.locale)
      : t('dash.week.label', { week: label(p.period).replace(/^\D+/, ''), range: dayRange(p.period, f.locale) });

  return (
    <section className="pp-card" aria-labelledby={`${id}-title`} data-testid="dashboard-charts">
      <h3 id={`${id}-title`}>{t('dash.chart.title')}</h3>
      <div className="pp-form-row">
        <SelectField
          id={`${id}-scope`}
          label={t('dash.scope')}
          value={scope}
          options={scopeOptions}
          onChange={setScope}
          className="pp-field-grow"
        />
        <SelectField
          id={`${id}-step`}
          label={t('dash.granularity')}
          value={granularity}
          options={[
            { value: 'week', label: t('dash.week') },
            { value: 'month', label: t('dash.month') },
          ]}
          onChange={setGranularity}
        />
      </div>
      <p className="pp-chart-summary" data-testid="chart-summary">
        {t('dash.chart.summary', {
          spent: f.money(scopedTotals.spendToDate, 0),
          expected: f.money(scopedTotals.expectedSpendToDate, 0),
          budget: f.money(scopedTotals.budget, 0),
        })}
      </p>
      <CumulativeSpendChart
        points={points}
        todayLabel={todayPoint ? label(todayPoint.period) : null}
        f={f}
        currency={plan.currency}
        labels={{ spent: t('dash.chart.spent'), expected: t('dash.chart.expected'), today: t('dash.chart.today') }}
      />
      {periods.length === 0 ? (
        <p className="pp-muted">{t('dash.periods.none')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it
        <section className="pp-scroll" tabIndex={0} aria-label={t(granularity === 'week' ? 'dash.week' : 'dash.month')}>
          <table className="pp-table pp-sticky-first" data-testid="period-table">
            <caption className="pp-caption">{t('dash.periods.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dash.periods.period')}</th>
                <th scope="col" className="pp-num">
                  {t('dash.periods.spent')}
                </th>
                <th scope="col" className="pp-num">
                  {t('dash.periods.expected')}
                </th>
                <th scope="col" className="pp-num">
                  {t('common.pacing')}
                </th>
                {columns.map((k) => (
                  <th key={k} scope="col" className="pp-num">
                    {t(figureLabel(k))}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...periods].reverse().map((p) => (
                <tr key={p.period.start} data-period={p.period.start}>
                  <th scope="row">
                    {periodLabel(p)}
                    {p.partial && <span className="pp-sub">{t('dash.periods.partial')}</span>}
                    {p.incomplete && <span className="pp-sub pp-warn">{t('dash.periods.incomplete')}</span>}
                  </th>
                  <td className="pp-num">{f.money(p.spend, 0)}</td>
                  <td className="pp-num">{f.money(p.expectedSpend, 0)}</td>
                  <td className="pp-num">
                    {f.times(p.pacing)}
                    {p.status.pacing && p.status.pacing !== 'none' && <StatusPill status={p.status.pacing} />}
                  </td>
                  {columns.map((k) => (
                    <td key={k} className="pp-num" data-key={k}>
                      {formatFigure(k, figureOf(p, k), f)}
                      {p.status[k] && <StatusPill status={p.status[k]} />}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

function figureOf(row: PeriodRow, key: KpiKey | TargetKey): number | null {
  if ((VOLUME_TARGET_KEYS as readonly string[]).includes(key)) return row.volumes[key as (typeof VOLUME_TARGET_KEYS)[number]] ?? null;
  if ((KPI_KEYS as readonly string[]).includes(key)) return row.kpis[key as KpiKey];
  return null;
}
