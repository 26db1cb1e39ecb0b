import { useCallback, useId, useState } from 'react';
import { addSpendEntry, deleteSpendEntry, updateSpendEntry } from '@/lib/db';
import { type PlanData, SPEND_CATEGORIES, type SpendEntry } from '@/lib/domain';
import {
  countsAsSpend,
  type EntryFilter,
  emptySpendForm,
  filterSpend,
  outsideAction,
  type SpendCategory,
  spendFormOf,
  spendTotals,
} from '@/lib/ledger';
import { useI18n } from '../common/i18n';
import { SpendForm } from '../ledger/SpendForm';
import { LedgerLog } from './LedgerLog';

/** Every spend entry of the plan: filters (action, period, category), totals, add, edit, delete with undo. */
export function SpendLog({ data }: { data: PlanData }) {
  const { t, fmt, lang } = useI18n();
  const f = fmt(data.plan.currency);
  const uid = useId();
  const [category, setCategory] = useState<SpendCategory | null>(null);
  const filter = useCallback(
    (entries: readonly SpendEntry[], range: EntryFilter) => filterSpend(entries, { ...range, category }),
    [category],
  );

  return (
    <LedgerLog
      data={data}
      entries={data.spendEntries}
      filter={filter}
      store={{ add: addSpendEntry, update: updateSpendEntry, remove: deleteSpendEntry }}
      labels={{
        title: t('spend.title'),
        add: t('spend.add'),
        hint: t('spend.hint'),
        empty: t('spend.empty'),
        kindColumn: t('ledger.field.category'),
        amountColumn: t('ledger.field.amount'),
      }}
      testIds={{
        log: 'spend-log',
        addOpen: 'spend-add-open',
        table: 'spend-table',
        actionFilter: 'spend-filter-action',
        delete: 'spend-delete',
      }}
      ownFilter={
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
      }
      totals={(shown, actionsById) => {
        const totals = spendTotals(shown, actionsById);
        return (
          <>
            <div className="pp-kpis" data-testid="spend-totals">
              <div className="pp-kpi">
                <div className="pp-kpi-label">{t('spend.total')}</div>
                <div className="pp-kpi-value" data-testid="spend-total">
                  {f.money(totals.counted)}
                </div>
                <div className="pp-muted pp-small">
                  {t('spend.count', {
                    count: shown.filter((e) => countsAsSpend(e) && !outsideAction(e, actionsById.get(e.actionId))).length,
                  })}
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
          </>
        );
      }}
      addForm={({ actionId, asOf, ...form }) => (
        <SpendForm
          actions={data.actions}
          currency={data.plan.currency}
          initial={emptySpendForm(actionId, asOf, lang)}
          testId="spend-add-form"
          {...form}
        />
      )}
      editForm={(entry, form) => (
        <SpendForm
          actions={data.actions}
          currency={data.plan.currency}
          initial={spendFormOf(entry, lang)}
          entryId={entry.id}
          source={entry.source}
          testId="spend-edit-form"
          {...form}
        />
      )}
      kind={(entry) => t(`category.${entry.category}`)}
      tags={(entry) => entry.source !== 'manual' && <span className="pp-tag">{t(`source.${entry.source}`)}</span>}
      amount={(entry) => f.money(entry.amount)}
      counts={countsAsSpend}
      savedText={(entry, action) => t('ledger.saved.spend', { amount: f.money(entry.amount), action })}
      deletedText={(removed) => t('ledger.deleted.spend', { amount: f.money(removed.amount), date: f.day(removed.date) })}
    />
  );
}
