import { describe, expect, it } from 'vitest';
import { actionSchema, planSchema } from '@/lib/domain';
import { newActionTemplate, newObjectiveTemplate, newPlanTemplate, nextActionCode } from '@/lib/planning';
import { action, plan } from '../insights/builders';

describe('templates of new rows', () => {
  it('starts a plan on the first day of next month, for a semester', () => {
    const p = newPlanTemplate({ id: 'p', name: 'Nouveau plan', today: '2026-11-24', locale: 'fr-FR' });
    expect(p).toMatchObject({
      start: '2026-12-01',
      end: '2027-05-31',
      currency: 'EUR',
      tolerance: 0.1,
      weekStartsOn: 1,
      freezeDelayDays: 2,
    });
    expect(planSchema.safeParse(p).success).toBe(true);
  });

  it('numbers the next action in the plan’s style', () => {
    expect(nextActionCode([])).toBe('A01');
    expect(nextActionCode(['A01', 'A08', 'A03'])).toBe('A09');
    expect(nextActionCode(['EV-3', 'EV-12', 'X'])).toBe('EV-13');
    expect(nextActionCode(['A9'])).toBe('A10');
    expect(nextActionCode(['A01', 'A02', 'B7'])).toBe('A03');
  });

  it('gives a new action the plan’s dates and no target; it needs a name to be valid', () => {
    const p = plan();
    const a = newActionTemplate(p, [action({ code: 'A04' })], 'act-new');
    expect(a).toMatchObject({ code: 'A05', start: p.start, end: p.end, status: 'planned', budget: 0, targets: {} });
    expect(actionSchema.safeParse(a).success).toBe(false);
    expect(actionSchema.safeParse({ ...a, name: 'Salon' }).success).toBe(true);
    expect(newObjectiveTemplate(p, 'o')).toMatchObject({ planId: p.id, deadline: p.end, metric: 'leads' });
  });
});
