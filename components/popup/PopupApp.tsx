import { useMemo } from 'react';
import { today } from '@/lib/clock';
import type { Plan } from '@/lib/domain';
import { computeActions } from '@/lib/kpi';
import { ActionStandingTable } from '../common/ActionStandingTable';
import { useCurrentPlan, usePlanData, usePlans } from '../common/data';
import { Header } from '../common/Header';
import { useI18n } from '../common/i18n';
import { openSidePanel } from '../common/panel';
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
            <section className="pp-card" data-testid="no-console">
              <h2>{t('popup.noConsole.title')}</h2>
              <p className="pp-muted">{t('popup.noConsole.body')}</p>
            </section>
            {plan && <PlanGlance plan={plan} />}
          </>
        )}
        <div className="pp-row" style={{ marginTop: 10 }}>
          <button type="button" className="pp-primary" onClick={() => void openSidePanel()}>
            {t('popup.openPanel')}
          </button>
        </div>
      </main>
    </>
  );
}

function PlanGlance({ plan }: { plan: Plan }) {
  const data = usePlanData(plan.id);
  const asOf = today();
  const rows = useMemo(() => (data ? computeActions(data, asOf) : []), [data, asOf]);
  return data ? <ActionStandingTable rows={rows} currency={plan.currency} caption={plan.name} /> : null;
}
