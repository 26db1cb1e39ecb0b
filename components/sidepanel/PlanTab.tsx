import { useEffect, useRef, useState } from 'react';
import { today } from '@/lib/clock';
import { type DeletedBundle, newId, planpilotDb, restoreBundle, upsertPlan } from '@/lib/db';
import type { PlanData } from '@/lib/domain';
import { newPlanTemplate } from '@/lib/planning';
import { UndoBar } from '../common/forms';
import { useI18n } from '../common/i18n';
import { ActionsEditor } from './ActionsEditor';
import { ObjectivesEditor } from './ObjectivesEditor';
import { PlanEditor, saveFailure } from './PlanEditor';

type Undo = { message: string; bundle: DeletedBundle };

/** The plan editor tab: the plan, its objectives and its actions; deletions can be undone. */
export function PlanTab({ data, onPlanChosen }: { data: PlanData | undefined; onPlanChosen: (planId: string) => void }) {
  const { t, locale } = useI18n();
  const [undo, setUndo] = useState<Undo | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const undoRef = useRef<HTMLDivElement>(null);

  // The deleted row's buttons are gone: the keyboard goes to "Undo".
  useEffect(() => {
    if (undo) undoRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [undo]);

  const onDeleted = (message: string, bundle: DeletedBundle) => {
    setNotice(null);
    setUndo({ message, bundle });
  };
  const onSaved = (text: string) => setNotice({ kind: 'ok', text });

  async function undoDeletion() {
    if (!undo) return;
    try {
      await restoreBundle(planpilotDb, undo.bundle);
      const [plan] = undo.bundle.plans;
      if (plan) onPlanChosen(plan.id);
      setUndo(null);
    } catch (error) {
      setUndo(null);
      setNotice({ kind: 'error', text: t('form.saveFailed', { error: saveFailure(error) }) });
    }
  }

  async function createPlan() {
    const plan = newPlanTemplate({ id: newId('plan'), name: t('plan.newName'), today: today(), locale });
    try {
      await upsertPlan(planpilotDb, plan);
      onPlanChosen(plan.id);
      setNotice({ kind: 'ok', text: t('plan.created', { name: plan.name }) });
    } catch (error) {
      setNotice({ kind: 'error', text: t('form.saveFailed', { error: saveFailure(error) }) });
    }
  }

  return (
    <div className="pp-plan-tab">
      <div className="pp-row pp-toolbar">
        <button type="button" onClick={() => void createPlan()}>
          {t('plan.new')}
        </button>
      </div>
      {notice && (
        <p className={notice.kind === 'ok' ? 'pp-notice' : 'pp-error'} role="status" data-testid="editor-notice">
          {notice.text}
        </p>
      )}
      {data ? (
        <>
          <PlanEditor key={JSON.stringify(data.plan)} plan={data.plan} onSaved={onSaved} onDeleted={onDeleted} />
          <ObjectivesEditor data={data} onSaved={onSaved} onDeleted={onDeleted} />
          <ActionsEditor data={data} onSaved={onSaved} onDeleted={onDeleted} />
        </>
      ) : (
        <p className="pp-notice">{t('plan.none')}</p>
      )}
      {undo && (
        <div ref={undoRef} className="pp-undo-dock">
          <UndoBar message={undo.message} onUndo={() => void undoDeletion()} onDismiss={() => setUndo(null)} />
        </div>
      )}
    </div>
  );
}
