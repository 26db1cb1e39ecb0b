import { describe, expect, it } from 'vitest';
import { deriveKpis, higherIsBetterStatus, lowerIsBetterStatus, pacingStatus, statusesOf } from '@/lib/kpi';

describe('status against a target (tolerance 0.1)', () => {
  it('lower is better: on up to the target, watch up to target·(1+t), then off', () => {
    expect(lowerIsBetterStatus(1.5, 2, 0.1)).toBe('on');
    expect(lowerIsBetterStatus(2, 2, 0.1)).toBe('on');
    expect(lowerIsBetterStatus(2.1, 2, 0.1)).toBe('watch');
    expect(lowerIsBetterStatus(2.2, 2, 0.1)).toBe('watch');
    expect(lowerIsBetterStatus(2.2001, 2, 0.1)).toBe('off');
    expect(lowerIsBetterStatus(55 * 1.1, 55, 0.1)).toBe('watch');
  });

  it('higher is better: on from the target, watch from target·(1−t), then off', () => {
    expect(higherIsBetterStatus(0.05, 0.045, 0.1)).toBe('on');
    expect(higherIsBetterStatus(0.045, 0.045, 0.1)).toBe('on');
    expect(higherIsBetterStatus(0.0405, 0.045, 0.1)).toBe('watch');
    expect(higherIsBetterStatus(0.04049, 0.045, 0.1)).toBe('off');
    expect(higherIsBetterStatus(0, 0.045, 0.1)).toBe('off');
  });

  it('uses the tolerance it is given', () => {
    expect(lowerIsBetterStatus(2.3, 2, 0.2)).toBe('watch');
    expect(lowerIsBetterStatus(2.3, 2, 0.1)).toBe('off');
    expect(higherIsBetterStatus(9, 10, 0)).toBe('off');
  });

  it('pacing: on within [1−t, 1+t], watch within [1−2t, 1+2t], else off', () => {
    expect(pacingStatus(1, 0.1)).toBe('on');
    expect(pacingStatus(0.9, 0.1)).toBe('on');
    expect(pacingStatus(1.1, 0.1)).toBe('on');
    expect(pacingStatus(0.8999, 0.1)).toBe('watch');
    expect(pacingStatus(1.1001, 0.1)).toBe('watch');
    expect(pacingStatus(0.8, 0.1)).toBe('watch');
    expect(pacingStatus(1.2, 0.1)).toBe('watch');
    expect(pacingStatus(0.7999, 0.1)).toBe('off');
    expect(pacingStatus(1.2001, 0.1)).toBe('off');
    expect(pacingStatus(null, 0.1)).toBe('none');
  });

  it('is none without a target or without a figure', () => {
    expect(lowerIsBetterStatus(null, 2, 0.1)).toBe('none');
    expect(lowerIsBetterStatus(1, undefined, 0.1)).toBe('none');
    expect(higherIsBetterStatus(undefined, 10, 0.1)).toBe('none');
  });

  it('lists pacing then one status per set target, volumes against the pro-rated target', () => {
    const volumes = { cost: 900, clicks: 450, impressions: 30_000, leads: 45 };
    const statuses = statusesOf(
      { leads: 100, cpc: 1.9, ctr: 0.02, cpl: 18 },
      { kpis: deriveKpis(volumes), volumes, elapsedShare: 0.5, pacing: 1.15 },
      0.1,
    );
    expect(Object.keys(statuses)).toEqual(['pacing', 'leads', 'cpc', 'ctr', 'cpl']);
    // leads 45 against 100 × 0.5 = 50: 45 ≥ 50·0.9 → watch; CPC 2 ≤ 1.9·1.1; CTR 0.015 < 0.018; CPL 20 > 19.8.
    expect(statuses).toEqual({ pacing: 'watch', leads: 'watch', cpc: 'watch', ctr: 'off', cpl: 'off' });
  });

  it('judges a volume target of an action that has not started as none when it has no figure', () => {
    const statuses = statusesOf({ conversions: 40 }, { kpis: deriveKpis({}), volumes: {}, elapsedShare: 0, pacing: null }, 0.1);
    expect(statuses).toEqual({ pacing: 'none', conversions: 'none' });
  });
});
