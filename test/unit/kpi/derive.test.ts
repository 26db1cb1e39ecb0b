import { describe, expect, it } from 'vitest';
import { deriveKpis, ratio } from '@/lib/kpi';

describe('derived KPIs', () => {
  it('computes each ratio from volumes', () => {
    const kpis = deriveKpis({
      cost: 500,
      clicks: 250,
      impressions: 10_000,
      conversions: 10,
      leads: 20,
      conversionValue: 2000,
      delivered: 1000,
      opens: 300,
    });
    expect(kpis).toEqual({
      cpc: 2,
      cpa: 50,
      cpl: 25,
      cpm: 50,
      ctr: 0.025,
      conversionRate: 0.04,
      roas: 4,
      openRate: 0.3,
      clickRate: 0.25,
    });
  });

  it('is null for a zero or missing denominator, never 0 or Infinity', () => {
    const kpis = deriveKpis({ cost: 120, clicks: 0, conversions: 0 });
    expect(kpis.cpc).toBeNull();
    expect(kpis.cpa).toBeNull();
    expect(kpis.cpl).toBeNull(); // no leads figure
    expect(kpis.cpm).toBeNull();
    expect(deriveKpis({ conversionValue: 10, cost: 0 }).roas).toBeNull();
  });

  it('is null for a missing numerator, and 0 for a numerator of 0', () => {
    expect(deriveKpis({ impressions: 1000 }).ctr).toBeNull();
    expect(deriveKpis({ impressions: 1000, clicks: 0 }).ctr).toBe(0);
    expect(deriveKpis({ clicks: 100 }).cpc).toBeNull();
  });

  it('always lists the nine keys', () => {
    expect(Object.keys(deriveKpis({}))).toEqual(['cpc', 'cpa', 'cpl', 'cpm', 'ctr', 'conversionRate', 'roas', 'openRate', 'clickRate']);
    expect(Object.values(deriveKpis({})).every((v) => v === null)).toBe(true);
  });

  it('scales', () => {
    expect(ratio(3, 4, 1000)).toBe(750);
    expect(ratio(undefined, 4)).toBeNull();
    expect(ratio(3, undefined)).toBeNull();
  });
});
