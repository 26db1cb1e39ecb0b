import { useId, useMemo } from 'react';
import { today } from '@/lib/clock';
import { CHANNELS, LEVERS, type PlanData } from '@/lib/domain';
import type { Formatters } from '@/lib/i18n/format';
import type { MessageKey } from '@/lib/i18n/messages';
import { type BudgetBreakdown, budgetBreakdown, budgetByMonth } from '@/lib/insights';
import { computeActions, indexPlan, pacingStatus } from '@/lib/kpi';
import { PlannedSpentChart } from '../common/charts';
import { useI18n } from '../common/i18n';
import { longMonth, shortMonth } from '../common/periods';
import { StatusPill } from '../common/StatusPill';

/** How the budget is spread over channels, levers and months, planned against spent (figures from lib/kpi via lib/insights). */
export function BudgetView({ data }: { data: PlanData }) {
  const { t, fmt, locale } = useI18n();
  const f = fmt(data.plan.currency);
  const asOf = today();
  const index = useMemo(() => indexPlan(data), [data]);
  const rows = useMemo(() => computeActions(index, asOf), [index, asOf]);
  const byChannel = useMemo(() => budgetBreakdown(rows, (a) => a.channel, CHANNELS), [rows]);
  const byLever = useMemo(() => budgetBreakdown(rows, (a) => a.lever, LEVERS), [rows]);
  const byMonth = useMemo(() => budgetByMonth(index, asOf), [index, asOf]);
  const multiYear =
    byMonth.months.length > 0 && byMonth.months[0]?.period.start.slice(0, 4) !== byMonth.months.at(-1)?.period.start.slice(0, 4);

  return (
    <section aria-labelledby="pp-budget-title" className="pp-budget">
      <div className="pp-row pp-section-head">
        <h2 id="pp-budget-title">{t('budget.title')}</h2>
        <span className="pp-muted">{t('panel.asOf', { date: f.day(asOf) })}</span>
      </div>
      <BreakdownTable
        title={t('budget.byChannel')}
        column={t('field.channel')}
        breakdown={byChannel}
        labelOf={(k) => `channel.${k}` as MessageKey}
        f={f}
        tolerance={data.plan.tolerance}
        testId="budget-by-channel"
      />
      <BreakdownTable
        title={t('budget.byLever')}
        column={t('field.lever')}
        breakdown={byLever}
        labelOf={(k) => `lever.${k}` as MessageKey}
        f={f}
        tolerance={data.plan.tolerance}
        testId="budget-by-lever"
      />
      <section className="pp-card" aria-labelledby="pp-budget-month-title">
        <h3 id="pp-budget-month-title">{t('budget.byMonth')}</h3>
        <p className="pp-muted pp-small">{t('budget.monthHint')}</p>
        <PlannedSpentChart
          points={byMonth.months.map((m) => ({ label: shortMonth(m.period, locale, multiYear), planned: m.planned, spent: m.spent }))}
          f={f}
          currency={data.plan.currency}
          labels={{ planned: t('budget.planned'), spent: t('budget.spent') }}
        />
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it */}
        <section className="pp-scroll" tabIndex={0} aria-labelledby="pp-budget-month-title">
          <table className="pp-table pp-sticky-first" data-testid="budget-by-month">
            <thead>
              <tr>
                <th scope="col">{t('dash.periods.period')}</th>
                <th scope="col" className="pp-num">
                  {t('budget.planned')}
                </th>
                <th scope="col" className="pp-num">
                  {t('budget.spent')}
                </th>
                <th scope="col" className="pp-num">
                  {t('budget.cumulativePlanned')}
                </th>
                <th scope="col" className="pp-num">
                  {t('budget.cumulativeSpent')}
                </th>
              </tr>
            </thead>
            <tbody>
              {byMonth.months.map((m) => (
                <tr key={m.period.start} data-month={m.period.start}>
                  <th scope="row">{longMonth(m.period, locale)}</th>
                  <td className="pp-num" data-field="planned">
                    {f.money(m.planned, 0)}
                  </td>
                  <td className="pp-num" data-field="spent">
                    {f.money(m.spent, 0)}
                  </td>
                  <td className="pp-num">{f.money(m.cumulativePlanned, 0)}</td>
                  <td className="pp-num">{f.money(m.cumulativeSpent, 0)}</td>
                </tr>
              ))}
              {byMonth.unscheduled !== 0 && (
                <tr data-month="unscheduled">
                  <th scope="row">{t('budget.unscheduled')}</th>
                  <td className="pp-num" data-field="planned">
                    {f.money(byMonth.unscheduled, 0)}
                  </td>
                  <td className="pp-num" data-field="spent" />
                  <td />
                  <td />
                </tr>
              )}
              {byMonth.notInAMonth !== 0 && (
                <tr data-month="not-in-a-month">
                  <th scope="row">{t('budget.notInAMonth')}</th>
                  <td className="pp-num" data-field="planned" />
                  <td className="pp-num" data-field="spent">
                    {f.money(byMonth.notInAMonth, 0)}
                  </td>
                  <td />
                  <td />
                </tr>
              )}
            </tbody>
            <tfoot>
              <tr data-month="total">
                <th scope="row">{t('budget.total')}</th>
                <td className="pp-num" data-field="planned">
                  {f.money(byMonth.totalBudget, 0)}
                </td>
                <td className="pp-num" data-field="spent">
                  {f.money(byMonth.spentToDate, 0)}
                </td>
                <td />
                <td />
              </tr>
            </tfoot>
          </table>
        </section>
      </section>
    </section>
  );
}

