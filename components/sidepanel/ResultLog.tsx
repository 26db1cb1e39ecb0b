import { useId, useMemo, useState } from 'react';
import { today } from '@/lib/clock';
import { addResultEntry, deleteResultEntry, planpilotDb, updateResultEntry } from '@/lib/db';
import type { PlanData, ResultEntry, VolumeKey } from '@/lib/domain';
import { emptyResultForm, filterResults, outsideAction, RESULT_METRICS, resultFormOf, resultTotals } from '@/lib/ledger';
import { useI18n } from '../common/i18n';
import { actionLabel, Notice } from '../ledger/fields';
import { ALL_TIME, type PeriodChoice, PeriodFilter } from '../ledger/PeriodFilter';
import { ResultForm } from '../ledger/ResultForm';

type Message = { text: string; kind: 'ok' | 'error'; undo?: () => Promise<void> };

/** Results no console shows, logged by hand: filters (action, period, metric), totals, add, edit, delete with undo. */
export function ResultLog({ data }: { data: PlanData }) {
  const { t, fmt, lang } = useI18n();
  const f = fmt(data.plan.currency);
  const uid = useId();
  const asOf = today();
  const [actionId, setActionId] = useState<string | null>(null);
  const [metric, setMetric] = useState<VolumeKey | null>(null);
  const [period, setPeriod] = useState<PeriodChoice>(ALL_TIME);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const actionsById = useMemo(() => new Map(data.actions.map((a) => [a.id, a])), [data.actions]);
  const shown = useMemo(
    () =>
      filterResults(data.resultEntries, { actionId, metric, from: period.from, to: period.to }).sort(
        (a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) || (a.id < b.id ? -1 : 1),
      ),
    [data.resultEntries, actionId, metric, period],
  );
  const totals = resultTotals(shown.filter((e) => !outsideAction(e, actionsById.get(e.actionId))));
  const value = (e: Pick<ResultEntry, 'metric' | 'value'>) => (e.metric === 'conversionValue' ? f.money(e.value) : f.number(e.value, 2));

  async function remove(entry: ResultEntry) {
    try {
      const removed = await deleteResultEntry(planpilotDb, entry.id);
      if (!removed) return;
      setMessage({
        kind: 'ok',
        text: t('ledger.deleted.result', { date: f.day(removed.date), value: value(removed), metric: t(`metric.${removed.metric}`) }),
        undo: async () => {
          await addResultEntry(planpilotDb, removed);
          setMessage({ kind: 'ok', text: t('ledger.restored') });
        },
      });
    } catch (e) {
      setMessage({ kind: 'error', text: t('ledger.err.store', { error: String(e) }) });
    }
  }

  return (
    <section aria-labelledby={`${uid}-title`} data-testid="result-log">
      <div className="pp-row">
        <h2 id={`${uid}-title`}>{t('results.title')}</h2>
        <span className="pp-spacer" />
        <button
          type="button"
          className="pp-primary"
          aria-expanded={adding}
          onClick={() => setAdding((v) => !v)}
          data-testid="result-add-open"
        >
          {t('results.add')}
        </button>
      </div>
      <p className="pp-muted pp-small">{t('results.hint')}</p>
      {message && (
        <Notice
          text={message.text}
          kind={message.kind}
          onUndo={
            message.undo ? () => void message.undo?.().catch((e: unknown) => setMessage({ kind: 'error', text: String(e) })) : undefined
          }
          onDismiss={() => setMessage(null)}
        />
      )}
      {adding && (
        <div className="pp-card">
          <h3>{t('results.add')}</h3>
          <ResultForm
            actions={data.actions}
            initial={emptyResultForm(actionId ?? data.actions[0]?.id ?? '', asOf)}
            testId="result-add-form"
            onSave={async (entry) => {
              await addResultEntry(planpilotDb, entry);
              const action = actionsById.get(entry.actionId);
              setMessage({
                kind: 'ok',
                text: t('ledger.saved.result', {
                  value: value(entry),
                  metric: t(`metric.${entry.metric}`),
                  action: action ? actionLabel(action) : '',
                }),
              });
            }}
            onCancel={() => setAdding(false)}
          />
        </div>
      )}
      <fieldset className="pp-filters">
        <legend className="pp-visually-hidden">{t('filter.title')}</legend>
        <div className="pp-field">
          <label htmlFor={`${uid}-action`}>{t('filter.action')}</label>
          <select id={`${uid}-action`} value={actionId ?? ''} onChange={(e) => setActionId(e.target.value || null)}>
            <option value="">{t('filter.allActions')}</option>
            {data.actions.map((a) => (
              <option key={a.id} value={a.id}>
                {actionLabel(a)}
              </option>
            ))}
          </select>
        </div>
        <PeriodFilter value={period} onChange={setPeriod} today={asOf} weekStartsOn={data.plan.weekStartsOn} />
        <div className="pp-field">
          <label htmlFor={`${uid}-metric`}>{t('filter.metric')}</label>
          <select id={`${uid}-metric`} value={metric ?? ''} onChange={(e) => setMetric((e.target.value || null) as VolumeKey | null)}>
            <option value="">{t('filter.allMetrics')}</option>
            {RESULT_METRICS.map((m) => (
              <option key={m} value={m}>
                {t(`metric.${m}`)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      {Object.keys(totals).length > 0 && (
        <div className="pp-kpis" data-testid="result-totals">
          {RESULT_METRICS.filter((m) => totals[m] !== undefined).map((m) => (
            <div className="pp-kpi" key={m}>
              <div className="pp-kpi-label">{t(`metric.${m}`)}</div>
              <div className="pp-kpi-value">{value({ metric: m, value: totals[m] ?? 0 })}</div>
            </div>
          ))}
        </div>
      )}
      {shown.length === 0 ? (
        <p className="pp-muted">{t('results.empty')}</p>
      ) : (
        <div className="pp-card pp-card-flush">
          <table className="pp-table pp-ledger-table" data-testid="result-table">
            <caption className="pp-visually-hidden">{t('results.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ledger.field.date')}</th>
                <th scope="col">
                  {t('ledger.field.action')} · {t('ledger.field.metric')}
                </th>
                <th scope="col" className="pp-num">
                  {t('ledger.field.value')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((entry) => {
                const action = actionsById.get(entry.actionId);
                if (editing === entry.id) {
                  return (
                    <tr key={entry.id}>
                      <td colSpan={3}>
                        <ResultForm
                          actions={data.actions}
                          initial={resultFormOf(entry, lang)}
                          entryId={entry.id}
                          testId="result-edit-form"
                          onSave={async (updated) => {
                            await updateResultEntry(planpilotDb, updated);
                            setEditing(null);
                            setMessage({ kind: 'ok', text: t('ledger.updated') });
                          }}
                          onCancel={() => setEditing(null)}
                        />
                      </td>
                    </tr>
                  );
                }
                const outside = outsideAction(entry, action);
                const what = `${f.day(entry.date)}, ${action?.code ?? ''}, ${value(entry)} ${t(`metric.${entry.metric}`)}`;
                return (
                  <tr key={entry.id} data-entry-id={entry.id} className={outside ? 'pp-not-counted' : undefined}>
                    <td className="pp-nowrap">{f.day(entry.date)}</td>
                    <td className="pp-entry">
                      <span className="pp-code" title={action?.name}>
                        {action?.code ?? '?'}
                      </span>
                      <span className="pp-entry-kind">{t(`metric.${entry.metric}`)}</span>
                      {outside && <span className="pp-tag pp-tag-warn">{t('ledger.outsideAction')}</span>}
                      {entry.note && <div className="pp-muted pp-small">{entry.note}</div>}
                      <div className="pp-row-actions">
                        <button
                          type="button"
                          className="pp-small-button"
                          onClick={() => setEditing(entry.id)}
                          aria-label={t('ledger.editEntry', { what })}
                        >
                          {t('ledger.edit')}
                        </button>
                        <button
                          type="button"
                          className="pp-small-button"
                          onClick={() => void remove(entry)}
                          aria-label={t('ledger.deleteEntry', { what })}
                        >
                          {t('ledger.delete')}
                        </button>
                      </div>
                    </td>
                    <td className="pp-num">
                      <span data-field="amount">{value(entry)}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
