import { useId, useMemo, useState } from 'react';
import { today } from '@/lib/clock';
import { addSpendEntry, deleteSpendEntry, planpilotDb, updateSpendEntry } from '@/lib/db';
import { type PlanData, SPEND_CATEGORIES, type SpendEntry } from '@/lib/domain';
import { countsAsSpend, emptySpendForm, filterSpend, outsideAction, type SpendCategory, spendFormOf, spendTotals } from '@/lib/ledger';
import { useI18n } from '../common/i18n';
import { actionLabel, Notice } from '../ledger/fields';
import { ALL_TIME, type PeriodChoice, PeriodFilter } from '../ledger/PeriodFilter';
import { SpendForm } from '../ledger/SpendForm';

type Message = { text: string; kind: 'ok' | 'error'; undo?: () => Promise<void> };

/** Every spend entry of the plan: filters (action, period, category), totals, add, edit, delete with undo. */
export function SpendLog({ data }: { data: PlanData }) {
  const { t, fmt, lang } = useI18n();
  const f = fmt(data.plan.currency);
  const uid = useId();
  const asOf = today();
  const [actionId, setActionId] = useState<string | null>(null);
  const [category, setCategory] = useState<SpendCategory | null>(null);
  const [period, setPeriod] = useState<PeriodChoice>(ALL_TIME);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const actionsById = useMemo(() => new Map(data.actions.map((a) => [a.id, a])), [data.actions]);

  const shown = useMemo(
    () =>
      filterSpend(data.spendEntries, { actionId, category, from: period.from, to: period.to }).sort(
        (a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) || (a.id < b.id ? -1 : 1),
      ),
    [data.spendEntries, actionId, category, period],
  );
  const totals = spendTotals(shown, actionsById);

  async function remove(entry: SpendEntry) {
    try {
      const removed = await deleteSpendEntry(planpilotDb, entry.id);
      if (!removed) return;
      setMessage({
        kind: 'ok',
        text: t('ledger.deleted.spend', { amount: f.money(removed.amount), date: f.day(removed.date) }),
        undo: async () => {
          await addSpendEntry(planpilotDb, removed);
          setMessage({ kind: 'ok', text: t('ledger.restored') });
        },
      });
    } catch (e) {
      setMessage({ kind: 'error', text: t('ledger.err.store', { error: String(e) }) });
    }
  }

  const firstAction = actionId ?? data.actions[0]?.id ?? '';
  return (
    <section aria-labelledby={`${uid}-title`} data-testid="spend-log">
      <div className="pp-row">
        <h2 id={`${uid}-title`}>{t('spend.title')}</h2>
        <span className="pp-spacer" />
        <button
          type="button"
          className="pp-primary"
          aria-expanded={adding}
          onClick={() => setAdding((v) => !v)}
          data-testid="spend-add-open"
        >
          {t('spend.add')}
        </button>
      </div>
      <p className="pp-muted pp-small">{t('spend.hint')}</p>
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
          <h3>{t('spend.add')}</h3>
          <SpendForm
            actions={data.actions}
            currency={data.plan.currency}
            initial={emptySpendForm(firstAction, asOf, lang)}
            testId="spend-add-form"
            onSave={async (entry) => {
              await addSpendEntry(planpilotDb, entry);
              const action = actionsById.get(entry.actionId);
              setMessage({
                kind: 'ok',
                text: t('ledger.saved.spend', { amount: f.money(entry.amount), action: action ? actionLabel(action) : '' }),
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
          <select
            id={`${uid}-action`}
            value={actionId ?? ''}
            onChange={(e) => setActionId(e.target.value || null)}
            data-testid="spend-filter-action"
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
        <div className="pp-field">
          <label htmlFor={`${uid}-category`}>{t('filter.category')}</label>
          <select
            id={`${uid}-category`}
            value={category ?? ''}
            onChange={(e) => setCategory((e.target.value || null) as SpendCategory | null)}
            data-testid="spend-filter-category"
          >
            <option value="">{t('filter.allCategories')}</option>
            {SPEND_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <div className="pp-kpis" data-testid="spend-totals">
        <div className="pp-kpi">
          <div className="pp-kpi-label">{t('spend.total')}</div>
          <div className="pp-kpi-value" data-testid="spend-total">
            {f.money(totals.counted)}
          </div>
          <div className="pp-muted pp-small">
            {t('spend.count', { count: shown.filter((e) => countsAsSpend(e) && !outsideAction(e, actionsById.get(e.actionId))).length })}
          </div>
        </div>
        {SPEND_CATEGORIES.filter((c) => totals.byCategory[c] !== undefined).map((c) => (
          <div className="pp-kpi" key={c}>
            <div className="pp-kpi-label">{t(`category.${c}`)}</div>
            <div className="pp-kpi-value pp-kpi-value-small">{f.money(totals.byCategory[c], 0)}</div>
          </div>
        ))}
      </div>
      {totals.copies !== 0 && <p className="pp-muted pp-small">{t('spend.copies', { amount: f.money(totals.copies) })}</p>}
      {totals.outside !== 0 && <p className="pp-muted pp-small">{t('spend.outside', { amount: f.money(totals.outside) })}</p>}
      {shown.length === 0 ? (
        <p className="pp-muted">{t('spend.empty')}</p>
      ) : (
        <div className="pp-card pp-card-flush">
          <table className="pp-table pp-ledger-table" data-testid="spend-table">
            <caption className="pp-visually-hidden">{t('spend.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ledger.field.date')}</th>
                <th scope="col">
                  {t('ledger.field.action')} · {t('ledger.field.category')}
                </th>
                <th scope="col" className="pp-num">
                  {t('ledger.field.amount')}
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
                        <SpendForm
                          actions={data.actions}
                          currency={data.plan.currency}
                          initial={spendFormOf(entry, lang)}
                          entryId={entry.id}
                          source={entry.source}
                          testId="spend-edit-form"
                          onSave={async (updated) => {
                            await updateSpendEntry(planpilotDb, updated);
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
                const counted = countsAsSpend(entry) && !outside;
                const what = `${f.day(entry.date)}, ${action?.code ?? ''}, ${f.money(entry.amount)}`;
                return (
                  <tr key={entry.id} data-entry-id={entry.id} className={counted ? undefined : 'pp-not-counted'}>
                    <td className="pp-nowrap">{f.day(entry.date)}</td>
                    <td className="pp-entry">
                      <span className="pp-code" title={action?.name}>
                        {action?.code ?? '?'}
                      </span>
                      <span className="pp-entry-kind">{t(`category.${entry.category}`)}</span>
                      {entry.source !== 'manual' && <span className="pp-tag">{t(`source.${entry.source}`)}</span>}
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
                          data-testid="spend-delete"
                        >
                          {t('ledger.delete')}
                        </button>
                      </div>
                    </td>
                    <td className="pp-num">
                      <span data-field="amount">{f.money(entry.amount)}</span>
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
