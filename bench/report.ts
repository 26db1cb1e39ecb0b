/**
 * Weekly report speed: a generated plan of 200 actions, 400 campaign links, 100,000 captures and
 * 20,000 spend entries; goals (issue "Foundation"): median < 250 ms, and ≤ 2.2× when captures double.
 */
import type { Action, CampaignLink, Capture, ConsoleId, PlanData, ResultEntry, SpendEntry } from '../lib/domain';
import { addDays, dayCount, fromDay, monthOf, toDay, toDayPeriod } from '../lib/kpi/days';
import { buildWeeklyReport } from '../lib/kpi/report';

const ACTIONS = 200;
const LINKS_PER_ACTION = 2;
const CAPTURES = 100_000;
const SPEND_ENTRIES = 20_000;
const RUNS = 21;
const WEEK_START = '2026-09-14';
const GOAL_MS = 250;
const GOAL_RATIO = 2.2;

/** mulberry32: a small seeded generator, so every run benches the same plan. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const AD_CONSOLES: readonly ConsoleId[] = ['google-ads', 'meta-ads', 'microsoft-ads', 'linkedin-ads', 'tiktok-ads'];

/** Daily, weekly, monthly and month-to-date readings at random places in the action's period, some refreshed. */
function captureRange(random: () => number, action: Action): { start: string; end: string } {
  const { start, end } = toDayPeriod(action);
  const pick = random();
  const at = start + Math.floor(random() * dayCount({ start, end }));
  if (pick < 0.6) return { start: fromDay(at), end: fromDay(at) };
  if (pick < 0.85) {
    const monday = at - ((at + 3) % 7);
    return { start: fromDay(Math.max(start, monday)), end: fromDay(Math.min(end, monday + 6)) };
  }
  const month = toDayPeriod(monthOf(fromDay(at)));
  const rangeEnd = pick < 0.95 ? month.end : at; // month, or month to date
  return { start: fromDay(Math.max(start, month.start)), end: fromDay(Math.min(end, rangeEnd)) };
}

export function generatePlan(captureCount: number, seed = 2026): PlanData {
  const random = seededRandom(seed);
  const plan = {
    id: 'bench-plan',
    name: 'Bench plan',
    start: '2026-01-01',
    end: '2026-12-31',
    currency: 'EUR',
    locale: 'fr-FR',
    tolerance: 0.1,
    weekStartsOn: 1,
    review: '',
    notes: '',
  };
  const actions: Action[] = [];
  const links: CampaignLink[] = [];
  for (let a = 0; a < ACTIONS; a++) {
    const start = addDays(plan.start, Math.floor(random() * 200));
    const end = fromDay(Math.min(toDay(start) + 30 + Math.floor(random() * 150), toDay(plan.end)));
    actions.push({
      id: `act-${a}`,
      planId: plan.id,
      objectiveIds: [],
      code: `A${a}`,
      name: `Action ${a}`,
      channel: 'google-ads',
      lever: 'promotion',
      owner: '',
      start,
      end,
      priority: 'medium',
      status: 'running',
      budget: 5_000 + Math.floor(random() * 20_000),
      targets: { cpc: 1.5, ctr: 0.02, conversions: 100 },
      ...(a % 10 === 0 ? { schedule: [{ date: start, amount: 2_000, note: 'deposit' }] } : {}),
    });
    for (let l = 0; l < LINKS_PER_ACTION; l++) {
      const n = a * LINKS_PER_ACTION + l;
      const byName = n % 4 === 3; // a quarter of links were made from a name only
      links.push({
        id: `lnk-${n}`,
        actionId: `act-${a}`,
        console: AD_CONSOLES[n % AD_CONSOLES.length] as ConsoleId,
        accountId: `acc-${a % 7}`,
        campaignId: byName ? null : `cmp-${n}`,
        campaignName: `Campaign ${n}`,
      });
    }
  }

  const captures: Capture[] = [];
  for (let i = 0; i < captureCount; i++) {
    const link = links[i % links.length] as CampaignLink;
    const action = actions[Math.floor((i % links.length) / LINKS_PER_ACTION)] as Action;
    const dateRange = captureRange(random, action);
    const days = dayCount(toDayPeriod(dateRange));
    const clicks = Math.round(days * (50 + random() * 100));
    captures.push({
      id: `cap-${i}`,
      console: link.console,
      // Some readings show no account; a few come from another account or in another currency.
      accountId: i % 17 === 0 ? null : i % 97 === 0 ? 'other-account' : link.accountId,
      campaignId: link.campaignId ?? (i % 2 === 0 ? `cmp-x${i % links.length}` : null),
      campaignName: link.campaignName,
      dateRange,
      currency: i % 113 === 0 ? 'USD' : 'EUR',
      metrics: { cost: clicks * (0.5 + random()), impressions: clicks * 40, clicks, conversions: Math.round(clicks * 0.03), cpc: 1 },
      capturedAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 360 * 86_400_000)).toISOString(),
      url: 'https://ads.example/campaigns',
    });
  }

  const spendEntries: SpendEntry[] = [];
  for (let i = 0; i < SPEND_ENTRIES; i++) {
    const action = actions[i % ACTIONS] as Action;
    const { start, end } = toDayPeriod(action);
    spendEntries.push({
      id: `sp-${i}`,
      actionId: action.id,
      date: fromDay(start + Math.floor(random() * dayCount({ start, end }))),
      amount: Math.round(random() * 50_000) / 100,
      category: 'production',
      note: '',
      source: i % 10 === 0 ? 'capture' : 'manual',
    });
  }
  const resultEntries: ResultEntry[] = actions.map((action, i) => ({
    id: `res-${i}`,
    actionId: action.id,
    date: action.start,
    metric: 'leads',
    value: 5,
    note: '',
  }));
  return { plan, objectives: [], actions, campaignLinks: links, captures, spendEntries, resultEntries };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

function timeReport(data: PlanData): number {
  const started = performance.now();
  buildWeeklyReport(data, WEEK_START);
  return performance.now() - started;
}

export default async function (): Promise<void> {
  const base = generatePlan(CAPTURES);
  const doubled = generatePlan(CAPTURES * 2);
  // Warm-up: the first runs measure the JIT compiling, not the steady state.
  for (let run = 0; run < 2; run++) [base, doubled].forEach(timeReport);
  // Interleaved runs, so a busy machine slows both sizes alike and the ratio stays fair.
  const times = { base: [] as number[], doubled: [] as number[] };
  for (let run = 0; run < RUNS; run++) {
    times.base.push(timeReport(base));
    times.doubled.push(timeReport(doubled));
  }
  const [baseMs, doubledMs] = [median(times.base), median(times.doubled)];
  const ratio = doubledMs / baseMs;
  const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  console.log(
    `buildWeeklyReport, ${ACTIONS} actions, ${ACTIONS * LINKS_PER_ACTION} links, ${SPEND_ENTRIES} spend entries (median of ${RUNS} runs):`,
  );
  console.log(
    `  ${CAPTURES.toLocaleString('en-US')} captures: ${baseMs.toFixed(1)} ms (goal < ${GOAL_MS} ms) ${verdict(baseMs < GOAL_MS)}`,
  );
  console.log(`  ${(CAPTURES * 2).toLocaleString('en-US')} captures: ${doubledMs.toFixed(1)} ms`);
  console.log(`  ratio when captures double: ${ratio.toFixed(2)}× (goal ≤ ${GOAL_RATIO}×) ${verdict(ratio <= GOAL_RATIO)}`);
}
