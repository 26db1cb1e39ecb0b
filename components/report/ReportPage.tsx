import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import { today } from '@/lib/clock';
import { latestSnapshot, planpilotDb } from '@/lib/db';
import { type FigureStatus, isoDate, TARGET_KEYS, type WeeklyReport } from '@/lib/domain';
import { addDays, weekOf } from '@/lib/kpi/days';
import { buildWeeklyReport } from '@/lib/kpi/report';
import { spendSeries } from '@/lib/kpi/series';
import { objectivesProgress, offTargetItems } from '@/lib/snapshots';
import { usePlanData } from '../common/data';
import { useI18n } from '../common/i18n';
import { StatusPill } from '../common/StatusPill';
import { CumulativeChart } from '../ledger/CumulativeChart';
import { figureLabelKey, formatFigure } from '../ledger/figures';

/**
 * The printable report of one week (`report.html?plan=…&week=…`): plan, objectives, actions, charts and
 * what is off target. It shows the week's latest snapshot when there is one (figures as frozen), else the
 * report computed now by the same engine, and says which.
 */
export function ReportPage({ planId, week }: { planId: string; week: string | null }) {
  const { t, fmt, locale } = useI18n();
  const data = usePlanData(planId);
  const weekStart = week && isoDate.safeParse(week).success ? week : null;
  const start = data ? (weekStart ?? weekOf(addDays(today(), -7), data.plan.weekStartsOn).start) : null;
  const snapshot = useLiveQuery(async () => (start ? ((await latestSnapshot(planpilotDb, planId, start)) ?? null) : null), [planId, start]);
  const live = useMemo(() => (data && start && snapshot === null ? buildWeeklyReport(data, start) : null), [data, start, snapshot]);
  const report: WeeklyReport | null = snapshot?.report ?? live;
  const series = useMemo(
    () =>
      data && report
        ? spendSeries(data, { granularity: 'week', asOf: report.week.end, range: { start: data.plan.start, end: report.week.end } })
        : [],
    [data, report],
  );
  const title = data && report ? `Planpilot – ${data.plan.name} – ${report.week.start}` : 'Planpilot';
  useEffect(() => {
    document.title = title;
  }, [title]);
  if (data === undefined || snapshot === undefined) return <p className="pp-main">…</p>;
  if (!data || !report) return <p className="pp-main pp-error">{t('report.notFound')}</p>;
  const f = fmt(data.plan.currency);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
  const progress = objectivesProgress(report, data.objectives, data.actions);
  const off = offTargetItems(report, data.actions);
  const maxMoney = Math.max(1, ...report.actions.flatMap((a) => [a.spendToDate, a.expectedSpendToDate]));
  const link = (w: string) => `?plan=${encodeURIComponent(planId)}&week=${w}`;
  return (
    <article className="pp-report" data-testid="printable-report" data-week={report.week.start}>
      <header className="pp-report-header">
        <div>
          <div className="pp-logo">Planpilot</div>
          <h1>{data.plan.name}</h1>
          <p className="pp-report-week">{t('report.title', { range: f.range(report.week.start, report.week.end) })}</p>
          <p className="pp-muted pp-small">
            {t('report.period', { range: f.range(data.plan.start, data.plan.end) })} ·{' '}
            {snapshot
              ? t('report.fromSnapshot', { date: when.format(new Date(snapshot.takenAt)), version: snapshot.version })
              : t('report.live', { date: when.format(new Date()) })}
          </p>
        </div>
        <nav className="pp-no-print pp-row" aria-label={t('snap.week')}>
          <a
            className="pp-button"
            href={link(addDays(report.week.start, -7))}
            aria-label={t('report.prevWeek')}
            title={t('report.prevWeek')}
          >
            ←
          </a>
          <a
            className="pp-button"
            href={link(addDays(report.week.start, 7))}
            aria-label={t('report.nextWeek')}
            title={t('report.nextWeek')}
          >
            →
          </a>
          <button type="button" className="pp-primary" onClick={() => window.print()}>
            {t('report.print')}
          </button>
        </nav>
      </header>

      <section className="pp-report-kpis">
        <Figure label={t('common.budget')} value={f.money(report.totals.budget, 0)} />
        <Figure label={t('snap.col.spendWeek')} value={f.money(report.totals.spendWeek, 0)} />
        <Figure label={t('common.spendToDate')} value={f.money(report.totals.spendToDate, 0)} />
        <Figure label={t('common.expectedToDate')} value={f.money(report.totals.expectedSpendToDate, 0)} />
        <Figure label={t('common.pacing')} value={f.times(report.totals.pacing)} />
      </section>

      {progress.length > 0 && (
        <section className="pp-report-section">
          <h2>{t('report.objectives')}</h2>
          <ul className="pp-objectives">
            {progress.map((p) => (
              <li key={p.objective.id}>
                <div className="pp-row">
                  <strong>{p.objective.name}</strong>
                  <span className="pp-spacer" />
                  <span className="pp-num">
                    {p.actual === null
                      ? `${t('report.noData')} · ${formatFigure(p.objective.metric, p.objective.target, f)}`
                      : t('report.objectiveProgress', {
                          actual: formatFigure(p.objective.metric, p.actual, f),
                          target: formatFigure(p.objective.metric, p.objective.target, f),
                        })}
                    {p.share !== null && ` · ${f.percent(p.share, 0)}`}
                  </span>
                </div>
                <span className="pp-bar" aria-hidden="true">
                  <span style={{ width: `${Math.min(1, p.share ?? 0) * 100}%` }} />
                </span>
                <div className="pp-muted pp-small">
                  {t('report.deadline', { date: f.day(p.objective.deadline) })}
                  {p.actionCodes.length > 0 && ` · ${p.actionCodes.join(', ')}`}
                  {p.objective.description && ` · ${p.objective.description}`}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="pp-report-section">
        <h2>{t('report.offTarget')}</h2>
        {off.length === 0 ? (
          <p>{t('report.allOn')}</p>
        ) : (
          <ul className="pp-off-list" data-testid="report-off">
            {off.map((o) => (
              <li key={`${o.actionId}-${o.key}`}>
                <StatusPill status={o.status} />
                <span className="pp-code">{o.code}</span>
                <span className="pp-off-name">{o.name}</span> —{' '}
                {t('report.offLine', {
                  figure: t(figureLabelKey(o.key)),
                  actual: formatFigure(o.key, o.actual, f),
                  target: formatFigure(o.key, o.targetToDate, f),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="pp-report-section">
        <h2>{t('report.actions')}</h2>
        <table className="pp-table pp-report-table">
          <thead>
            <tr>
              <th scope="col">{t('common.action')}</th>
              <th scope="col" className="pp-num">
                {t('common.budget')}
              </th>
              <th scope="col" className="pp-num">
                {t('snap.col.spendWeek')}
              </th>
              <th scope="col" className="pp-num">
                {t('common.spendToDate')}
              </th>
              <th scope="col" className="pp-num">
                {t('common.expectedToDate')}
              </th>
              <th scope="col" className="pp-num">
                {t('common.pacing')}
              </th>
              <th scope="col">{t('report.kpis')}</th>
            </tr>
          </thead>
          <tbody>
            {report.actions.map((a) => (
              <tr key={a.actionId}>
                <th scope="row">
                  <span className="pp-code">{a.code}</span> {a.name}
                </th>
                <td className="pp-num">{f.money(a.budget, 0)}</td>
                <td className="pp-num">{f.money(a.spendWeek, 0)}</td>
                <td className="pp-num">{f.money(a.spendToDate, 0)}</td>
                <td className="pp-num">{f.money(a.expectedSpendToDate, 0)}</td>
                <td className="pp-num">
                  {f.times(a.pacing)}
                  <StatusPill status={(a.status.pacing ?? 'none') as FigureStatus} />
                </td>
                <td className="pp-kpi-cell">
                  {TARGET_KEYS.filter((k) => a.targets[k] !== undefined).map((k) => {
                    const actual = (k in a.kpis ? a.kpis[k as keyof typeof a.kpis] : a.metrics[k as keyof typeof a.metrics]) ?? null;
                    return (
                      <span key={k} className={`pp-kpi-chip pp-kpi-chip-${a.status[k] ?? 'none'}`}>
                        {t(figureLabelKey(k))} {formatFigure(k, actual, f)}
                        <span className="pp-muted"> / {formatFigure(k, a.targets[k], f)}</span>
                      </span>
                    );
                  })}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('common.total')}</th>
              <td className="pp-num">{f.money(report.totals.budget, 0)}</td>
              <td className="pp-num">{f.money(report.totals.spendWeek, 0)}</td>
              <td className="pp-num">{f.money(report.totals.spendToDate, 0)}</td>
              <td className="pp-num">{f.money(report.totals.expectedSpendToDate, 0)}</td>
              <td className="pp-num">{f.times(report.totals.pacing)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </section>

      <section className="pp-report-section pp-report-charts">
        <div>
          <h2>{t('report.chartActions')}</h2>
          <ul className="pp-hbars" aria-label={t('report.chartActions')}>
            {report.actions.map((a) => (
              <li key={a.actionId}>
                <span className="pp-hbar-label">
                  <span className="pp-code">{a.code}</span>
                </span>
                <span className="pp-hbar-track">
                  <span className="pp-hbar-spent" style={{ width: `${(a.spendToDate / maxMoney) * 100}%` }} />
                  <span className="pp-hbar-expected" style={{ left: `${(a.expectedSpendToDate / maxMoney) * 100}%` }} />
                </span>
                <span className="pp-hbar-value pp-num">
                  {f.money(a.spendToDate, 0)} / {f.money(a.expectedSpendToDate, 0)}
                </span>
              </li>
            ))}
          </ul>
          <p className="pp-legend">
            <span className="pp-legend-item">
              <span className="pp-swatch pp-swatch-spent" aria-hidden="true" />
              {t('report.legend.spent')}
            </span>
            <span className="pp-legend-item">
              <span className="pp-swatch pp-swatch-expected" aria-hidden="true" />
              {t('report.legend.expected')}
            </span>
          </p>
        </div>
        <div>
          <h2>{t('report.chartWeeks')}</h2>
          <CumulativeChart
            width={680}
            label={t('report.chartWeeks')}
            from={data.plan.start}
            to={report.week.end}
            money={(v) => f.money(v, 0)}
            day={f.day}
            series={[
              {
                label: t('report.legend.expected'),
                color: '#8a94a6',
                dashed: true,
                points: [{ date: data.plan.start, value: 0 }, ...series.map((p) => ({ date: p.period.end, value: p.expectedSpendToDate }))],
              },
              {
                label: t('report.legend.spent'),
                color: '#2f5bd3',
                points: [{ date: data.plan.start, value: 0 }, ...series.map((p) => ({ date: p.period.end, value: p.spendToDate ?? 0 }))],
              },
            ]}
          />
        </div>
      </section>

      {(data.plan.notes || data.plan.review) && (
        <section className="pp-report-section pp-report-notes">
          {data.plan.notes && (
            <div>
              <h2>{t('report.reminders')}</h2>
              <p>{data.plan.notes}</p>
            </div>
          )}
          {data.plan.review && (
            <div>
              <h2>{t('report.review')}</h2>
              <p>{data.plan.review}</p>
            </div>
          )}
        </section>
      )}
    </article>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="pp-kpi">
      <div className="pp-kpi-label">{label}</div>
      <div className="pp-kpi-value">{value}</div>
    </div>
  );
}
