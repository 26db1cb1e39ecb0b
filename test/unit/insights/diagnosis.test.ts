import { describe, expect, it } from 'vitest';
import { diagnose, type KpiTrends, kpiTrends, trendOf } from '@/lib/insights';
import { computeActions, indexPlan } from '@/lib/kpi';
import { action, capture, demoData, link, plan, planData, spend } from './builders';

const ASOF = '2026-11-24';

/** A search action: 3 weeks of good conversion rate, then two weeks where it collapses. */
function searchPlan(targets: Record<string, number>) {
  return planData({
    plan: plan({ weekStartsOn: 1 }),
    actions: [action({ start: '2026-10-26', end: '2026-11-29', budget: 3500, targets })],
    campaignLinks: [link()],
    captures: [
      capture('2026-10-26', '2026-11-15', { cost: 2100, clicks: 1000, impressions: 20_000, conversions: 50 }),
      capture('2026-11-16', '2026-11-24', { cost: 900, clicks: 450, impressions: 9000, conversions: 9 }),
    ],
  });
}

function run(data: ReturnType<typeof planData>, asOf = ASOF) {
  const index = indexPlan(data);
  const rows = computeActions(index, asOf);
  const trends = new Map<string, KpiTrends>(rows.map((r) => [r.action.id, kpiTrends(index, r.action, asOf)]));
  return { rows, items: diagnose(rows, trends, data.plan.tolerance) };
}

describe('trends', () => {
  it('compares the last complete week and this week with the weeks before', () => {
    const data = searchPlan({});
    const index = indexPlan(data);
    const trends = kpiTrends(index, data.actions[0] ?? action(), ASOF);
    expect(trends.recent).toEqual({ start: '2026-11-16', end: '2026-11-24' });
    expect(trends.earlier).toEqual({ start: '2026-10-26', end: '2026-11-15' });
    expect(trends.recentKpis?.conversionRate).toBeCloseTo(0.02, 12);
    expect(trends.earlierKpis?.conversionRate).toBeCloseTo(0.05, 12);
    expect(trends.direction.conversionRate).toBe('down');
    expect(trends.direction.cpc).toBe('flat'); // 2.10 then 2.00: within 10 %
  });

  it('has no direction without figures on both sides, or before the action has two windows', () => {
    expect(trendOf(null, 3, 0.1)).toBeNull();
    expect(trendOf(1.2, 1, 0.1)).toBe('up');
    expect(trendOf(1.05, 1, 0.1)).toBe('flat');
    const young = planData({ actions: [action({ start: '2026-11-20', end: '2026-12-20' })] });
    const trends = kpiTrends(indexPlan(young), young.actions[0] ?? action(), ASOF);
    expect(trends.earlier).toBeNull();
    expect(trends.direction.cpa).toBeNull();
  });
});

