import { type KeyboardEvent, useState } from 'react';
import { useCurrentPlan, usePlanData, usePlans } from '../common/data';
import { Header } from '../common/Header';
import { useI18n } from '../common/i18n';
import { BackupView } from './BackupView';
import { BudgetView } from './BudgetView';
import { CalendarView } from './CalendarView';
import { Dashboard } from './Dashboard';
import { ImportView } from './ImportView';
import { LinksView } from './LinksView';
import { NextPeriodView } from './NextPeriodView';
import { PlanTab } from './PlanTab';
import { ResultLog } from './ResultLog';
import { ScheduleView } from './ScheduleView';
import { SnapshotsView } from './SnapshotsView';
import { SpendLog } from './SpendLog';

const TABS = [
  'dashboard',
  'plan',
  'calendar',
  'budget',
  'links',
  'spend',
  'results',
  'schedule',
  'snapshots',
  'import',
  'next',
  'backup',
] as const;
type Tab = (typeof TABS)[number];

/**
 * The tab list as the ARIA tabs pattern has it: one Tab stop (the chosen tab), arrow keys to the previous or next
 * tab (wrapping), Home and End to the first and last; the tab reached is shown at once.
 */
function moveBetweenTabs(e: KeyboardEvent<HTMLDivElement>, shown: Tab, setTab: (tab: Tab) => void): void {
  const at = TABS.indexOf(shown);
  const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TABS.length - 1 }[e.key];
  if (to === undefined) return;
  e.preventDefault();
  const next = TABS[(to + TABS.length) % TABS.length] as Tab;
  setTab(next);
  e.currentTarget.querySelector<HTMLElement>(`#pp-tab-${next}`)?.focus();
}

/** The side panel: the plan's tableau de bord and its tools, one tab each. */
export function SidePanelApp() {
  const { t } = useI18n();
  const plans = usePlans();
  const [plan, choosePlan] = useCurrentPlan(plans);
  const data = usePlanData(plan?.id);
  const [tab, setTab] = useState<Tab>('dashboard');
  if (plans === undefined) return null;
  // With no plan yet, the plan tab (to create one) and the backup tab (to restore one) are what is left.
  const shown: Tab = plans.length === 0 && tab !== 'plan' ? 'backup' : tab;
  return (
    <>
      <Header plans={plans} plan={plan} onPlan={choosePlan} />
      <div className="pp-tabs" role="tablist" aria-label="Planpilot" onKeyDown={(e) => moveBetweenTabs(e, shown, setTab)}>
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`pp-tab-${id}`}
            aria-selected={shown === id}
            aria-controls="pp-tabpanel"
            tabIndex={shown === id ? 0 : -1}
            onClick={() => setTab(id)}
          >
            {t(`panel.tab.${id}`)}
          </button>
        ))}
      </div>
      <main className="pp-main" id="pp-tabpanel" role="tabpanel" aria-labelledby={`pp-tab-${shown}`}>
        {plans.length === 0 && <p className="pp-notice">{t('popup.noPlan')}</p>}
        {shown === 'dashboard' && data && <Dashboard data={data} />}
        {shown === 'plan' && <PlanTab data={data} onPlanChosen={choosePlan} />}
        {shown === 'calendar' && data && <CalendarView key={data.plan.id} data={data} />}
        {shown === 'budget' && data && <BudgetView data={data} />}
        {shown === 'links' && data && <LinksView key={data.plan.id} data={data} />}
        {shown === 'next' && data && <NextPeriodView data={data} onPlanChosen={choosePlan} />}
        {shown === 'spend' && data && <SpendLog data={data} />}
        {shown === 'results' && data && <ResultLog data={data} />}
        {shown === 'schedule' && data && <ScheduleView key={data.plan.id} data={data} />}
        {shown === 'snapshots' && plan && <SnapshotsView key={plan.id} plan={plan} />}
        {shown === 'import' && data && <ImportView key={data.plan.id} data={data} />}
        {shown === 'backup' && <BackupView />}
      </main>
    </>
  );
}
