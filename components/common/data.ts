import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { listPlans, loadPlanData, planpilotDb } from '@/lib/db';
import type { Plan, PlanData } from '@/lib/domain';
import { currentPlanId } from '@/lib/settings';

/** Every plan, live: any write anywhere (another tab, the background) re-renders. */
export function usePlans(): Plan[] | undefined {
  return useLiveQuery(() => listPlans(planpilotDb), []);
}

/** The plan the user is looking at: the saved choice, or the first plan. */
export function useCurrentPlan(plans: Plan[] | undefined): [Plan | undefined, (id: string) => void] {
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => {
    void currentPlanId.getValue().then(setChosen);
    return currentPlanId.watch(setChosen);
  }, []);
  const plan = plans?.find((p) => p.id === chosen) ?? plans?.[0];
  return [plan, (id) => void currentPlanId.setValue(id)];
}

export function usePlanData(planId: string | undefined): PlanData | undefined {
  return useLiveQuery(async () => (planId ? loadPlanData(planpilotDb, planId) : undefined), [planId]);
}