function BreakdownTable<K extends string>({
  title,
  column,
  breakdown,
  labelOf,
  f,
  tolerance,
  testId,
}: {
  title: string;
  column: string;
  breakdown: BudgetBreakdown<K>;
  labelOf: (key: K) => MessageKey;
  f: Formatters;
  tolerance: number;
  testId: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const line = (l: BudgetBreakdown<K>['lines'][number] | BudgetBreakdown<K>['total'], label: string) => (
    <>
      <th scope="row">
        {label}
        <span className="pp-bar pp-bar-consumed" aria-hidden="true">
          <span style={{ width: `${Math.min(1, l.consumed ?? 0) * 100}%` }} />
        </span>
      </th>
      <td className="pp-num" data-field="budget">
        {f.money(l.budget, 0)}
      </td>
      <td className="pp-num" data-field="spent">
        {f.money(l.spent, 0)}
      </td>
      <td className="pp-num" data-field="consumed">
        {f.percent(l.consumed, 0)}
      </td>
      <td className="pp-num" data-field="share">
        {f.percent(l.shareOfBudget, 0)}
      </td>
      <td className="pp-num" data-field="pacing">
        {f.times(l.pacing)}
        <StatusPill status={pacingStatus(l.pacing, tolerance)} />
      </td>
    </>
  );
  return (
    <section className="pp-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it */}
      <section className="pp-scroll" tabIndex={0} aria-labelledby={`${id}-title`}>
        <table className="pp-table pp-sticky-first" data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">{column}</th>
              <th scope="col" className="pp-num">
                {t('budget.planned')}
              </th>
              <th scope="col" className="pp-num">
                {t('budget.spent')}
              </th>
              <th scope="col" className="pp-num">
                {t('budget.consumed')}
              </th>
              <th scope="col" className="pp-num">
                {t('budget.share')}
              </th>
              <th scope="col" className="pp-num">
                {t('common.pacing')}
              </th>
            </tr>
          </thead>
          <tbody>
            {breakdown.lines.map((l) => (
              <tr key={l.key} data-key={l.key}>
                {line(l, t(labelOf(l.key)))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-key="total">{line(breakdown.total, t('budget.total'))}</tr>
          </tfoot>
        </table>
      </section>
    </section>
  );
}
