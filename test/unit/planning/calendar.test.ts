import { describe, expect, it } from 'vitest';
import { calendarLayout, filterActions, isoWeek, ownersOf } from '@/lib/planning';
import { action, demoData, plan } from '../insights/builders';

describe('calendar layout', () => {
  const p = plan({ start: '2026-11-01', end: '2026-11-30', weekStartsOn: 1 });

  it('places bars, ticks and today as fractions of the plan’s days', () => {
    const layout = calendarLayout(
      p,
      [action({ start: '2026-11-16', end: '2026-11-30' }), action({ id: 'b', start: '2026-11-01', end: '2026-11-15' })],
      {
        scale: 'week',
        asOf: '2026-11-16',
      },
    );
    expect(layout.days).toBe(30);
    expect(layout.bars.map((b) => b.action.id)).toEqual(['b', 'act-1']);
    expect(layout.bars[0]).toMatchObject({ left: 0, width: 0.5 });
    expect(layout.bars[1]).toMatchObject({ left: 0.5, width: 0.5 });
    // Weeks from Monday 26 Oct (clipped to 1 Nov) to Monday 30 Nov.
    expect(layout.ticks.map((t) => t.period.start)).toEqual([
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
    ]);
    expect(layout.ticks[0]).toMatchObject({ left: 0, width: 1 / 30 });
    expect(layout.ticks.reduce((s, t) => s + t.width, 0)).toBeCloseTo(1, 12);
    expect(layout.today).toBeCloseTo(15.5 / 30, 12);
  });

  it('stretches to actions outside the plan, and has no today line outside the timeline', () => {
    const layout = calendarLayout(p, [action({ start: '2026-10-01', end: '2026-11-10' })], { scale: 'month', asOf: '2027-01-05' });
    expect(layout.range).toEqual({ start: '2026-10-01', end: '2026-11-30' });
    expect(layout.ticks.map((t) => t.period.start)).toEqual(['2026-10-01', '2026-11-01']);
    expect(layout.today).toBeNull();
  });

  it('filters by owner and channel; owners sorted in the user’s language', () => {
    const actions = demoData().actions;
    expect(ownersOf(actions, 'fr')).toEqual(['Camille Martin', 'Inès Benali', 'Sophie Garnier', 'Thomas Lefèvre']);
    expect(filterActions(actions, { owner: 'Inès Benali', channel: null }).map((a) => a.code)).toEqual(['A03', 'A05', 'A08']);
    expect(filterActions(actions, { owner: 'Inès Benali', channel: 'meta-ads' }).map((a) => a.code)).toEqual(['A03', 'A08']);
    expect(filterActions(actions, { owner: null, channel: null })).toHaveLength(8);
  });

  it('numbers weeks the ISO way', () => {
    expect(isoWeek('2026-11-24')).toBe(48);
    expect(isoWeek('2026-01-01')).toBe(1);
    expect(isoWeek('2027-01-01')).toBe(53); // a Friday: still 2026's week 53
    expect(isoWeek('2024-12-30')).toBe(1);
  });
});
