import { describe, expect, it } from 'vitest';
import { periodRows } from '@/lib/insights';
import { computeActions, indexPlan, periodFigures } from '@/lib/kpi';
import { action, capture, demoData, link, planData } from './builders';

describe('week by week and month by month', () => {
  const data = planData({
    actions: [action({ start: '2026-11-02', end: '2026-11-29', budget: 2800, targets: { cpc: 2, clicks: 1400 } })],
    campaignLinks: [link()],
    captures: [
      capture('2026-11-02', '2026-11-08', { cost: 700, clicks: 350 }),
      capture('2026-11-09', '2026-11-15', { cost: 900, clicks: 300 }),
      capture('2026-11-16', '2026-11-18', { cost: 300, clicks: 150 }),
    ],
  });

  it('gives each week begun by the as-of day, with its spend, expected spend and KPIs', () => {
    const rows = periodRows(data, { granularity: 'week', asOf: '2026-11-18' });
    expect(rows.map((r) => r.period.start)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(rows.map((r) => r.spend)).toEqual([700, 900, 300]);
    expect(rows.map((r) => r.partial)).toEqual([false, false, true]);
    expect(rows[0]?.expectedSpend).toBeCloseTo(700, 9); // 2800 × 7/28
    expect(rows[2]?.expectedSpend).toBeCloseTo(300, 9); // 3 days so far
    expect(rows[1]?.kpis.cpc).toBe(3);
    expect(rows.map((r) => r.incomplete)).toEqual([false, false, false]);
  });

  it('flags a period whose captures do not cover every day', () => {
    const monthly = planData({
      actions: [action({ start: '2026-11-02', end: '2026-11-29' })],
      campaignLinks: [link()],
      captures: [capture('2026-11-02', '2026-11-29', { cost: 2800 }), capture('2026-11-16', '2026-11-18', { cost: 300 })],
    });
    const rows = periodRows(monthly, { granularity: 'week', asOf: '2026-11-18' });
    // The month-long capture lies in no week: weeks 1 and 2 have no figure, week 3 has its three days.
    expect(rows.map((r) => [r.spend, r.incomplete])).toEqual([
      [0, true],
      [0, true],
      [300, false],
    ]);
  });

  it('judges one action’s targets on each period alone, volumes pro-rated to the period’s days', () => {
    const rows = periodRows(data, { granularity: 'week', asOf: '2026-11-18', actionIds: ['act-1'] });
    expect(rows[0]?.status).toEqual({ pacing: 'on', cpc: 'on', clicks: 'on' }); // 350 ≥ 1400 × 7/28
    expect(rows[1]?.status).toMatchObject({ cpc: 'off', clicks: 'off' }); // 300 < 350 × 0.9
    expect(rows[2]?.status.clicks).toBe('on'); // 150 ≥ 1400 × 3/28
  });

  it('uses the engine’s period figures, month by month from the first action’s start', () => {
    const demo = demoData();
    const index = indexPlan(demo);
    const rows = periodRows(index, { granularity: 'month', asOf: '2026-11-24' });
    expect(rows.map((r) => r.period.start)).toEqual(['2026-09-01', '2026-10-01', '2026-11-01']);
    const october = rows[1];
    const expected = demo.actions.reduce((s, a) => s + periodFigures(index, a, { start: '2026-10-01', end: '2026-10-31' }).spend, 0);
    expect(october?.spend).toBeCloseTo(expected, 6);
    expect(Object.keys(october?.status ?? {})).toEqual(['pacing']);
  });

  it('gives nothing for a scope with no action', () => {
    expect(periodRows(data, { granularity: 'week', asOf: '2026-11-18', actionIds: [] })).toEqual([]);
    expect(computeActions(data, '2026-11-18')).toHaveLength(1);
  });
});
