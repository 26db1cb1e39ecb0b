import { describe, expect, it } from 'vitest';
import type { ReportAction, WeeklyReport } from '@/lib/domain';
import { compareReports, delta, directionOf, objectivesProgress, offTargetItems } from '@/lib/snapshots';
import { action } from '../kpi/plan-builder';

const kpis = { cpc: null, cpa: null, cpl: null, cpm: null, ctr: null, conversionRate: null, roas: null, openRate: null, clickRate: null };

const row = (over: Partial<ReportAction> = {}): ReportAction => ({
  actionId: 'a1',
  code: 'A01',
  name: 'Search',
  budget: 10_000,
  spendWeek: 500,
  spendToDate: 4000,
  expectedSpendToDate: 4000,
  pacing: 1,
  coverageDays: { week: 7, toDate: 40 },
  metrics: { cost: 4000, clicks: 2000, conversions: 80, leads: 50 },
  kpis: { ...kpis, cpc: 2, cpa: 50, cpl: 80 },
  targets: { cpa: 55, cpl: 70, leads: 200 },
  status: { pacing: 'on', cpa: 'on', cpl: 'off', leads: 'watch' },
  ...over,
});

const report = (actions: ReportAction[], weekStart = '2026-11-16'): WeeklyReport => ({
  planId: 'p1',
  week: { start: weekStart, end: weekStart.replace(/\d\d$/, (d) => String(Number(d) + 6).padStart(2, '0')) },
  currency: 'EUR',
  actions,
  totals: {
    budget: 10_000,
    spendWeek: actions.reduce((s, a) => s + a.spendWeek, 0),
    spendToDate: actions.reduce((s, a) => s + a.spendToDate, 0),
    expectedSpendToDate: 4000,
    pacing: 1,
    metrics: {},
    kpis,
  },
});

describe('a week against the previous one', () => {
  it('says what moved and by how much: statuses, pacing and KPIs with a target', () => {
    const previous = report([row()], '2026-11-09');
    const current = report([
      row({
        spendWeek: 900,
        spendToDate: 4900,
        pacing: 1.25,
        kpis: { ...kpis, cpc: 2.1, cpa: 61, cpl: 64 },
        status: { pacing: 'off', cpa: 'watch', cpl: 'on', leads: 'watch' },
      }),
    ]);
    const c = compareReports(current, previous);
    const a = c.actions[0];
    expect(a?.spendWeek).toEqual({ previous: 500, current: 900, change: 400 });
    expect(a?.pacing.change).toBeCloseTo(0.25, 10);
    expect(a?.statusChanges).toEqual([
      { key: 'pacing', from: 'on', to: 'off' },
      { key: 'cpa', from: 'on', to: 'watch' },
      { key: 'cpl', from: 'off', to: 'on' },
    ]);
    // Worse news first, then better; a status change is said once (not again as a figure).
    expect(c.moves.map((m) => [m.key, m.kind, m.direction])).toEqual([
      ['pacing', 'status', 'worse'],
      ['cpa', 'status', 'worse'],
      ['cpl', 'status', 'better'],
    ]);
    expect(c.moves[1]?.delta).toEqual({ previous: 50, current: 61, change: 11 });
    expect(c.totals.spendWeek.change).toBe(400);
  });

  it('reports a KPI that moved without changing status, and leaves noise and untargeted KPIs out', () => {
    const previous = report([row()], '2026-11-09');
    const current = report([row({ kpis: { ...kpis, cpc: 3, cpa: 52, cpl: 80.2 } })]);
    const moves = compareReports(current, previous).moves;
    // CPA 50 → 52 (+4 %, a target is set); CPL +0.25 % is noise; CPC has no target.
    expect(moves.map((m) => [m.key, m.direction, m.delta.change])).toEqual([['cpa', 'worse', 2]]);
  });

  it('marks actions new to the plan and compares nothing for them', () => {
    const c = compareReports(report([row(), row({ actionId: 'a2', code: 'A02' })]), report([row()], '2026-11-09'));
    expect(c.actions.map((a) => a.isNew)).toEqual([false, true]);
    expect(c.actions[1]?.spendWeek).toEqual({ previous: null, current: 500, change: null });
  });

  it('without a previous week, every figure is new and nothing is said to have moved', () => {
    const c = compareReports(report([row()]), undefined);
    expect(c.moves).toEqual([]);
    expect(c.actions[0]?.statusChanges.length).toBeGreaterThan(0);
    expect(c.totals.pacing).toEqual({ previous: null, current: 1, change: null });
  });

  it('judges directions: costs down, rates up, pacing towards 100 %', () => {
    expect(directionOf('cpl', delta(80, 64))).toBe('better');
    expect(directionOf('ctr', delta(0.02, 0.018))).toBe('worse');
    expect(directionOf('pacing', delta(1.3, 1.1))).toBe('better');
    expect(directionOf('pacing', delta(0.95, 0.8))).toBe('worse');
    expect(directionOf('pacing', delta(null, 0.8))).toBe('neutral');
  });
});

describe('the printable report’s reading of a week', () => {
  it('sums each objective’s volume over the actions that serve it', () => {
    const r = report([
      row(),
      row({ actionId: 'a2', code: 'A02', metrics: { leads: 25 } }),
      row({ actionId: 'a3', code: 'A03', metrics: {} }),
    ]);
    const actions = [
      action({ id: 'a1', objectiveIds: ['o1'] }),
      action({ id: 'a2', objectiveIds: ['o1', 'o2'] }),
      action({ id: 'a3', objectiveIds: ['o2'] }),
    ];
    const objective = (id: string, metric: string, target: number) => ({
      id,
      planId: 'p1',
      name: id,
      metric,
      target,
      deadline: '2026-12-31',
      description: '',
    });
    const progress = objectivesProgress(
      r,
      [objective('o1', 'leads', 300), objective('o2', 'conversions', 100), objective('o3', 'awareness', 1)],
      actions,
    );
    expect(progress.map((p) => [p.actual, p.share, p.actionCodes])).toEqual([
      [75, 0.25, ['A1', 'A1']],
      [null, null, ['A1', 'A1']],
      [null, null, []],
    ]);
  });

  it('lists what is off target first, then what to watch, with volume targets pro-rated', () => {
    // The action runs all of November; the week ends on 22 Nov: 22/30 of it has elapsed.
    const r = report([row()]);
    const items = offTargetItems(r, [action({ id: 'a1', start: '2026-11-01', end: '2026-11-30' })]);
    expect(items.map((i) => [i.key, i.status, i.actual])).toEqual([
      ['cpl', 'off', 80],
      ['leads', 'watch', 50],
    ]);
    expect(items[1]?.targetToDate).toBeCloseTo((200 * 22) / 30, 10);
    expect(items[0]?.targetToDate).toBe(70);
  });
});
