import { describe, expect, it } from 'vitest';
import type { Action, PlanData } from '@/lib/domain';
import { actionStanding, buildWeeklyReport, elapsedShare, expectedSpend, indexPlan, periodFigures, toDay, toDayPeriod } from '@/lib/kpi';
import { action, capture, link, planData, result, spend } from './plan-builder';

const WEEK = { start: '2026-11-09', end: '2026-11-15' };

function onlyAction(data: PlanData): Action {
  const [first] = data.actions;
  if (!first) throw new Error('the plan has no action');
  return first;
}
const weekFigures = (data: PlanData) => periodFigures(indexPlan(data), onlyAction(data), WEEK);
const standingOf = (data: PlanData, asOf: string) => actionStanding(indexPlan(data), onlyAction(data), asOf);

describe('an action’s figures over a period', () => {
  it('takes captured volumes plus result entries; cost is the captured cost when the action has links', () => {
    const data = planData({
      campaignLinks: [link()],
      captures: [capture('2026-11-09', '2026-11-15', { cost: 700, clicks: 350, impressions: 10_000, cpc: 2, ctr: 0.035 })],
      spendEntries: [spend('2026-11-10', 300)],
      resultEntries: [result('2026-11-12', 'leads', 7), result('2026-11-13', 'clicks', 50)],
    });
    const week = weekFigures(data);
    expect(week.volumes).toEqual({ cost: 700, impressions: 10_000, clicks: 400, leads: 7 });
    expect(week.kpis.cpc).toBe(1.75);
    expect(week.kpis.cpl).toBe(100);
    expect(week.spend).toBe(1000); // captured cost + spend entries
    expect(week.coverageDays).toBe(7);
  });

  it('never sums ratios, reach or budget read off a console', () => {
    const data = planData({
      campaignLinks: [link()],
      captures: [
        capture('2026-11-09', '2026-11-09', { cost: 10, clicks: 5, reach: 100, frequency: 1.2, cpc: 2, budget: 50 }),
        capture('2026-11-10', '2026-11-10', { cost: 30, clicks: 10, reach: 150, frequency: 1.1, cpc: 3, budget: 50 }),
      ],
    });
    const week = weekFigures(data);
    expect(week.volumes).toEqual({ cost: 40, clicks: 15 });
    expect(week.kpis.cpc).toBeCloseTo(40 / 15, 12);
  });

  it('takes the cost from spend entries when the action has no links', () => {
    const data = planData({
      spendEntries: [spend('2026-11-10', 900), spend('2026-11-12', 100, { source: 'import' })],
      resultEntries: [result('2026-11-11', 'leads', 40)],
    });
    const week = weekFigures(data);
    expect(week.volumes).toEqual({ cost: 1000, leads: 40 });
    expect(week.kpis.cpl).toBe(25);
    expect(week.spend).toBe(1000);
    expect(week.coverageDays).toBeNull();
  });

  it('has no cost figure when an action without links logged no spend', () => {
    const data = planData({ resultEntries: [result('2026-11-11', 'leads', 40)] });
    const week = weekFigures(data);
    expect(week.volumes).toEqual({ leads: 40 });
    expect(week.kpis.cpl).toBeNull();
  });

  it('ignores spend entries that copy a capture', () => {
    const data = planData({
      campaignLinks: [link()],
      captures: [capture('2026-11-09', '2026-11-15', { cost: 700 })],
      spendEntries: [spend('2026-11-16', 700, { source: 'capture' }), spend('2026-11-11', 50)],
    });
    const standing = standingOf(data, '2026-11-20');
    expect(standing.toDate.spend).toBe(750);
    const noLinks = planData({ spendEntries: [spend('2026-11-10', 400, { source: 'capture' })] });
    expect(weekFigures(noLinks).volumes).toEqual({});
  });

  it('counts result entries and spend entries only inside the action’s dates', () => {
    const data = planData({
      actions: [action({ start: '2026-11-10', end: '2026-11-13' })],
      spendEntries: [spend('2026-11-09', 5), spend('2026-11-10', 10), spend('2026-11-13', 20), spend('2026-11-14', 40)],
      resultEntries: [result('2026-11-09', 'leads', 1), result('2026-11-13', 'leads', 2), result('2026-11-14', 'leads', 4)],
    });
    const week = weekFigures(data);
    expect(week.range).toEqual({ start: '2026-11-10', end: '2026-11-13' });
    expect(week.days).toBe(4);
    expect(week.spend).toBe(30);
    expect(week.volumes.leads).toBe(2);
  });

  it('clips the week to the action, so a week’s capture starting before the action is not used', () => {
    const data = planData({
      actions: [action({ start: '2026-11-11', end: '2026-12-31' })],
      campaignLinks: [link()],
      captures: [
        capture('2026-11-09', '2026-11-15', { cost: 700 }),
        capture('2026-11-12', '2026-11-12', { cost: 100 }),
        capture('2026-11-13', '2026-11-13', { cost: 110 }),
      ],
    });
    const week = weekFigures(data);
    expect(week.spend).toBe(210);
    expect(week.coverageDays).toBe(2);
  });

  it('leaves out captures in another currency', () => {
    const data = planData({
      campaignLinks: [link()],
      captures: [
        capture('2026-11-09', '2026-11-15', { cost: 700 }),
        capture('2026-11-16', '2026-11-16', { cost: 90 }, { currency: 'USD' }),
      ],
    });
    expect(standingOf(data, '2026-11-20').toDate.volumes).toEqual({ cost: 700 });
  });

  it('reports the fewest days covered over the action’s links (0 for a link without captures)', () => {
    const two = planData({
      campaignLinks: [link(), link({ campaignId: 'cmp-2', campaignName: 'Other' })],
      captures: [
        capture('2026-11-09', '2026-11-15', { cost: 700 }),
        capture('2026-11-09', '2026-11-11', { cost: 70 }, { campaignId: 'cmp-2', campaignName: 'Other' }),
      ],
    });
    expect(weekFigures(two).coverageDays).toBe(3);
    const silent = planData({
      campaignLinks: [link({ campaignId: 'cmp-404' })],
      captures: [capture('2026-11-09', '2026-11-15', { cost: 1 })],
    });
    expect(weekFigures(silent).coverageDays).toBe(0);
  });

  it('does not let the action’s status change its figures', () => {
    const rows = {
      campaignLinks: [link()],
      captures: [capture('2026-11-09', '2026-11-15', { cost: 700, clicks: 100 })],
      spendEntries: [spend('2026-11-10', 10)],
    };
    const running = planData(rows);
    const paused = planData({ ...rows, actions: [action({ status: 'paused' })] });
    expect(standingOf(paused, '2026-11-20')).toEqual({
      ...standingOf(running, '2026-11-20'),
      action: paused.actions[0],
    });
  });
});

