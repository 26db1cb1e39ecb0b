import { useState } from 'react';
import { useCurrentPlan, usePlanData, usePlans } from '../common/data';
import { Header } from '../common/Header';
import { useI18n } from '../common/i18n';
import { BackupView } from './BackupView';
import { Dashboard } from './Dashboard';

const TABS = ['dashboard', 'backup'] as const;
type Tab = (typeof TABS)[number];

/** The side panel: the plan's tableau de bord and its tools, one tab each. */
export function SidePanelApp() {
  const { t } = useI18n();
  const plans = usePlans();
  const [plan, choosePlan] = useCurrentPlan(plans);
  const data = usePlanData(plan?.id);
  const [tab, setTab] = useState<Tab>('dashboard');
  if (plans === undefined) return null;
  const shown: Tab = plans.length === 0 ? 'backup' : tab;
  return (
    <>
      <Header plans={plans} plan={plan} onPlan={choosePlan} />
      <div className="pp-tabs" role="tablist" aria-label="Planpilot">
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`pp-tab-${id}`}
            aria-selected={shown === id}
            aria-controls="pp-tabpanel"
            onClick={() => setTab(id)}
          >
            {t(`panel.tab.${id}`)}
          </button>
        ))}
      </div>
      <main className="pp-main" id="pp-tabpanel" role="tabpanel" aria-labelledby={`pp-tab-${shown}`}>
        {plans.length === 0 && <p className="pp-notice">{t('popup.noPlan')}</p>}
        {shown === 'dashboard' && data && <Dashboard data={data} />}
        {shown === 'backup' && <BackupView />}
      </main>
    </>
  );
}
