import { type ReactNode, useId, useMemo, useState } from 'react';
import { today } from '@/lib/clock';
import { planpilotDb } from '@/lib/db';
import type { Action, PlanData } from '@/lib/domain';
import { type EntryFilter, outsideAction } from '@/lib/ledger';
import { useI18n } from '../common/i18n';
import { actionLabel, type LedgerMessage, MessageNotice } from '../ledger/fields';
import { ALL_TIME, type PeriodChoice, PeriodFilter } from '../ledger/PeriodFilter';

/** What every ledger entry has, spend or result. */
type LedgerEntry = { id: string; actionId: string; date: string; note: string };

type Db = typeof planpilotDb;

/** The props a log hands to the form it shows, for adding or for editing an entry. */
export type LedgerFormProps<E> = { onSave: (entry: E) => Promise<void>; onCancel: () => void };

/**
 * A list of hand-logged entries (spend, results): filters (action, period and the log's own), totals, add,
 * edit, delete with undo. SpendLog and ResultLog say what differs: columns, words, forms and store calls.
 */
export function LedgerLog<E extends LedgerEntry>({
  data,
  entries,
  filter,
  store,
  labels,
  testIds,
  ownFilter,
  totals,
  addForm,
  editForm,
  kind,
  tags,
  amount,
  spokenAmount = amount,
  counts = () => true,
  savedText,
  deletedText,
}: {
  data: PlanData;
  entries: readonly E[];
  /** The entries the filters keep; the log's own filter is applied by the caller (keep it stable: useCallback). */
  filter: (entries: readonly E[], f: EntryFilter) => E[];
  store: {
    add: (db: Db, entry: E) => Promise<unknown>;
    update: (db: Db, entry: E) => Promise<unknown>;
    remove: (db: Db, id: string) => Promise<E | undefined>;
  };
  labels: { title: string; add: string; hint: string; empty: string; kindColumn: string; amountColumn: string };
  /** Browser tests find the log by these. */
  testIds: { log: string; addOpen: string; table: string; actionFilter?: string; delete?: string };
  /** The log's own filter field, after the period. */
  ownFilter: ReactNode;
  totals: (shown: readonly E[], actionsById: ReadonlyMap<string, Action>) => ReactNode;
  addForm: (form: LedgerFormProps<E> & { actionId: string; asOf: string }) => ReactNode;
  editForm: (entry: E, form: LedgerFormProps<E>) => ReactNode;
  /** The entry's category or metric, under its action code. */
  kind: (entry: E) => string;
  /** Tags shown before the "outside the action" one. */
  tags?: (entry: E) => ReactNode;
  amount: (entry: E) => string;
  /** The amount as read in the edit and delete buttons' labels. */
  spokenAmount?: (entry: E) => string;
  /** Whether the entry counts in totals when inside its action's dates. */
  counts?: (entry: E) => boolean;
  savedText: (entry: E, action: string) => string;
  deletedText: (removed: E) => string;
}) {
  const { t, fmt } = useI18n();
  const f = fmt(data.plan.currency);
  const uid = useId();
  const asOf = today();
  const [actionId, setActionId] = useState<string | null>(null);
  const [period, setPeriod] = useState<PeriodChoice>(ALL_TIME);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<LedgerMessage | null>(null);
  const actionsById = useMemo(() => new Map(data.actions.map((a) => [a.id, a])), [data.actions]);
  const shown = useMemo(
    () =>
      filter(entries, { actionId, from: period.from, to: period.to }).sort(
        (a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) || (a.id < b.id ? -1 : 1),
      ),
    [entries, filter, actionId, period],
  );

  async function remove(entry: E) {
    try {
      const removed = await store.remove(planpilotDb, entry.id);
      if (!removed) return;
      setMessage({
        kind: 'ok',
        text: deletedText(removed),
        undo: async () => {
          await store.add(planpilotDb, removed);
          setMessage({ kind: 'ok', text: t('ledger.restored') });
        },
      });
    } catch (e) {
      setMessage({ kind: 'error', text: t('ledger.err.store', { error: String(e) }) });
    }
  }

  return (
    <section aria-labelledby={`${uid}-title`} data-testid={testIds.log}>
      <div className="pp-row">
        <h2 id={`${uid}-title`}>{labels.title}</h2>
        <span className="pp-spacer" />
        <button
          type="button"
          className="pp-primary"
          aria-expanded={adding}
          onClick={() => setAdding((v) => !v)}
          data-testid={testIds.addOpen}
        >
          {labels.add}
        </button>
      </div>
      <p className="pp-muted pp-small">{labels.hint}</p>
      {message && <MessageNotice message={message} setMessage={setMessage} />}
      {adding && (
        <div className="pp-card">
          <h3>{labels.add}</h3>
          {addForm({
            actionId: actionId ?? data.actions[0]?.id ?? '',
            asOf,
            onSave: async (entry) => {
              await store.add(planpilotDb, entry);
              const action = actionsById.get(entry.actionId);
              setMessage({ kind: 'ok', text: savedText(entry, action ? actionLabel(action) : '') });
            },
            onCancel: () => setAdding(false),
          })}
        </div>
      )}
      <fieldset className="pp-filters">
        <legend className="pp-visually-hidden">{t('filter.title')}</legend>
        <div className="pp-field">
          <label htmlFor={`${uid}-action`}>{t('filter.action')}</label>
          <select
            id={`${uid}-action`}
            value={actionId ?? ''}
            onChange={(e) => setActionId(e.target.value || null)}
            data-testid={testIds.actionFilter}
          >
            <option value="">{t('filter.allActions')}</option>
            {data.actions.map((a) => (
              <option key={a.id} value={a.id}>
                {actionLabel(a)}
              </option>
            ))}
          </select>
        </div>
        <PeriodFilter value={period} onChange={setPeriod} today={asOf} weekStartsOn={data.plan.weekStartsOn} />
        {ownFilter}
      </fieldset>
      {totals(shown, actionsById)}
      {shown.length === 0 ? (
        <p className="pp-muted">{labels.empty}</p>
      ) : (
        <div className="pp-card pp-card-flush">
          <table className="pp-table pp-ledger-table" data-testid={testIds.table}>
            <caption className="pp-visually-hidden">{labels.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ledger.field.date')}</th>
                <th scope="col">
                  {t('ledger.field.action')} · {labels.kindColumn}
                </th>
                <th scope="col" className="pp-num">
                  {labels.amountColumn}
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
                        {editForm(entry, {
                          onSave: async (updated) => {
                            await store.update(planpilotDb, updated);
                            setEditing(null);
                            setMessage({ kind: 'ok', text: t('ledger.updated') });
                          },
                          onCancel: () => setEditing(null),
                        })}
                      </td>
                    </tr>
                  );
                }
                const outside = outsideAction(entry, action);
                const what = `${f.day(entry.date)}, ${action?.code ?? ''}, ${spokenAmount(entry)}`;
                return (
                  <tr key={entry.id} data-entry-id={entry.id} className={counts(entry) && !outside ? undefined : 'pp-not-counted'}>
                    <td className="pp-nowrap">{f.day(entry.date)}</td>
                    <td className="pp-entry">
                      <span className="pp-code" title={action?.name}>
                        {action?.code ?? '?'}
                      </span>
                      <span className="pp-entry-kind">{kind(entry)}</span>
                      {tags?.(entry)}
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
                          data-testid={testIds.delete}
                        >
                          {t('ledger.delete')}
                        </button>
                      </div>
                    </td>
                    <td className="pp-num">
                      <span data-field="amount">{amount(entry)}</span>
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
