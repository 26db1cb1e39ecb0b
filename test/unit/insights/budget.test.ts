import { describe, expect, it } from 'vitest';
import { CHANNELS, LEVERS } from '@/lib/domain';
import { actionsSpan, budgetBreakdown, budgetByMonth, groupTotals, planSpan, planTotals } from '@/lib/insights';
import { buildWeeklyReport, computeActions } from '@/lib/kpi';
import { action, capture, demoData, link, planData, spend } from './builders';

describe('plan totals and subtotals', () => {
  it('agree with the weekly report’s totals on the demo plan as of a week’s end', () => {
    const data = demoData();
    const report = buildWeeklyReport(data, '2026-11-16');
    const totals = planTotals(computeActions(data, report.week.end));
    expect(totals.budget).toBe(report.totals.budget);
    expect(totals.spendToDate).toBeCloseTo(report.totals.spendToDate, 6);
    expect(totals.spendWeek).toBeCloseTo(report.totals.spendWeek, 6);
    expect(totals.pacing).toBeCloseTo(report.totals.pacing ?? Number.NaN, 9);
    expect(totals.kpis).toEqual(report.totals.kpis);
  });

  it('groups by channel in the given order, each group blended from its own actions only', () => {
    const data = planData({
      actions: [
        action({ id: 'a', channel: 'event', budget: 1000 }),
        action({ id: 'b', channel: 'google-ads', budget: 2000 }),
        action({ id: 'c', channel: 'google-ads', budget: 500 }),
      ],
      campaignLinks: [link({ actionId: 'b' })],
      captures: [capture('2026-11-02', '2026-11-02', { cost: 100, clicks: 50, conversions: 4 })],
      spendEntries: [spend('2026-11-03', 300, { actionId: 'a' })],
    });
    const groups = groupTotals(computeActions(data, '2026-11-10'), (a) => a.channel, CHANNELS);
    expect(groups.map((g) => g.key)).toEqual(['google-ads', 'event']);
    expect(groups[0]?.totals.budget).toBe(2500);
    expect(groups[0]?.totals.kpis.cpa).toBe(25);
    expect(groups[1]?.totals.spendToDate).toBe(300);
    // The trade show's spend does not leak into the search CPA.
    expect(groups[1]?.totals.kpis.cpa).toBeNull();
  });
});

describe('budget by channel and lever', () => {
  it('sums to the plan budget with shares of it, on the demo plan', () => {
    const rows = computeActions(demoData(), '2026-11-24');
    const byChannel = budgetBreakdown(rows, (a) => a.channel, CHANNELS);
    const byLever = budgetBreakdown(rows, (a) => a.lever, LEVERS);
    expect(byChannel.total.budget).toBe(66_400);
    expect(byChannel.lines.reduce((s, l) => s + l.budget, 0)).toBe(66_400);
    expect(byLever.lines.reduce((s, l) => s + l.budget, 0)).toBe(66_400);
    expect(byChannel.lines.reduce((s, l) => s + (l.shareOfBudget ?? 0), 0)).toBeCloseTo(1, 12);
    expect(byChannel.lines.find((l) => l.key === 'google-ads')).toMatchObject({ budget: 32_600, actionCount: 2 });
    expect(byChannel.lines.reduce((s, l) => s + l.spent, 0)).toBeCloseTo(byChannel.total.spent, 6);
    expect(byLever.lines.map((l) => l.key)).toEqual(['promotion', 'people', 'physical-evidence']);
  });

  it('says nothing of a share or consumption where the budget is 0', () => {
    const rows = computeActions(planData({ actions: [action({ budget: 0 })] }), '2026-11-10');
    const { lines, total } = budgetBreakdown(rows, (a) => a.channel, CHANNELS);
    expect(lines[0]?.shareOfBudget).toBeNull();
    expect(lines[0]?.consumed).toBeNull();
    expect(total.consumed).toBeNull();
  });
});