describe('pacing', () => {
  const period = toDayPeriod({ start: '2026-11-01', end: '2026-11-30' });

  it('counts the elapsed share of the action’s days, as-of day included, clipped to the period', () => {
    expect(elapsedShare(period, toDay('2026-10-31'))).toBe(0);
    expect(elapsedShare(period, toDay('2026-11-01'))).toBe(1 / 30);
    expect(elapsedShare(period, toDay('2026-11-15'))).toBe(0.5);
    expect(elapsedShare(period, toDay('2026-11-30'))).toBe(1);
    expect(elapsedShare(period, toDay('2027-01-15'))).toBe(1);
  });

  it('expects the budget pro-rated, or the schedule’s amounts dated from the start to the as-of day', () => {
    const plain = action({ budget: 3000 });
    expect(expectedSpend(plain, toDay('2026-11-15'))).toBe(1500);
    const scheduled = action({
      budget: 3000,
      schedule: [
        { date: '2026-10-20', amount: 999, note: 'before the start: not expected' },
        { date: '2026-11-01', amount: 1000, note: 'deposit' },
        { date: '2026-11-15', amount: 500, note: '' },
        { date: '2026-11-16', amount: 1500, note: 'balance' },
      ],
    });
    expect(expectedSpend(scheduled, toDay('2026-10-31'))).toBe(0);
    expect(expectedSpend(scheduled, toDay('2026-11-01'))).toBe(1000);
    expect(expectedSpend(scheduled, toDay('2026-11-15'))).toBe(1500);
    expect(expectedSpend(scheduled, toDay('2026-12-31'))).toBe(3000);
  });

  it('pro-rates volume targets by the elapsed share, schedule or not', () => {
    const data = planData({
      actions: [action({ targets: { leads: 100 }, schedule: [{ date: '2026-11-01', amount: 3000, note: '' }] })],
      spendEntries: [spend('2026-11-02', 3000)],
      resultEntries: [result('2026-11-05', 'leads', 45)],
    });
    // As of 15 Nov, half the period: 45 leads against 50 is within tolerance.
    const standing = standingOf(data, '2026-11-15');
    expect(standing.elapsedShare).toBe(0.5);
    expect(standing.expectedSpendToDate).toBe(3000);
    expect(standing.pacing).toBe(1);
    expect(standing.status).toEqual({ pacing: 'on', leads: 'watch' });
  });

  it('has zero spend, zero expected spend and no pacing before the action starts', () => {
    const data = planData({
      actions: [action({ start: '2026-11-25', targets: { cpm: 7 } })],
      campaignLinks: [link()],
      captures: [capture('2026-11-20', '2026-11-20', { cost: 50, impressions: 1000 })],
      spendEntries: [spend('2026-11-20', 650)],
    });
    const standing = standingOf(data, '2026-11-22');
    expect(standing.toDate.spend).toBe(0);
    expect(standing.toDate.range).toBeNull();
    expect(standing.toDate.volumes).toEqual({});
    expect(standing.toDate.coverageDays).toBe(0);
    expect(standing.expectedSpendToDate).toBe(0);
    expect(standing.pacing).toBeNull();
    expect(standing.status).toEqual({ pacing: 'none', cpm: 'none' });
  });

  it('stops the to-date period at the action’s end', () => {
    const data = planData({
      actions: [action({ end: '2026-11-27' })],
      spendEntries: [spend('2026-11-27', 100), spend('2026-11-30', 95)],
    });
    const standing = standingOf(data, '2026-11-29');
    expect(standing.toDate.range).toEqual({ start: '2026-11-01', end: '2026-11-27' });
    expect(standing.toDate.spend).toBe(100);
    expect(standing.elapsedShare).toBe(1);
  });
});

