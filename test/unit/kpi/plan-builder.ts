/** Small, valid plan rows for unit tests: every field has a plain default, tests set what they are about. */
import type { Action, CampaignLink, Capture, Metrics, Objective, Plan, PlanData, ResultEntry, SpendEntry } from '@/lib/domain';

let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${++sequence}`;

export const plan = (over: Partial<Plan> = {}): Plan => ({
  id: 'plan-1',
  name: 'Plan',
  start: '2026-01-01',
  end: '2026-12-31',
  currency: 'EUR',
  locale: 'fr-FR',
  tolerance: 0.1,
  weekStartsOn: 1,
  review: '',
  notes: '',
  ...over,
});

export const action = (over: Partial<Action> = {}): Action => ({
  id: 'act-1',
  planId: 'plan-1',
  objectiveIds: [],
  code: 'A1',
  name: 'Action',
  channel: 'google-ads',
  lever: 'promotion',
  owner: '',
  start: '2026-11-01',
  end: '2026-11-30',
  priority: 'medium',
  status: 'running',
  budget: 3000,
  targets: {},
  ...over,
});

export const objective = (over: Partial<Objective> = {}): Objective => ({
  id: 'obj-1',
  planId: 'plan-1',
  name: 'Objective',
  metric: 'leads',
  target: 100,
  deadline: '2026-12-31',
  description: '',
  ...over,
});

export const link = (over: Partial<CampaignLink> = {}): CampaignLink => ({
  id: nextId('lnk'),
  actionId: 'act-1',
  console: 'google-ads',
  accountId: '111-222-3333',
  campaignId: 'cmp-1',
  campaignName: 'Search – Brand',
  ...over,
});

/** A capture of campaign `cmp-1` ("Search – Brand") over `[start, end]`. */
export const capture = (start: string, end: string, metrics: Metrics, over: Partial<Capture> = {}): Capture => ({
  id: nextId('cap'),
  console: 'google-ads',
  accountId: '111-222-3333',
  campaignId: 'cmp-1',
  campaignName: 'Search – Brand',
  dateRange: { start, end },
  currency: 'EUR',
  metrics,
  capturedAt: '2026-12-01T08:00:00Z',
  url: 'https://ads.google.com/aw/campaigns',
  ...over,
});

export const spend = (date: string, amount: number, over: Partial<SpendEntry> = {}): SpendEntry => ({
  id: nextId('sp'),
  actionId: 'act-1',
  date,
  amount,
  category: 'media',
  note: '',
  source: 'manual',
  ...over,
});

export const result = (date: string, metric: ResultEntry['metric'], value: number, over: Partial<ResultEntry> = {}): ResultEntry => ({
  id: nextId('res'),
  actionId: 'act-1',
  date,
  metric,
  value,
  note: '',
  ...over,
});

export const planData = (over: Partial<PlanData> = {}): PlanData => ({
  plan: plan(),
  objectives: [],
  actions: [action()],
  campaignLinks: [],
  captures: [],
  spendEntries: [],
  resultEntries: [],
  ...over,
});
