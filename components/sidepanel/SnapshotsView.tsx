import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useState } from 'react';
import browser from 'webextension-polyfill';
import { today } from '@/lib/clock';
import { getMeta, listActions, listSnapshots, planpilotDb, upsertPlan } from '@/lib/db';
import { type Action, DEFAULT_FREEZE_DELAY_DAYS, type FigureStatus, type Plan, type WeeklySnapshot } from '@/lib/domain';
import { addDays } from '@/lib/kpi/days';
import {
  compareReports,
  type Delta,
  endedWeeks,
  type Move,
  offTargetItems,
  pendingSnapshots,
  runCatchUp,
  snapshotCsvFile,
  takeSnapshot,
} from '@/lib/snapshots';
import { downloadText } from '../common/download';
import { useI18n } from '../common/i18n';
import { StatusPill } from '../common/StatusPill';
import { Notice } from '../ledger/fields';
import { figureLabelKey, formatChange, formatFigure } from '../ledger/figures';

type Message = { text: string; kind: 'ok' | 'error' };

/**
 * Weekly snapshots of the plan: the frozen weeks (latest version shown, earlier ones listed), a week
 * against the previous one, the CSV download and the printable report; take or retake a week by hand.
 */
export function SnapshotsView({ plan }: { plan: Plan }) {
  const { t, fmt, locale } = useI18n();
  const f = fmt(plan.currency);
  const uid = useId();
  const asOf = today();
  const snapshots = useLiveQuery(() => listSnapshots(planpilotDb, plan.id), [plan.id]);
  const pending = useLiveQuery(() => pendingSnapshots(planpilotDb, new Date()), [plan.id, snapshots?.length]);
  const lastRun = useLiveQuery(() => getMeta(planpilotDb, 'lastSnapshotRun'), []);
  const actions = useLiveQuery(() => listActions(planpilotDb, plan.id), [plan.id]);
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const weeks = useMemo(() => endedWeeks(plan, asOf), [plan, asOf]);
  const [handWeek, setHandWeek] = useState<string>(weeks[0]?.start ?? '');
  const byWeek = useMemo(() => {
    const map = new Map<string, WeeklySnapshot[]>();
    for (const s of snapshots ?? []) map.set(s.weekStart, [...(map.get(s.weekStart) ?? []), s]);
    return map;
  }, [snapshots]);
  const frozenWeeks = [...byWeek.keys()].sort().reverse();
  const shownWeek = selected && byWeek.has(selected) ? selected : (frozenWeeks[0] ?? null);
  useEffect(() => {
    if (!handWeek && weeks[0]) setHandWeek(weeks[0].start);
  }, [weeks, handWeek]);
  const when = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }), [locale]);
  const weekRange = (start: string) => f.range(start, addDays(start, 6));
  const planPending = pending?.due.filter((d) => d.planId === plan.id) ?? [];

  async function take(weekStart: string) {
    setBusy(true);
    setMessage(null);
    try {
      const s = await takeSnapshot(planpilotDb, plan.id, weekStart, new Date());
      setSelected(s.weekStart);
      setMessage({ kind: 'ok', text: t('snap.taken', { week: weekRange(s.weekStart), version: s.version }) });
    } catch (e) {
      setMessage({ kind: 'error', text: t('snap.error', { error: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(false);
    }
  }

  async function catchUp() {
    setBusy(true);
    try {
      const result = await runCatchUp(planpilotDb, new Date());
      setMessage({ kind: 'ok', text: t('snap.takenMany', { count: result.taken.length }) });
    } catch (e) {
      setMessage({ kind: 'error', text: t('snap.error', { error: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(false);
    }
  }

  const versions = shownWeek ? (byWeek.get(shownWeek) ?? []) : [];
  const latest = versions[versions.length - 1];
  const previous = shownWeek ? byWeek.get(addDays(shownWeek, -7))?.at(-1) : undefined;

  return (
    <section aria-labelledby={`${uid}-title`} data-testid="snapshots-view" data-loaded={snapshots !== undefined}>
      <h2 id={`${uid}-title`}>{t('snap.title')}</h2>
      <p className="pp-muted pp-small">
        {t('snap.hint', { days: plan.freezeDelayDays ?? DEFAULT_FREEZE_DELAY_DAYS })}{' '}
        {lastRun && <span data-testid="snap-last-run">{t('snap.lastRun', { date: when.format(new Date(lastRun)) })}</span>}
      </p>
      <DelaySetting plan={plan} onSaved={() => setMessage({ kind: 'ok', text: t('snap.delaySaved') })} />
      {message && <Notice text={message.text} kind={message.kind} onDismiss={() => setMessage(null)} />}
      {planPending.length > 0 && (
        <div className="pp-notice pp-row" data-testid="snap-pending">
          <span>{t('snap.pending', { count: planPending.length })}</span>
          <span className="pp-spacer" />
          <button type="button" className="pp-primary" disabled={busy} onClick={() => void catchUp()} data-testid="snap-catch-up">
            {t('snap.takePending')}
          </button>
        </div>
      )}
      {weeks.length > 0 && (
        <div className="pp-filters">
          <div className="pp-field pp-field-grow">
            <label htmlFor={`${uid}-week`}>{t('snap.week')}</label>
            <select id={`${uid}-week`} value={handWeek} onChange={(e) => setHandWeek(e.target.value)} data-testid="snap-week-select">
              {weeks.map((w) => {
                const count = byWeek.get(w.start)?.length ?? 0;
                return (
                  <option key={w.start} value={w.start}>
                    {t('snap.weekOf', { range: f.range(w.start, w.end) })}
                    {count ? ` · v${count}` : ''}
                  </option>
                );
              })}
            </select>
          </div>
          <button type="button" disabled={busy || !handWeek} onClick={() => void take(handWeek)} data-testid="snap-take">
            {byWeek.has(handWeek) ? t('snap.retake') : t('snap.take')}
          </button>
        </div>
      )}
      {frozenWeeks.length === 0 ? (
        <p className="pp-muted">{t('snap.none')}</p>
      ) : (
        <div className="pp-snap-layout">
          <nav className="pp-card pp-card-flush pp-week-list" aria-label={t('snap.list')}>
            <ul data-testid="snap-weeks">
              {frozenWeeks.map((w) => {
                const v = byWeek.get(w) ?? [];
                const last = v[v.length - 1];
                return (
                  <li key={w}>
                    <button type="button" aria-current={w === shownWeek ? 'true' : undefined} onClick={() => setSelected(w)} data-week={w}>
                      <span>{weekRange(w)}</span>
                      <span className="pp-muted pp-small">
                        v{last?.version}
                        {last?.report.totals.pacing !== undefined && ` · ${f.times(last.report.totals.pacing)}`}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </nav>
          {latest && (
            <WeekDetail
              snapshot={latest}
              versions={versions}
              previous={previous}
              plan={plan}
              actions={actions ?? []}
              busy={busy}
              when={(iso) => when.format(new Date(iso))}
              onRetake={() => void take(latest.weekStart)}
              onDownload={(s) => {
                const file = snapshotCsvFile(s, plan, locale);
                downloadText(file.name, file.text, file.type);
              }}
            />
          )}
        </div>
      )}
    </section>
  );
}

function DelaySetting({ plan, onSaved }: { plan: Plan; onSaved: () => void }) {
  const { t } = useI18n();
  const uid = useId();
  const current = plan.freezeDelayDays ?? DEFAULT_FREEZE_DELAY_DAYS;
  const [value, setValue] = useState(String(current));
  const [error, setError] = useState(false);
  useEffect(() => setValue(String(current)), [current]);
  async function apply() {
    const days = Number(value);
    if (!Number.isInteger(days) || days < 0 || days > 28) {
      setError(true);
      return;
    }
    setError(false);
    await upsertPlan(planpilotDb, { ...plan, freezeDelayDays: days });
    onSaved();
  }
  return (
    <div className="pp-filters">
      <div className={`pp-field${error ? ' pp-field-invalid' : ''}`}>
        <label htmlFor={`${uid}-delay`}>{t('snap.delay')}</label>
        <input
          id={`${uid}-delay`}
          type="number"
          min={0}
          max={28}
          step={1}
          className="pp-input-short"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={error || undefined}
          aria-describedby={error ? `${uid}-delay-error` : undefined}
        />
        {error && (
          <span className="pp-field-error" id={`${uid}-delay-error`}>
            0 – 28
          </span>
        )}
      </div>
      <button type="button" onClick={() => void apply()} disabled={value === String(current)}>
        {t('snap.delayApply')}
      </button>
    </div>
  );
}

function WeekDetail({
  snapshot,
  versions,
  previous,
  plan,
  actions,
  busy,
  when,
  onRetake,
  onDownload,
}: {
  snapshot: WeeklySnapshot;
  versions: WeeklySnapshot[];
  previous: WeeklySnapshot | undefined;
  plan: Plan;
  actions: readonly Action[];
  busy: boolean;
  when: (iso: string) => string;
  onRetake: () => void;
  onDownload: (s: WeeklySnapshot) => void;
}) {
  const { t, fmt } = useI18n();
  const f = fmt(plan.currency);
  const uid = useId();
  const report = snapshot.report;
  const comparison = useMemo(() => compareReports(report, previous?.report), [report, previous]);
  const totals = comparison.totals;
  const off = useMemo(() => offTargetItems(report, actions), [report, actions]);
  const reportUrl = browser.runtime.getURL(`/report.html?plan=${encodeURIComponent(plan.id)}&week=${snapshot.weekStart}`);
  return (
    <article
      className="pp-week-detail"
      aria-labelledby={`${uid}-title`}
      data-testid="snap-detail"
      data-week={snapshot.weekStart}
      data-version={snapshot.version}
    >
      <div className="pp-card">
        <h3 id={`${uid}-title`}>{t('snap.weekOf', { range: f.range(report.week.start, report.week.end) })}</h3>
        <p className="pp-muted pp-small" data-testid="snap-version">
          {t('snap.versionInfo', { version: snapshot.version, date: when(snapshot.takenAt) })}
          {versions.length > 1 && ` · ${t('snap.versionCount', { count: versions.length })}`}
        </p>
        <div className="pp-row">
          <button type="button" className="pp-primary" onClick={() => onDownload(snapshot)} data-testid="snap-download-csv">
            {t('snap.downloadCsv')}
          </button>
          <a className="pp-button" href={reportUrl} target="_blank" rel="noopener" data-testid="snap-print">
            {t('snap.print')}
          </a>
          <button type="button" disabled={busy} onClick={onRetake} data-testid="snap-retake">
            {t('snap.retake')}
          </button>
        </div>
      </div>
      <div className="pp-kpis pp-kpis-fit">
        <Kpi
          label={t('snap.col.spendWeek')}
          value={f.money(totals.spendWeek.current, 0)}
          change={formatChange('spendWeek', totals.spendWeek.change, f)}
        />
        <Kpi label={t('snap.col.spendToDate')} value={f.money(totals.spendToDate.current, 0)} change="" />
        <Kpi label={t('common.expectedToDate')} value={f.money(report.totals.expectedSpendToDate, 0)} change="" />
        <Kpi label={t('snap.col.pacing')} value={f.times(totals.pacing.current)} change={formatChange('pacing', totals.pacing.change, f)} />
      </div>
      <div className="pp-card">
        <h3>{t('snap.moves')}</h3>
        {!previous ? (
          <p className="pp-muted pp-small">{t('snap.noPrevious')}</p>
        ) : comparison.moves.length === 0 ? (
          <p className="pp-muted pp-small">{t('snap.noMoves')}</p>
        ) : (
          <ul className="pp-moves" data-testid="snap-moves">
            {comparison.moves.map((m) => (
              <MoveLine key={`${m.actionId}-${m.key}-${m.kind}`} move={m} currency={plan.currency} />
            ))}
          </ul>
        )}
      </div>
      <div className="pp-card">
        <h3>{t('report.offTarget')}</h3>
        {off.length === 0 ? (
          <p className="pp-muted pp-small">{t('report.allOn')}</p>
        ) : (
          <ul className="pp-moves" data-testid="snap-off">
            {off.map((o) => (
              <li key={`${o.actionId}-${o.key}`} className={o.status === 'off' ? 'pp-move-worse' : 'pp-move-watch'}>
                <span className="pp-code">{o.code}</span>
                {t('report.offLine', {
                  figure: t(figureLabelKey(o.key)),
                  actual: formatFigure(o.key, o.actual, f),
                  target: formatFigure(o.key, o.targetToDate, f),
                })}
                <StatusPill status={o.status} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="pp-card pp-card-flush pp-scroll-x">
        <table className="pp-table" data-testid="snap-table">
          <caption className="pp-visually-hidden">{t('snap.compare')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.action')}</th>
              <th scope="col" className="pp-num">
                {t('snap.col.spendWeek')}
              </th>
              <th scope="col" className="pp-num">
                {t('snap.col.spendToDate')}
              </th>
              <th scope="col" className="pp-num">
                {t('snap.col.pacing')}
              </th>
            </tr>
          </thead>
          <tbody>
            {comparison.actions.map((a, i) => {
              const row = report.actions[i];
              return (
                <tr key={a.actionId} data-action-id={a.actionId}>
                  <th scope="row">
                    <span className="pp-code">{a.code}</span> {a.name}
                    {a.isNew && previous && <span className="pp-tag">{t('snap.new')}</span>}
                  </th>
                  <td className="pp-num" data-field="spendWeek">
                    {f.money(a.spendWeek.current, 0)}
                    <Change d={a.spendWeek} k="spendWeek" currency={plan.currency} />
                  </td>
                  <td className="pp-num" data-field="spendToDate">
                    {f.money(a.spendToDate.current, 0)}
                  </td>
                  <td className="pp-num" data-field="pacing">
                    {f.times(a.pacing.current)}
                    <StatusPill status={(row?.status.pacing ?? 'none') as FigureStatus} />
                    <Change d={a.pacing} k="pacing" currency={plan.currency} />
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('snap.planTotal')}</th>
              <td className="pp-num">{f.money(totals.spendWeek.current, 0)}</td>
              <td className="pp-num">{f.money(totals.spendToDate.current, 0)}</td>
              <td className="pp-num">{f.times(totals.pacing.current)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {versions.length > 1 && (
        <div className="pp-card">
          <h3>{t('snap.earlier')}</h3>
          <ul className="pp-versions" data-testid="snap-versions">
            {[...versions].reverse().map((v) => (
              <li key={v.id} data-version={v.version}>
                <span>{t('snap.versionInfo', { version: v.version, date: when(v.takenAt) })}</span>
                <span className="pp-muted pp-small"> · {f.money(v.report.totals.spendToDate, 0)}</span>
                <span className="pp-spacer" />
                <button type="button" className="pp-small-button" onClick={() => onDownload(v)}>
                  {t('snap.downloadVersionCsv', { version: v.version })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}

function Kpi({ label, value, change }: { label: string; value: string; change: string }) {
  return (
    <div className="pp-kpi">
      <div className="pp-kpi-label">{label}</div>
      <div className="pp-kpi-value">{value}</div>
      {change && <div className="pp-muted pp-small">{change}</div>}
    </div>
  );
}

function Change({ d, k, currency }: { d: Delta; k: string; currency: string }) {
  const { t, fmt } = useI18n();
  if (d.change === null || Math.abs(d.change) < 1e-9) return null;
  const text = formatChange(k, d.change, fmt(currency));
  return (
    <span className="pp-change" title={t('snap.vsPrevious', { change: text })}>
      {text}
    </span>
  );
}

function MoveLine({ move, currency }: { move: Move; currency: string }) {
  const { t, fmt } = useI18n();
  const f = fmt(currency);
  const figure = t(figureLabelKey(move.key));
  const status = (s: FigureStatus | null) => (s ? t(`status.${s}`) : '—');
  const cls = move.direction === 'worse' ? 'pp-move-worse' : move.direction === 'better' ? 'pp-move-better' : '';
  return (
    <li className={cls} data-key={move.key}>
      <span className="pp-code">{move.code}</span>
      <strong>{figure}</strong>{' '}
      {move.kind === 'status' ? (
        <>
          {status(move.from)} → {status(move.to)}
          {move.delta.current !== null && (
            <span className="pp-muted">
              {' '}
              ({formatFigure(move.key, move.delta.current, f)}
              {move.delta.change !== null && `, ${formatChange(move.key, move.delta.change, f)}`})
            </span>
          )}
        </>
      ) : (
        <>
          {formatFigure(move.key, move.delta.previous, f)} → {formatFigure(move.key, move.delta.current, f)}{' '}
          <span className="pp-muted">({formatChange(move.key, move.delta.change, f)})</span>
        </>
      )}
      {move.direction !== 'neutral' && (
        <span className="pp-move-word"> · {t(move.direction === 'worse' ? 'snap.worse' : 'snap.better')}</span>
      )}
    </li>
  );
}