describe('what is off target and what to look at', () => {
  it('reads CPA over target with a falling conversion rate as a landing page or audience question', () => {
    const { items } = run(searchPlan({ cpa: 40 }));
    const cpa = items.find((i) => i.key === 'cpa');
    // 3000 / 59 = 50.85 against 40: 27 % over.
    expect(cpa).toMatchObject({ status: 'off', direction: 'above', target: 40 });
    expect(cpa?.actual).toBeCloseTo(3000 / 59, 9);
    expect(cpa?.gap).toBeCloseTo(3000 / 59 / 40 - 1, 9);
    expect(cpa?.hints[0]).toBe('landingPageOrAudience');
    expect(cpa?.movements).toEqual([{ kpi: 'conversionRate', trend: 'down', recent: 0.02, earlier: 0.05 }]);
  });

  it('reads CPA over target with a rising CPC as bids and competition', () => {
    const data = planData({
      actions: [action({ start: '2026-10-26', end: '2026-11-29', targets: { cpa: 40 } })],
      campaignLinks: [link()],
      captures: [
        capture('2026-10-26', '2026-11-15', { cost: 1000, clicks: 1000, conversions: 30 }),
        capture('2026-11-16', '2026-11-24', { cost: 1500, clicks: 500, conversions: 15 }),
      ],
    });
    const cpa = run(data).items.find((i) => i.key === 'cpa');
    expect(cpa?.hints).toEqual(['bidsOrCompetition']);
    expect(cpa?.movements.map((m) => m.kpi)).toEqual(['cpc']);
  });

  it('falls back to tracking and search terms (search) or audience and form (social) when nothing else moved', () => {
    const data = planData({
      actions: [action({ start: '2026-11-01', end: '2026-11-30', targets: { cpa: 10 } })],
      campaignLinks: [link()],
      captures: [capture('2026-11-01', '2026-11-24', { cost: 1000, clicks: 500, conversions: 20 })],
    });
    expect(run(data).items.find((i) => i.key === 'cpa')?.hints).toEqual(['trackingOrSearchTerms']);
    const social = { ...data, actions: data.actions.map((a) => ({ ...a, channel: 'linkedin-ads' as const })) };
    expect(run(social).items.find((i) => i.key === 'cpa')?.hints).toEqual(['audienceAndLeadForm']);
  });

  it('sorts off before watch, then by how far off', () => {
    const data = planData({
      actions: [
        action({ id: 'near', code: 'N', start: '2026-11-01', end: '2026-11-30', targets: { cpc: 1.9 } }),
        action({ id: 'far', code: 'F', start: '2026-11-01', end: '2026-11-30', targets: { cpc: 1 } }),
        action({ id: 'mid', code: 'M', start: '2026-11-01', end: '2026-11-30', targets: { cpc: 1.5 } }),
      ],
      campaignLinks: [
        link({ actionId: 'near' }),
        link({ actionId: 'far', campaignId: 'cmp-2' }),
        link({ actionId: 'mid', campaignId: 'cmp-3' }),
      ],
      captures: [
        capture('2026-11-01', '2026-11-24', { cost: 2000, clicks: 1000 }),
        capture('2026-11-01', '2026-11-24', { cost: 2000, clicks: 1000 }, { campaignId: 'cmp-2' }),
        capture('2026-11-01', '2026-11-24', { cost: 2000, clicks: 1000 }, { campaignId: 'cmp-3' }),
      ],
    });
    const cpc = run(data).items.filter((i) => i.key === 'cpc');
    expect(cpc.map((i) => [i.actionId, i.status])).toEqual([
      ['far', 'off'],
      ['mid', 'off'],
      ['near', 'watch'],
    ]);
    expect(cpc[0]?.gap).toBeCloseTo(1, 12);
  });

  it('tells a paused action from one that does not deliver, and overspending from both', () => {
    const data = planData({
      actions: [
        action({ id: 'paused', code: 'P', status: 'paused' }),
        action({ id: 'slow', code: 'S' }),
        action({ id: 'fast', code: 'F' }),
      ],
      campaignLinks: [link({ actionId: 'slow' }), link({ actionId: 'fast', campaignId: 'cmp-2' })],
      captures: [
        capture('2026-11-01', '2026-11-24', { cost: 100 }),
        capture('2026-11-01', '2026-11-24', { cost: 2800 }, { campaignId: 'cmp-2' }),
      ],
    });
    const { items } = run(data);
    const pacing = new Map(items.filter((i) => i.key === 'pacing').map((i) => [i.actionId, i]));
    expect(pacing.get('paused')?.hints).toEqual(['notRunning']);
    expect(pacing.get('slow')?.hints).toEqual(['underDelivery']);
    expect(pacing.get('slow')?.direction).toBe('below');
    expect(pacing.get('fast')?.hints).toEqual(['overspending']);
    expect(pacing.get('fast')?.direction).toBe('above');
  });

  it('reads the pacing of logged costs (a trade show) as invoices, not delivery', () => {
    const data = planData({
      actions: [action({ id: 'show', channel: 'event', targets: { leads: 100 } }), action({ id: 'deposit', code: 'D', channel: 'event' })],
      spendEntries: [spend('2026-11-02', 100, { actionId: 'show' }), spend('2026-11-02', 2900, { actionId: 'deposit' })],
    });
    const { items } = run(data);
    const find = (id: string, key: string) => items.find((i) => i.actionId === id && i.key === key);
    expect(find('show', 'pacing')?.hints).toEqual(['unloggedSpend']);
    expect(find('deposit', 'pacing')?.hints).toEqual(['costsAheadOfSchedule']);
  });

  it('words a volume behind in the channel’s terms', () => {
    const volumes = (channel: 'event' | 'emailing' | 'print' | 'meta-ads') => {
      const data = planData({
        actions: [action({ channel, targets: { leads: 100 } })],
        campaignLinks:
          channel === 'meta-ads' || channel === 'emailing' ? [link({ console: channel === 'emailing' ? 'brevo' : 'meta-ads' })] : [],
        captures:
          channel === 'meta-ads' || channel === 'emailing'
            ? [capture('2026-11-01', '2026-11-24', { cost: 2400, leads: 10 }, { console: channel === 'emailing' ? 'brevo' : 'meta-ads' })]
            : [],
        spendEntries: channel === 'event' || channel === 'print' ? [spend('2026-11-02', 2400)] : [],
        resultEntries:
          channel === 'event' || channel === 'print'
            ? [{ id: 'r', actionId: 'act-1', date: '2026-11-03', metric: 'leads', value: 10, note: '' }]
            : [],
      });
      return run(data).items.find((i) => i.key === 'leads')?.hints;
    };
    expect(volumes('event')).toEqual(['leadCapture']);
    expect(volumes('print')).toEqual(['printDistribution']);
    expect(volumes('emailing')).toEqual(['listAndCadence']);
    expect(volumes('meta-ads')).toEqual(['moreReach']);
  });

  it('says the figures are incomplete when captures leave days uncovered', () => {
    const data = planData({
      actions: [action({ start: '2026-11-01', end: '2026-11-30', targets: { ctr: 0.05 } })],
      campaignLinks: [link()],
      captures: [capture('2026-11-10', '2026-11-24', { cost: 100, clicks: 10, impressions: 1000 })],
    });
    const ctr = run(data).items.find((i) => i.key === 'ctr');
    expect(ctr?.hints).toEqual(['adRelevance', 'incompleteFigures']);
  });

  it('points a volume behind at its cost per result when that is over target', () => {
    const data = planData({
      actions: [action({ start: '2026-11-01', end: '2026-11-30', budget: 2400, targets: { leads: 100, cpl: 20 } })],
      campaignLinks: [link()],
      captures: [capture('2026-11-01', '2026-11-24', { cost: 1900, leads: 40 })],
    });
    const leads = run(data).items.find((i) => i.key === 'leads');
    expect(leads?.target).toBeCloseTo(80, 9); // 100 × 24/30
    expect(leads?.hints).toEqual(['costPerResult']);
  });

  it('judges the demo plan with the engine’s own statuses, every item off or watch', () => {
    const { rows, items } = run(demoData());
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const row = rows.find((r) => r.action.id === item.actionId);
      expect(row?.status[item.key]).toBe(item.status);
      expect(item.hints.length).toBeGreaterThan(0);
    }
    const firstWatch = items.findIndex((i) => i.status === 'watch');
    if (firstWatch >= 0) expect(items.slice(firstWatch).every((i) => i.status === 'watch')).toBe(true);
  });
});
