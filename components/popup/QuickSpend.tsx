import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { today } from '@/lib/clock';
import { addResultEntry, addSpendEntry, deleteResultEntry, deleteSpendEntry, listActions, planpilotDb } from '@/lib/db';
import type { Plan } from '@/lib/domain';
import { emptyResultForm, emptySpendForm } from '@/lib/ledger';
import { useI18n } from '../common/i18n';
import { actionLabel, type LedgerMessage, MessageNotice } from '../ledger/fields';
import { ResultForm } from '../ledger/ResultForm';
import { SpendForm } from '../ledger/SpendForm';

type Kind = 'spend' | 'result';

/**
 * The popup's quick add: a spend (amount excl. or incl. tax) or a result, for an action of the plan,
 * dated today by default. `defaultActionId`: the action linked to the current tab (the popup passes it
 * when it knows it); else the plan's first action. Reads only the plan's actions, so it opens fast.
 */
export function QuickSpend({ plan, defaultActionId }: { plan: Pick<Plan, 'id' | 'currency'>; defaultActionId?: string | undefined }) {
  const { t, lang, fmt } = useI18n();
  const uid = useId();
  const actions = useLiveQuery(() => listActions(planpilotDb, plan.id), [plan.id]);
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<Kind>('spend');
  const [message, setMessage] = useState<LedgerMessage | null>(null);
  if (!actions || actions.length === 0) return null;
  const f = fmt(plan.currency);
  const actionId = actions.some((a) => a.id === defaultActionId) ? (defaultActionId as string) : (actions[0]?.id ?? '');
  const name = (id: string) => {
    const a = actions.find((x) => x.id === id);
    return a ? actionLabel(a) : '';
  };
  return (
    <section className="pp-card pp-quick" aria-labelledby={`${uid}-title`} data-testid="quick-spend">
      <div className="pp-row">
        <h2 id={`${uid}-title`} className="pp-quick-title">
          <button
            type="button"
            className="pp-disclosure"
            aria-expanded={open}
            aria-controls={`${uid}-body`}
            onClick={() => setOpen((v) => !v)}
            data-testid="quick-open"
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('quick.open')}
          </button>
        </h2>
      </div>
      {message && <MessageNotice message={message} setMessage={setMessage} undoLabel={t('ledger.undoAdd')} />}
      {open && (
        <div id={`${uid}-body`}>
          <fieldset className="pp-segmented">
            <legend className="pp-visually-hidden">{t('quick.kind')}</legend>
            {(['spend', 'result'] as const).map((k) => (
              <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)} data-testid={`quick-kind-${k}`}>
                {t(k === 'spend' ? 'quick.spend' : 'quick.result')}
              </button>
            ))}
          </fieldset>
          {kind === 'spend' ? (
            <SpendForm
              key={`spend-${actionId}`}
              actions={actions}
              currency={plan.currency}
              initial={emptySpendForm(actionId, today(), lang)}
              testId="quick-spend-form"
              onSave={async (entry) => {
                await addSpendEntry(planpilotDb, entry);
                setMessage({
                  kind: 'ok',
                  text: t('ledger.saved.spend', { amount: f.money(entry.amount), action: name(entry.actionId) }),
                  undo: async () => {
                    await deleteSpendEntry(planpilotDb, entry.id);
                    setMessage(null);
                  },
                });
              }}
            />
          ) : (
            <ResultForm
              key={`result-${actionId}`}
              actions={actions}
              initial={emptyResultForm(actionId, today())}
              testId="quick-result-form"
              onSave={async (entry) => {
                await addResultEntry(planpilotDb, entry);
                setMessage({
                  kind: 'ok',
                  text: t('ledger.saved.result', {
                    value: f.number(entry.value, 2),
                    metric: t(`metric.${entry.metric}`),
                    action: name(entry.actionId),
                  }),
                  undo: async () => {
                    await deleteResultEntry(planpilotDb, entry.id);
                    setMessage(null);
                  },
                });
              }}
            />
          )}
        </div>
      )}
    </section>
  );
}
