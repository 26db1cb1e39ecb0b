import { describe, expect, it } from 'vitest';
import { buildWeeklyReport, computeActions, indexPlan, periodsCovering, spendSeries } from '@/lib/kpi';
import { loadPlanData, reportCases } from './compare-report';
import { action, capture, link, plan, planData, spend } from './plan-builder';

describe('actions as of a day', () => {
  const data = planData({
    plan: plan({ weekStartsOn: 1 }),
    actions: [action({ id: 'act-1' }), action({ id: 'act-2', code: 'A2' }), action({ id: 'act-3', code: 'A3' })],
    campaignLinks: [link({ actionId: 'act-1' })],
    captures: [
      capture('2026-11-01', '2026-11-01', { cost: 10 }),
      capture('2026-11-16', '2026-11-16', { cost: 20 }),
      capture('2026-11-18', '2026-11-18', { cost: 40 }),
    ],
    spendEntries: [spend('2026-11-17', 5, { actionId: 'act-2' })],
  });

  it('computes only the actions asked for, in stored order', () => {
    const rows = computeActions(data, '2026-11-18', ['act-3', 'act-1']);
    expect(rows.map((r) => r.action.id)).toEqual(['act-1', 'act-3']);
    expect(computeActions(data, '2026-11-18')).toHaveLength(3);
  });

  it('gives to-date, this week’s and this month’s figures with the same engine as the report', () => {
    const [first] = computeActions(indexPlan(data), '2026-11-18', ['act-1']);
    expect(first?.toDate.spend).toBe(70);
    expect(first?.week.range).toEqual({ start: '2026-11-16', end: '2026-11-22' });
    expect(first?.week.spend).toBe(60);
    expect(first?.month.range).toEqual({ start: '2026-11-01', end: '2026-11-30' });
    expect(first?.month.spend).toBe(70);
    expect(first?.expectedSpendToDate).toBe(1800); // 3000 × 18/30
  });

  it('agrees with the weekly report on the demo plan as of a week’s end', () => {
    const [demo] = reportCases;
    if (!demo) throw new Error('no case');
    const planRows = loadPlanData(demo.backup, demo.plan);
    const report = buildWeeklyReport(planRows, demo.weekStart);
    const overview = computeActions(planRows, report.week.end);
    expect(overview.map((row) => row.action.id)).toEqual(report.actions.map((a) => a.actionId));
    for (const [i, row] of overview.entries()) {
      const reported = report.actions[i];
      expect(row.week.spend).toBe(reported?.spendWeek);
      expect(row.toDate.spend).toBe(reported?.spendToDate);
      expect(row.toDate.volumes).toEqual(reported?.metrics);
      expect(row.pacing).toBe(reported?.pacing);
      expect(row.status).toEqual(reported?.status);
    }
  });
});

describe('spend series', () => {
  it('splits a range into whole weeks or calendar months', () => {
    expect(periodsCovering({ start: '2026-11-04', end: '2026-11-20' }, 'week', 1)).toEqual([
      { start: '2026-11-02', end: '2026-11-08' },
      { start: '2026-11-09', end: '2026-11-15' },
      { start: '2026-11-16', end: '2026-11-22' },
    ]);
    expect(periodsCovering({ start: '2026-11-15', end: '2027-01-02' }, 'month', 1)).toEqual([
      { start: '2026-11-01', end: '2026-11-30' },
      { start: '2026-12-01', end: '2026-12-31' },
      { start: '2027-01-01', end: '2027-01-31' },
    ]);
  });

  it('gives spend per period, spend to date and the expected line, with no actual after the as-of day', () => {
    const data = planData({
      plan: plan({ start: '2026-11-02', end: '2026-11-22' }),
      actions: [action({ start: '2026-11-02', end: '2026-11-22', budget: 2100 })],
      campaignLinks: [link()],
      captures: [capture('2026-11-02', '2026-11-08', { cost: 600 }), capture('2026-11-09', '2026-11-10', { cost: 250 })],
      spendEntries: [spend('2026-11-03', 100)],
    });
    const series = spendSeries(data, { granularity: 'week', asOf: '2026-11-12' });
    expect(series).toEqual([
      { period: { start: '2026-11-02', end: '2026-11-08' }, spend: 700, spendToDate: 700, expectedSpendToDate: 700 },
      { period: { start: '2026-11-09', end: '2026-11-15' }, spend: 250, spendToDate: 950, expectedSpendToDate: 1400 },
      { period: { start: '2026-11-16', end: '2026-11-22' }, spend: null, spendToDate: null, expectedSpendToDate: 2100 },
    ]);
  });
});
