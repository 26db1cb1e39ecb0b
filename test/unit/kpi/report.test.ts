import { describe, expect, it } from 'vitest';
import { KPI_KEYS, weeklyReportSchema } from '@/lib/domain';
import { buildWeeklyReport, indexPlan } from '@/lib/kpi';
import { loadExpected, loadPlanData, reportCases, reportDifferences } from './compare-report';
import { action, capture, link, planData } from './plan-builder';

describe('the weekly report reproduces the expected reports', () => {
  it('has cases to check', () => {
    expect(reportCases.length).toBeGreaterThanOrEqual(3);
  });

  it.each(reportCases)('$backup, plan $plan, week of $weekStart', ({ backup, plan, weekStart, expected }) => {
    const data = loadPlanData(backup, plan);
    const report = buildWeeklyReport(data, weekStart);
    expect(reportDifferences(report, loadExpected(expected))).toEqual([]);
    expect(report.actions.map((a) => a.actionId)).toEqual(data.actions.map((a) => a.id));
    expect(weeklyReportSchema.safeParse(report).success).toBe(true);
  });

  it('the comparison catches a figure that is off', () => {
    const [first] = reportCases;
    if (!first) throw new Error('no case');
    const report = buildWeeklyReport(loadPlanData(first.backup, first.plan), first.weekStart);
    const expected = loadExpected(first.expected);
    const tampered = { ...report, actions: report.actions.map((a, i) => (i === 0 ? { ...a, spendWeek: a.spendWeek + 0.01 } : a)) };
    expect(reportDifferences(tampered, expected)).toHaveLength(1);
    const renamedStatus = {
      ...report,
      actions: report.actions.map((a, i) => (i === 0 ? { ...a, status: { ...a.status, pacing: 'off' } } : a)),
    };
    expect(reportDifferences(renamedStatus, expected)).toHaveLength(1);
  });

  it('gives the same report from the plan’s rows or from their index', () => {
    const [first] = reportCases;
    if (!first) throw new Error('no case');
    const data = loadPlanData(first.backup, first.plan);
    expect(buildWeeklyReport(indexPlan(data), first.weekStart)).toEqual(buildWeeklyReport(data, first.weekStart));
  });
});

describe('the report contract', () => {
  const data = planData({
    actions: [
      action({ id: 'act-b', code: 'B', targets: { cpc: 2, leads: 10 } }),
      action({ id: 'act-a', code: 'A', start: '2026-12-01', end: '2026-12-31', targets: {} }),
      action({ id: 'act-c', code: 'C' }),
    ],
    campaignLinks: [link({ actionId: 'act-b' }), link({ actionId: 'act-a', campaignId: 'cmp-a' })],
    captures: [capture('2026-11-16', '2026-11-22', { cost: 70, clicks: 40 })],
  });
  const report = buildWeeklyReport(data, '2026-11-16');

  it('covers the 7 days from the week start, in the plan’s currency', () => {
    expect(report.week).toEqual({ start: '2026-11-16', end: '2026-11-22' });
    expect(report.planId).toBe('plan-1');
    expect(report.currency).toBe('EUR');
  });

  it('lists every action in stored order with all nine KPI keys', () => {
    expect(report.actions.map((a) => a.code)).toEqual(['B', 'A', 'C']);
    for (const row of report.actions) expect(Object.keys(row.kpis)).toEqual([...KPI_KEYS]);
    expect(report.actions[0]?.kpis.cpc).toBe(70 / 40);
  });

  it('gives pacing and one status per set target', () => {
    expect(Object.keys(report.actions[0]?.status ?? {})).toEqual(['pacing', 'cpc', 'leads']);
    expect(report.actions[0]?.status.leads).toBe('none'); // no leads figure: undefined, not 0
    expect(report.actions[2]?.status).toEqual({ pacing: 'off' });
    expect(report.actions[0]?.targets).toEqual({ cpc: 2, leads: 10 });
  });

  it('lists an action that has not started with zero spend and no pacing', () => {
    expect(report.actions[1]).toMatchObject({
      spendWeek: 0,
      spendToDate: 0,
      expectedSpendToDate: 0,
      pacing: null,
      coverageDays: { week: 0, toDate: 0 },
      metrics: {},
      status: { pacing: 'none' },
    });
  });

  it('gives null coverage to an action without links', () => {
    expect(report.actions[2]?.coverageDays).toEqual({ week: null, toDate: null });
  });

  it('refuses a week start that is not a calendar day', () => {
    expect(() => buildWeeklyReport(data, '2026-11-31')).toThrow(RangeError);
  });
});