describe('budget by month', () => {
  it('plans each action’s budget over its days, month by month, to the plan budget', () => {
    const data = planData({ actions: [action({ start: '2026-10-17', end: '2026-11-15', budget: 3000 })] });
    const { months, unscheduled, totalBudget } = budgetByMonth(data, '2026-10-31');
    // 30 days: 15 in October, 15 in November.
    expect(months.map((m) => m.period.start)).toContain('2026-10-01');
    const october = months.find((m) => m.period.start === '2026-10-01');
    const november = months.find((m) => m.period.start === '2026-11-01');
    expect(october?.planned).toBeCloseTo(1500, 9);
    expect(november?.planned).toBeCloseTo(1500, 9);
    expect(november?.spent).toBeNull();
    expect(months.reduce((s, m) => s + m.planned, 0)).toBeCloseTo(totalBudget, 9);
    expect(unscheduled).toBe(0);
  });

  it('plans a spend schedule on its dates, and shows what the schedule leaves out', () => {
    const data = planData({
      actions: [
        action({
          start: '2026-10-01',
          end: '2026-11-30',
          budget: 5000,
          schedule: [
            { date: '2026-10-05', amount: 1000, note: '' },
            { date: '2026-11-20', amount: 3000, note: '' },
          ],
        }),
      ],
    });
    const { months, unscheduled } = budgetByMonth(data, '2026-11-24');
    expect(months.find((m) => m.period.start === '2026-10-01')?.planned).toBe(1000);
    expect(months.find((m) => m.period.start === '2026-11-01')?.planned).toBe(3000);
    expect(unscheduled).toBe(1000);
  });

  it('keeps spend of a capture straddling two months to date, not in either month', () => {
    const data = planData({
      actions: [action({ start: '2026-10-01', end: '2026-11-30' })],
      campaignLinks: [link()],
      captures: [capture('2026-10-28', '2026-11-03', { cost: 700 }), capture('2026-11-04', '2026-11-04', { cost: 50 })],
    });
    const result = budgetByMonth(data, '2026-11-10');
    expect(result.spentToDate).toBe(750);
    expect(result.months.find((m) => m.period.start === '2026-11-01')?.spent).toBe(50);
    expect(result.notInAMonth).toBe(700);
  });

  it('covers actions that run past the plan’s end', () => {
    const data = planData({ actions: [action({ start: '2026-12-15', end: '2027-01-14' })] });
    expect(planSpan(data)).toEqual({ start: '2026-01-01', end: '2027-01-14' });
    expect(actionsSpan(data.actions)).toEqual({ start: '2026-12-15', end: '2027-01-14' });
    expect(actionsSpan([])).toBeNull();
    const { months, totalBudget } = budgetByMonth(data, '2026-11-10');
    expect(months.at(-1)?.period.start).toBe('2027-01-01');
    expect(months.reduce((s, m) => s + m.planned, 0)).toBeCloseTo(totalBudget, 9);
  });

  it('sums the demo plan’s months to its budget, and its spend to date', () => {
    const { months, unscheduled, totalBudget, spentToDate, notInAMonth } = budgetByMonth(demoData(), '2026-11-24');
    expect(totalBudget).toBe(66_400);
    expect(months.reduce((s, m) => s + m.planned, 0) + unscheduled).toBeCloseTo(66_400, 6);
    expect(months.reduce((s, m) => s + (m.spent ?? 0), 0) + notInAMonth).toBeCloseTo(spentToDate, 6);
  });

  it('counts a month in progress up to the as-of day only', () => {
    const data = planData({
      actions: [action({ start: '2026-11-01', end: '2026-11-30' })],
      spendEntries: [spend('2026-11-05', 100), spend('2026-11-20', 40)],
    });
    const november = budgetByMonth(data, '2026-11-10').months.find((m) => m.period.start === '2026-11-01');
    expect(november?.spent).toBe(100);
    expect(budgetByMonth(data, '2026-11-10').notInAMonth).toBe(0);
  });
});
