import { useId, useMemo, useState } from 'react';
import { today } from '@/lib/clock';
import { planpilotDb, upsertAction } from '@/lib/db';
import type { Action, PlanData } from '@/lib/domain';
import {
  type PlannedVsActual,
  parseScheduleLines,
  plannedVsActual,
  type ScheduleLineErrors,
  type ScheduleLineValues,
  typedNumber,
} from '@/lib/ledger';
import { useI18n } from '../common/i18n';
import { CumulativeChart } from '../ledger/CumulativeChart';
import { actionLabel, invalidProps, Notice } from '../ledger/fields';

const linesOf = (action: Action | undefined, lang: 'fr' | 'en'): ScheduleLineValues[] =>
  (action?.schedule ?? []).map((i) => ({ date: i.date, amount: typedNumber(i.amount, lang), note: i.note }));

/** Per action: the dated amounts planned (échéancier), edited here, and planned against actual by date. */
export function ScheduleView({ data }: { data: PlanData }) {
  const { t, fmt } = useI18n();
  const f = fmt(data.plan.currency);
  const uid = useId();
  const asOf = today();
  const [message, setMessage] = useState<{ text: string; kind: 'ok' | 'error' } | null>(null);
  const [actionId, setActionId] = useState<string>(() => (data.actions.find((a) => a.schedule?.length) ?? data.actions[0])?.id ?? '');
  const action = data.actions.find((a) => a.id === actionId) ?? data.actions[0];
  const pva = useMemo(() => (action ? plannedVsActual(data, action.id, asOf) : undefined), [data, action, asOf]);
  if (!action || !pva) return null;

  const hasSchedule = (action.schedule?.length ?? 0) > 0;
  const chartTo = action.end;
  const rowsToDate = pva.rows.filter((r) => r.actualToDate !== null);
  // Whole euros unless the amount has cents (a schedule line of 150,50 € shows as such).
  const money = (v: number) => f.money(v, Math.abs(v - Math.round(v)) < 0.005 ? 0 : 2);
  return (
    <section aria-labelledby={`${uid}-title`} data-testid="schedule-view">
      <h2 id={`${uid}-title`}>{t('schedule.title')}</h2>
      <p className="pp-muted pp-small">{t('schedule.hint')}</p>
      <div className="pp-filters">
        <div className="pp-field pp-field-grow">
          <label htmlFor={`${uid}-action`}>{t('schedule.action')}</label>
          <select id={`${uid}-action`} value={action.id} onChange={(e) => setActionId(e.target.value)} data-testid="schedule-action">
            {data.actions.map((a) => (
              <option key={a.id} value={a.id}>
                {actionLabel(a)}
                {a.schedule?.length ? ` (${a.schedule.length})` : ''}
              </option>
            ))}
          </select>
        </div>
      </div>
      {message && <Notice text={message.text} kind={message.kind} onDismiss={() => setMessage(null)} />}
      <ScheduleEditor
        key={`${action.id}:${JSON.stringify(action.schedule ?? [])}`}
        action={action}
        currency={data.plan.currency}
        pva={pva}
        onMessage={setMessage}
      />
      <div className="pp-card">
        <h3>{t('schedule.compare')}</h3>
        <p className="pp-small" data-testid="schedule-summary">
          {t('schedule.summary', { date: f.day(asOf), actual: f.money(pva.actualToDate, 0), planned: f.money(pva.plannedToDate, 0) })}
        </p>
        <CumulativeChart
          label={t('schedule.compare')}
          from={action.start}
          to={chartTo}
          money={(v) => f.money(v, 0)}
          day={f.day}
          series={[
            {
              label: t('schedule.col.plannedToDate'),
              color: '#8a94a6',
              dashed: true,
              step: hasSchedule,
              points: [
                { date: action.start, value: 0 },
                ...pva.rows.filter((r) => !r.outside).map((r) => ({ date: r.date, value: r.plannedToDate })),
                { date: action.end, value: hasSchedule ? pva.scheduledTotal - pva.outsideTotal : action.budget },
              ],
            },
            {
              label: t('schedule.col.actualToDate'),
              color: '#2f5bd3',
              // Without campaigns, spend is only entries: paid on a day, so a step.
              step: !data.campaignLinks.some((l) => l.actionId === action.id),
              points: [
                { date: action.start, value: 0 },
                ...rowsToDate.filter((r) => !r.outside).map((r) => ({ date: r.date, value: r.actualToDate ?? 0 })),
              ],
            },
          ]}
        />
        <div className="pp-scroll-x">
          <table className="pp-table pp-compare-table" data-testid="schedule-compare">
            <caption className="pp-visually-hidden">{t('schedule.compare')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('schedule.col.date')}</th>
                <th scope="col" className="pp-num">
                  {t('schedule.col.plannedToDate')}
                </th>
                <th scope="col" className="pp-num">
                  {t('schedule.col.actualToDate')}
                </th>
                <th scope="col" className="pp-num">
                  {t('schedule.col.gap')}
                </th>
              </tr>
            </thead>
            <tbody>
              {pva.rows.map((r) => {
                const gapToDate = r.actualToDate === null ? null : r.actualToDate - r.plannedToDate;
                return (
                  <tr key={r.date} className={r.date === asOf ? 'pp-row-today' : undefined}>
                    <th scope="row" className="pp-nowrap">
                      {f.day(r.date)}
                      {r.date === asOf && <span className="pp-tag">{t('schedule.today')}</span>}
                      {r.outside && <span className="pp-tag pp-tag-warn">{t('schedule.outsideTag')}</span>}
                      {(r.planned !== 0 || r.entries !== 0 || r.notes.length > 0) && (
                        <div className="pp-muted pp-small pp-wrap">
                          {[
                            r.planned !== 0 ? `${t('schedule.col.planned')} ${money(r.planned)}` : '',
                            r.entries !== 0 ? `${t('schedule.col.paid')} ${money(r.entries)}` : '',
                            ...r.notes,
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </div>
                      )}
                    </th>
                    <td className="pp-num">{money(r.plannedToDate)}</td>
                    <td className="pp-num">{r.actualToDate === null ? '' : money(r.actualToDate)}</td>
                    <td className={`pp-num ${gapToDate !== null && gapToDate > 0.5 ? 'pp-over' : ''}`}>
                      {gapToDate === null ? '' : `${gapToDate > 0 ? '+' : gapToDate < 0 ? '−' : ''}${money(Math.abs(gapToDate))}`}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

/** The schedule's lines as typed; reset (by its key) when another action is chosen or the stored schedule changes. */
function ScheduleEditor({
  action,
  currency,
  pva,
  onMessage,
}: {
  action: Action;
  currency: string;
  pva: PlannedVsActual;
  onMessage: (m: { text: string; kind: 'ok' | 'error' }) => void;
}) {
  const { t, fmt, lang } = useI18n();
  const f = fmt(currency);
  const uid = useId();
  const [lines, setLines] = useState<ScheduleLineValues[]>(() => linesOf(action, lang));
  const [errors, setErrors] = useState<ScheduleLineErrors[]>([]);
  const setMessage = onMessage;
  async function save() {
    if (!action) return;
    const parsed = parseScheduleLines(lines, lang);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setMessage({ kind: 'error', text: t('ledger.err.summary') });
      return;
    }
    const { schedule: _old, ...rest } = action;
    try {
      await upsertAction(planpilotDb, parsed.value.length ? { ...rest, schedule: parsed.value } : rest);
      setErrors([]);
      setMessage({ kind: 'ok', text: t('schedule.saved') });
    } catch (e) {
      setMessage({ kind: 'error', text: t('ledger.err.store', { error: e instanceof Error ? e.message : String(e) }) });
    }
  }

  const setLine = (i: number, patch: Partial<ScheduleLineValues>) => {
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
    setErrors((es) => es.map((e, j) => (j === i ? {} : e)));
  };
  const gap = pva.scheduledTotal - action.budget;
  const hasSchedule = (action.schedule?.length ?? 0) > 0;
  return (
    <div className="pp-card">
      <h3>{t('schedule.lines', { action: action.code || action.name })}</h3>
      {lines.length === 0 && <p className="pp-muted pp-small">{t('schedule.none')}</p>}
      {lines.length > 0 && (
        <ol className="pp-lines" data-testid="schedule-lines" aria-label={t('schedule.lines', { action: action.code || action.name })}>
          {lines.map((line, i) => {
            const e = errors[i] ?? {};
            const n = i + 1;
            const rowId = `${uid}-l${i}`;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id of their own; their place is their identity while editing
              <li key={i} aria-label={t('schedule.line', { n })}>
                <div className="pp-field pp-line-date">
                  <label htmlFor={`${rowId}-date`}>{t('schedule.col.date')}</label>
                  <input
                    id={`${rowId}-date`}
                    type="date"
                    value={line.date}
                    onChange={(ev) => setLine(i, { date: ev.target.value })}
                    {...invalidProps(`${rowId}-date`, e.date)}
                  />
                  {e.date && (
                    <span className="pp-field-error" id={`${rowId}-date-error`}>
                      {t(e.date)}
                    </span>
                  )}
                </div>
                <div className="pp-field pp-line-amount">
                  <label htmlFor={`${rowId}-amount`}>{t('ledger.field.amount')}</label>
                  <input
                    id={`${rowId}-amount`}
                    inputMode="decimal"
                    value={line.amount}
                    onChange={(ev) => setLine(i, { amount: ev.target.value })}
                    {...invalidProps(`${rowId}-amount`, e.amount)}
                  />
                  {e.amount && (
                    <span className="pp-field-error" id={`${rowId}-amount-error`}>
                      {t(e.amount)}
                    </span>
                  )}
                </div>
                <div className="pp-field pp-line-note">
                  <label htmlFor={`${rowId}-note`}>{t('ledger.field.note')}</label>
                  <input
                    id={`${rowId}-note`}
                    value={line.note}
                    onChange={(ev) => setLine(i, { note: ev.target.value })}
                    {...invalidProps(`${rowId}-note`, e.note)}
                  />
                  {e.note && (
                    <span className="pp-field-error" id={`${rowId}-note-error`}>
                      {t(e.note)}
                    </span>
                  )}
                </div>
                <button
                  type="button"
                  className="pp-icon-button pp-line-remove"
                  aria-label={t('schedule.removeLine', { n })}
                  onClick={() => {
                    setLines((ls) => ls.filter((_, j) => j !== i));
                    setErrors((es) => es.filter((_, j) => j !== i));
                  }}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <div className="pp-row" style={{ marginTop: 8 }}>
        <button type="button" onClick={() => setLines((ls) => [...ls, { date: '', amount: '', note: '' }])} data-testid="schedule-add-line">
          {t('schedule.addLine')}
        </button>
        <button type="button" className="pp-primary" onClick={() => void save()} data-testid="schedule-save">
          {t('schedule.save')}
        </button>
      </div>
      {hasSchedule && (
        <p className="pp-small" style={{ marginTop: 8 }} data-testid="schedule-total">
          {t('schedule.total', { total: f.money(pva.scheduledTotal), budget: f.money(action.budget) })}{' '}
          {Math.abs(gap) >= 0.005 && <span className="pp-warn-text">{t('schedule.mismatch', { gap: f.money(gap) })}</span>}
        </p>
      )}
      {pva.outsideTotal > 0 && (
        <p className="pp-small pp-warn-text">
          {t('schedule.outside', { amount: f.money(pva.outsideTotal), range: f.range(action.start, action.end) })}
        </p>
      )}
    </div>
  );
}
