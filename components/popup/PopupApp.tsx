import { useMemo } from 'react';
import { today } from '@/lib/clock';
import { computeActions } from '@/lib/kpi';
import { ActionStandingTable } from '../common/ActionStandingTable';
import { useCurrentPlan, usePlanData, usePlans } from '../common/data';
import { Header } from '../common/Header';
import { useI18n } from '../common/i18n';
import { openSidePanel } from '../common/panel';

/** The popup: how this tab is doing against the plan, and the plan at a glance. */
export function PopupApp() {
  const { t } = useI18n();
  const plans = usePlans();
  const [plan, choosePlan] = useCurrentPlan(plans);
  const data = usePlanData(plan?.id);
  const asOf = today();
  const rows = useMemo(() => (data ? computeActions(data, asOf) : []), [data, asOf]);
  if (plans === undefined) return null;
  return (
    <>
      <Header plans={plans} plan={plan} onPlan={choosePlan} />
      <main className="pp-main">
        {plans.length === 0 && <p className="pp-notice">{t('popup.noPlan')}</p>}
        {data && <ActionStandingTable rows={rows} currency={data.plan.currency} caption={data.plan.name} />}
        <div className="pp-row" style={{ marginTop: 10 }}>
          <button type="button" className="pp-primary" onClick={() => void openSidePanel()}>
            {t('popup.openPanel')}
          </button>
        </div>
      </main>
    </>
  );
}
