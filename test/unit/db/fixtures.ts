import {
  addCapture,
  addResultEntry,
  addSnapshotVersion,
  addSpendEntry,
  linkCampaign,
  type PlanpilotDb,
  upsertAction,
  upsertObjective,
  upsertPlan,
} from '@/lib/db';
import type { Action, Capture, Plan, WeeklyReport } from '@/lib/domain';

export const planB: Plan = {
  id: 'plan-b',
  name: 'Plan B – salons 2026',
  start: '2026-01-01',
  end: '2026-12-31',
  currency: 'EUR',
  locale: 'en-US',
  tolerance: 0.1,
  weekStartsOn: 1,
  freezeDelayDays: 3,
  review: '',
  notes: '',
};

export function action(id: string, planId: string, extra: Partial<Action> = {}): Action {
  return {
    id,
    planId,
    objectiveIds: [],
    code: id.toUpperCase(),
    name: `Action ${id}`,
    channel: 'google-ads',
    lever: 'promotion',
    owner: 'Alex',
    start: '2026-01-01',
    end: '2026-12-31',
    priority: 'medium',
    status: 'running',
    budget: 1000,
    targets: { cpc: 2 },
    ...extra,
  };
}

export function capture(id: string, extra: Partial<Capture> = {}): Capture {
  return {
    id,
    console: 'google-ads',
    accountId: '111-222-3333',
    campaignId: 'camp-b1',
    campaignName: 'Brand B',
    dateRange: { start: '2026-03-01', end: '2026-03-07' },
    currency: 'EUR',
    metrics: { cost: 100, clicks: 50 },
    capturedAt: '2026-03-08T09:00:00+01:00',
    url: 'https://ads.google.com/aw/campaigns',
    ...extra,
  };
}

export function report(planId: string, weekStart: string, weekEnd: string, cost = 0): WeeklyReport {
  const kpis = { cpc: null, cpa: null, cpl: null, cpm: null, ctr: null, conversionRate: null, roas: null, openRate: null, clickRate: null };
  return {
    planId,
    week: { start: weekStart, end: weekEnd },
    currency: 'EUR',
    actions: [],
    totals: { budget: 0, spendWeek: cost, spendToDate: cost, expectedSpendToDate: 0, pacing: null, metrics: {}, kpis },
  };
}

/** A second plan with something in every table (built through the repository, so also a test of it). */
export async function seedPlanB(db: PlanpilotDb): Promise<void> {
  await upsertPlan(db, planB);
  await upsertObjective(db, {
    id: 'b-obj',
    planId: 'plan-b',
    name: 'Leads',
    metric: 'leads',
    target: 100,
    deadline: '2026-12-31',
    description: '',
  });
  await upsertAction(db, action('b-act-1', 'plan-b', { objectiveIds: ['b-obj'] }));
  await upsertAction(db, action('b-act-2', 'plan-b', { channel: 'event' }));
  await linkCampaign(db, {
    id: 'b-lnk-1',
    actionId: 'b-act-1',
    console: 'google-ads',
    accountId: '111-222-3333',
    campaignId: 'camp-b1',
    campaignName: 'Brand B',
  });
  await addCapture(db, capture('b-cap-1'));
  await addCapture(
    db,
    capture('b-cap-2', { dateRange: { start: '2026-03-08', end: '2026-03-14' }, capturedAt: '2026-03-15T09:00:00+01:00' }),
  );
  await addSpendEntry(db, {
    id: 'b-dep-1',
    actionId: 'b-act-2',
    date: '2026-03-02',
    amount: 1200,
    category: 'events',
    note: 'Stand',
    source: 'manual',
  });
  await addResultEntry(db, { id: 'b-res-1', actionId: 'b-act-2', date: '2026-03-03', metric: 'leads', value: 12, note: '' });
  await addSnapshotVersion(db, {
    id: 'b-snap-1',
    planId: 'plan-b',
    weekStart: '2026-03-02',
    takenAt: '2026-03-11T06:00:00+01:00',
    report: report('plan-b', '2026-03-02', '2026-03-08'),
  });
}

/** Every row that belongs to plan B (and its captures), to compare before and after. */
export async function planBRows(db: PlanpilotDb) {
  return {
    plans: await db.plans.where('id').equals('plan-b').toArray(),
    objectives: await db.objectives.where('planId').equals('plan-b').toArray(),
    actions: await db.actions.where('planId').equals('plan-b').toArray(),
    campaignLinks: await db.campaignLinks.where('actionId').anyOf(['b-act-1', 'b-act-2']).toArray(),
    captures: await db.captures.where('id').startsWith('b-').toArray(),
    spendEntries: await db.spendEntries.where('actionId').anyOf(['b-act-1', 'b-act-2']).toArray(),
    resultEntries: await db.resultEntries.where('actionId').anyOf(['b-act-1', 'b-act-2']).toArray(),
    snapshots: await db.snapshots.where('planId').equals('plan-b').toArray(),
  };
}
