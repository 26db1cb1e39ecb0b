import { useCallback, useId, useState } from 'react';
import { addResultEntry, deleteResultEntry, updateResultEntry } from '@/lib/db';
import type { PlanData, ResultEntry, VolumeKey } from '@/lib/domain';
import { type EntryFilter, emptyResultForm, filterResults, outsideAction, RESULT_METRICS, resultFormOf, resultTotals } from '@/lib/ledger';
import { useI18n } from '../common/i18n';
import { ResultForm } from '../ledger/ResultForm';
import { LedgerLog } from './LedgerLog';

/** Results no console shows, logged by hand: filters (action, period, metric), totals, add, edit, delete with undo. */
export function ResultLog({ data }: { data: PlanData }) {
  const { t, fmt, lang } = useI18n();
  const f = fmt(data.plan.currency);
  const uid = useId();
  const [metric, setMetric] = useState<VolumeKey | null>(null);
  const filter = useCallback(
    (entries: readonly ResultEntry[], range: EntryFilter) => filterResults(entries, { ...range, metric }),
    [metric],
  );
  const value = (e: Pick<ResultEntry, 'metric' | 'value'>) => (e.metric === 'conversionValue' ? f.money(e.value) : f.number(e.value, 2));

  return (
    <LedgerLog
      data={data}
      entries={data.resultEntries}
      filter={filter}
      store={{ add: addResultEntry, update: updateResultEntry, remove: deleteResultEntry }}
      labels={{
        title: t('results.title'),
        add: t('results.add'),
        hint: t('results.hint'),
        empty: t('results.empty'),
        kindColumn: t('ledger.field.metric'),
        amountColumn: t('ledger.field.value'),
      }}
      testIds={{ log: 'result-log', addOpen: 'result-add-open', table: 'result-table' }}
      ownFilter={
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
      }
      totals={(shown, actionsById) => {
        const totals = resultTotals(shown.filter((e) => !outsideAction(e, actionsById.get(e.actionId))));
        return (
          Object.keys(totals).length > 0 && (
            <div className="pp-kpis" data-testid="result-totals">
              {RESULT_METRICS.filter((m) => totals[m] !== undefined).map((m) => (
                <div className="pp-kpi" key={m}>
                  <div className="pp-kpi-label">{t(`metric.${m}`)}</div>
                  <div className="pp-kpi-value">{value({ metric: m, value: totals[m] ?? 0 })}</div>
                </div>
              ))}
            </div>
          )
        );
      }}
      addForm={({ actionId, asOf, ...form }) => (
        <ResultForm actions={data.actions} initial={emptyResultForm(actionId, asOf)} testId="result-add-form" {...form} />
      )}
      editForm={(entry, form) => (
        <ResultForm actions={data.actions} initial={resultFormOf(entry, lang)} entryId={entry.id} testId="result-edit-form" {...form} />
      )}
      kind={(entry) => t(`metric.${entry.metric}`)}
      amount={value}
      spokenAmount={(entry) => `${value(entry)} ${t(`metric.${entry.metric}`)}`}
      savedText={(entry, action) => t('ledger.saved.result', { value: value(entry), metric: t(`metric.${entry.metric}`), action })}
      deletedText={(removed) =>
        t('ledger.deleted.result', { date: f.day(removed.date), value: value(removed), metric: t(`metric.${removed.metric}`) })
      }
    />
  );
}
