import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { today } from '@/lib/clock';
import { getGlance, keepGlance, listActions, loadPlanData, planpilotDb } from '@/lib/db';
import type { Plan } from '@/lib/domain';
import { type ActionStanding, computeStandings, glanceOf } from '@/lib/kpi';
import { ActionStandingTable } from '../common/ActionStandingTable';
import { useCurrentPlan, usePlans } from '../common/data';
import { Header } from '../common/Header';
import { useI18n } from '../common/i18n';
import { openSidePanel } from '../common/panel';
import { EnableConsole } from './EnableConsole';
import { QuickSpend } from './QuickSpend';
import { TabCard } from './TabCard';
import { useTabReading } from './useTabReading';

/**
 * The popup: on a console, how this tab's campaigns do against their actions' targets (only those
 * actions are computed, so it opens fast on any plan); elsewhere, what to do, and the plan at a glance.
 */
export function PopupApp() {
  const { t } = useI18n();
  const plans = usePlans();
  const [plan, choosePlan] = useCurrentPlan(plans);
  const [tab] = useTabReading();
  if (plans === undefined || tab.status === 'loading') return null;
  return (
    <>
      <Header plans={plans} plan={plan} onPlan={choosePlan} />
      <main className="pp-main">
        {plans.length === 0 && <p className="pp-notice">{t('popup.noPlan')}</p>}
        {tab.status === 'read' ? (
          <TabCard reading={tab.reading} />
        ) : (
          <>
            <EnableConsole tabId={tab.tabId} />
            <section className="pp-card" data-testid="no-console">
              <h2>{t('popup.noConsole.title')}</h2>
              <p className="pp-muted">{t('popup.noConsole.body')}</p>
            </section>
            {plan && <PlanGlance plan={plan} />}
          </>
        )}
        {plan && <QuickSpend plan={plan} />}
        <div className="pp-row" style={{ marginTop: 10 }}>
          <button type="button" className="pp-primary" onClick={() => void openSidePanel()}>
            {t('popup.openPanel')}
          </button>
        </div>
      </main>
    </>
  );
}

/**
 * The plan at a glance: its actions and the figures kept from the engine's last run at once (two
 * small reads, however many captures the plan has), then the engine's figures of today, which are
 * kept for the next time.
 */
function PlanGlance({ plan }: { plan: Plan }) {
  const asOf = today();
  const head = useLiveQuery(async () => {
    const [actions, glance] = await Promise.all([listActions(planpilotDb, plan.id), getGlance(planpilotDb, plan.id)]);
    const byAction = new Map(glance?.rows.map((r) => [r.actionId, r]));
    return actions.map((action) => ({ action, glance: byAction.get(action.id), asOf: glance?.asOf }));
  }, [plan.id]);
  const [standings, setStandings] = useState<ActionStanding[] | null>(null);
  useEffect(() => {
    let live = true;
    // After the first paint: loading every capture of a large plan takes seconds.
    const timer = setTimeout(async () => {
      const data = await loadPlanData(planpilotDb, plan.id);
      if (!data || !live) return;
      const computed = computeStandings(data, asOf);
      setStandings(computed);
      void keepGlance(planpilotDb, glanceOf(plan.id, asOf, computed));
    }, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [plan.id, asOf]);
  const rows = standings ?? head ?? null;
  return rows ? <ActionStandingTable rows={rows} currency={plan.currency} caption={plan.name} /> : null;
}
