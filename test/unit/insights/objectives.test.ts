import { describe, expect, it } from 'vitest';
import { objectiveProgress, objectiveVolume } from '@/lib/insights';
import { computeActions } from '@/lib/kpi';
import { action, capture, demoData, link, objective, plan, planData } from './builders';

describe('objective progress', () => {
  it('sums the objective’s volume over the actions that serve it, to date', () => {
    const data = planData({
      plan: plan({ start: '2026-11-01', end: '2026-11-30' }),
      objectives: [objective({ id: 'o', metric: 'conversions', target: 30, deadline: '2026-11-30' })],
      actions: [
        action({ id: 'a', objectiveIds: ['o'] }),
        action({ id: 'b', objectiveIds: ['o'], code: 'B' }),
        action({ id: 'c', objectiveIds: [], code: 'C' }),
      ],
      campaignLinks: [link({ actionId: 'a' }), link({ actionId: 'c' })],
      captures: [capture('2026-11-01', '2026-11-15', { cost: 100, conversions: 12 })],
    });
    const rows = computeActions(data, '2026-11-15');
    const [progress] = objectiveProgress(data.plan, data.objectives, rows, '2026-11-15');
    expect(progress?.actual).toBe(12); // c is fed by the same capture but does not serve the objective
    expect(progress?.actionIds).toEqual(['a', 'b']);
    expect(progress?.contributingActionIds).toEqual(['a']);
    expect(progress?.progress).toBeCloseTo(0.4, 12);
    expect(progress?.elapsedShare).toBeCloseTo(0.5, 12);
    expect(progress?.expectedByNow).toBeCloseTo(15, 12);
    // 12 ≥ 15 × 0.9? no → off.
    expect(progress?.status).toBe('off');
  });

  it('has no figure (not zero) when no action serving it has the volume', () => {
    const data = planData({ objectives: [objective({ id: 'o' })], actions: [action({ objectiveIds: ['o'] })] });
    const [progress] = objectiveProgress(data.plan, data.objectives, computeActions(data, '2026-11-15'), '2026-11-15');
    expect(progress?.actual).toBeNull();
    expect(progress?.progress).toBeNull();
    expect(progress?.status).toBe('none');
  });

  it('measures the old words with the volumes DESIGN names', () => {
    expect(objectiveVolume('leads')).toBe('leads');
    expect(objectiveVolume('awareness')).toBe('impressions');
    expect(objectiveVolume('Traffic')).toBe('clicks');
    expect(objectiveVolume('revenue')).toBe('conversionValue');
    expect(objectiveVolume('happiness')).toBeNull();
  });

  it('reads the demo plan’s three objectives, the awareness one in impressions', () => {
    const data = demoData();
    const rows = computeActions(data, '2026-11-24');
    const progress = objectiveProgress(data.plan, data.objectives, rows, '2026-11-24');
    expect(progress.map((p) => p.volume)).toEqual(['leads', 'conversions', 'impressions']);
    const leads = progress[0];
    const expected = rows.filter((r) => r.action.objectiveIds.includes('obj-leads')).reduce((s, r) => s + (r.toDate.volumes.leads ?? 0), 0);
    expect(leads?.actual).toBe(expected);
    expect(leads?.actual).toBeGreaterThan(0);
    expect(progress.every((p) => p.deadlinePassed === false)).toBe(true);
  });
});
