import { describe, expect, it } from 'vitest';
import { planSchema } from '@/lib/domain';
import { carryOver, nextPeriod, shiftBetween, shiftDate, shiftPeriod } from '@/lib/planning';
import { demoData } from '../insights/builders';

describe('the next period', () => {
  it('follows a plan of whole months with as many whole months', () => {
    expect(nextPeriod({ start: '2026-07-01', end: '2026-12-31' })).toEqual({ start: '2027-01-01', end: '2027-06-30' });
    expect(nextPeriod({ start: '2026-01-01', end: '2026-12-31' })).toEqual({ start: '2027-01-01', end: '2027-12-31' });
    expect(nextPeriod({ start: '2026-11-01', end: '2027-02-28' })).toEqual({ start: '2027-03-01', end: '2027-06-30' });
  });

  it('follows any other plan with as many days', () => {
    expect(nextPeriod({ start: '2026-03-15', end: '2026-04-14' })).toEqual({ start: '2026-04-15', end: '2026-05-15' });
  });

  it('moves dates by whole months, keeping month ends at month ends', () => {
    const six = shiftBetween('2026-07-01', '2027-01-01');
    expect(six).toEqual({ months: 6 });
    expect(shiftDate('2026-12-31', six)).toBe('2027-06-30');
    expect(shiftDate('2026-09-30', six)).toBe('2027-03-31');
    expect(shiftDate('2026-08-30', six)).toBe('2027-02-28');
    expect(shiftDate('2026-09-15', six)).toBe('2027-03-15');
    expect(shiftBetween('2026-03-15', '2026-04-15')).toEqual({ days: 31 });
    expect(shiftDate('2026-03-20', { days: 31 })).toBe('2026-04-20');
  });

  it('keeps a moved period inside the new plan', () => {
    const within = { start: '2027-01-01', end: '2027-06-30' };
    expect(shiftPeriod({ start: '2026-12-01', end: '2027-01-31' }, { months: 6 }, within)).toEqual({
      start: '2027-06-01',
      end: '2027-06-30',
    });
    expect(shiftPeriod({ start: '2027-09-01', end: '2027-09-30' }, { months: 6 }, within)).toEqual(within);
  });

  it('carries the kept actions with their new budgets and targets, and the objectives they serve', () => {
    const source = demoData();
    let n = 0;
    const next = carryOver({
      source,
      plan: { id: 'plan-2027-s1', name: 'Plan 2027 – S1', start: '2027-01-01', end: '2027-06-30', review: 'Bilan S2' },
      keep: [
        { actionId: 'act-a06', budget: 12_000, targets: { leads: 160 } },
        { actionId: 'act-a01', budget: 30_000, targets: { cpa: 50 } },
      ],
      newId: (kind) => `${kind}-${++n}`,
    });
    expect(planSchema.safeParse(next.plan).success).toBe(true);
    expect(next.plan).toMatchObject({
      id: 'plan-2027-s1',
      currency: 'EUR',
      tolerance: 0.1,
      weekStartsOn: 1,
      review: 'Bilan S2',
      notes: source.plan.notes,
    });
    // Stored order of the old plan, not the order chosen.
    expect(next.actions.map((a) => a.code)).toEqual(['A01', 'A06']);
    const [a01, a06] = next.actions;
    expect(a01).toMatchObject({
      planId: 'plan-2027-s1',
      status: 'planned',
      budget: 30_000,
      targets: { cpa: 50 },
      start: '2027-03-01',
      end: '2027-06-30',
    });
    expect(a06).toMatchObject({ start: '2027-04-01', end: '2027-05-31', budget: 12_000 });
    expect(a06?.schedule).toBeUndefined();
    // A01 serves demos and leads, A06 leads: two objectives come along, with new ids, deadlines moved.
    expect(next.objectives.map((o) => o.name)).toEqual([source.objectives[0]?.name, source.objectives[1]?.name]);
    expect(next.objectives.map((o) => o.deadline)).toEqual(['2027-06-30', '2027-06-15']);
    const ids = new Set(next.objectives.map((o) => o.id));
    expect(a01?.objectiveIds.every((id) => ids.has(id))).toBe(true);
    expect(a01?.objectiveIds).toHaveLength(2);
    expect(new Set(next.actions.map((a) => a.id)).size).toBe(2);
    // The source is left as it was.
    expect(source.actions.find((a) => a.id === 'act-a06')?.schedule).toHaveLength(4);
  });
});