describe('plan totals', () => {
  it('sums money and volumes, and blends each KPI over the actions having both its inputs', () => {
    const data = planData({
      actions: [
        action({ id: 'act-1', budget: 1000 }),
        action({ id: 'act-2', code: 'A2', budget: 2000 }),
        action({ id: 'act-3', code: 'A3', budget: 0, channel: 'emailing' }),
      ],
      campaignLinks: [
        link({ actionId: 'act-1' }),
        link({ actionId: 'act-2', campaignId: 'cmp-2' }),
        link({ actionId: 'act-3', console: 'brevo', accountId: null, campaignId: null, campaignName: 'Newsletter' }),
      ],
      captures: [
        capture('2026-11-01', '2026-11-15', { cost: 100, clicks: 50, impressions: 1000 }),
        capture('2026-11-01', '2026-11-15', { cost: 300, clicks: 100 }, { campaignId: 'cmp-2' }),
        capture(
          '2026-11-01',
          '2026-11-15',
          { clicks: 40, delivered: 1000, opens: 250 },
          { console: 'brevo', accountId: null, campaignId: null, campaignName: 'Newsletter' },
        ),
      ],
    });
    const { totals } = buildWeeklyReport(data, '2026-11-09');
    expect(totals.budget).toBe(3000);
    expect(totals.metrics).toEqual({ cost: 400, impressions: 1000, clicks: 190, delivered: 1000, opens: 250 });
    expect(totals.kpis.cpc).toBeCloseTo(400 / 150, 12); // not the e-mail's clicks, which have no cost
    expect(totals.kpis.ctr).toBeCloseTo(50 / 1000, 12); // only the action with impressions
    expect(totals.kpis.cpm).toBeCloseTo((1000 * 100) / 1000, 12);
    expect(totals.kpis.clickRate).toBeCloseTo(40 / 1000, 12);
    expect(totals.kpis.openRate).toBe(0.25);
    expect(totals.kpis.roas).toBeNull();
    expect(totals.spendToDate).toBe(400);
    expect(totals.expectedSpendToDate).toBe(1500);
    expect(totals.pacing).toBeCloseTo(400 / 1500, 12);
  });
});
