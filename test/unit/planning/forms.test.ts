import { describe, expect, it } from 'vitest';
import { actionSchema, planSchema } from '@/lib/domain';
import {
  actionDraftOf,
  actionFromDraft,
  decimalInput,
  duplicateCodeIssue,
  issuesByField,
  parseDecimal,
  planDraftOf,
  planFromDraft,
  validateRow,
} from '@/lib/planning';
import { action, plan } from '../insights/builders';

describe('numbers as typed', () => {
  it.each([
    ['1 500,50', 'fr-FR', 1500.5],
    ['1\u202f500,5 €', 'fr-FR', 1500.5],
    ['1500.5', 'fr-FR', 1500.5],
    ['1.500,5', 'fr-FR', 1500.5],
    ['4,5 %', 'fr-FR', 4.5],
    ['1,500.50', 'en-US', 1500.5],
    ['1,500', 'en-US', 1500],
    ['1,5', 'en-US', 1.5],
    ['-20', 'fr-FR', -20],
    ['$2.20', 'en-US', 2.2],
  ])('reads %j in %s as %d', (text, locale, value) => {
    expect(parseDecimal(text, locale)).toBe(value);
  });

  it('tells an empty input (no figure) from a wrong one (NaN)', () => {
    expect(parseDecimal('  ', 'fr-FR')).toBeUndefined();
    expect(parseDecimal('douze', 'fr-FR')).toBeNaN();
    expect(parseDecimal('1,2,3', 'fr-FR')).toBeNaN();
  });

  it('shows numbers the way the user types them', () => {
    expect(decimalInput(1500.5, 'fr-FR')).toBe('1500,5');
    expect(decimalInput(1500.5, 'en-US')).toBe('1500.5');
    expect(decimalInput(undefined, 'fr-FR')).toBe('');
  });
});

describe('drafts', () => {
  it('round-trips an action, rates typed as percentages, empty targets left out', () => {
    const a = action({ budget: 27_000, targets: { cpc: 2.2, ctr: 0.045, conversions: 240, roas: 2.5 } });
    const draft = actionDraftOf(a, 'fr-FR');
    expect(draft.targets.ctr).toBe('4,5');
    expect(draft.targets.cpc).toBe('2,2');
    expect(draft.targets.cpa).toBe('');
    const parsed = validateRow(actionSchema, actionFromDraft(a, draft, 'fr-FR'));
    expect(parsed).toEqual({ ok: true, value: a });
  });

  it('round-trips a plan, tolerance typed as a percentage', () => {
    const p = plan({ tolerance: 0.15, freezeDelayDays: 3 });
    const draft = planDraftOf(p, 'fr-FR');
    expect(draft.tolerance).toBe('15');
    expect(validateRow(planSchema, planFromDraft(p, draft, 'fr-FR'))).toEqual({ ok: true, value: p });
  });

  it('refuses a negative budget, an end before the start, a word for a number, and says where', () => {
    const a = action();
    const draft = { ...actionDraftOf(a, 'fr-FR'), budget: '-500', start: '2026-11-20', end: '2026-11-10' };
    draft.targets = { ...draft.targets, cpa: 'cinquante' };
    const result = validateRow(actionSchema, actionFromDraft(a, draft, 'fr-FR'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = [...issuesByField(result.issues).keys()];
    // The end-before-start rule is reported too, though zod skips the row's refinement when fields fail.
    expect(fields).toEqual(expect.arrayContaining(['budget', 'targets.cpa', 'end']));
    expect(issuesByField(result.issues).get('end')?.message).toBe('the range ends before it starts');
  });

  it('reports the period once, from the schema when only the dates are wrong', () => {
    const a = action();
    const result = validateRow(actionSchema, { ...a, start: '2026-11-20', end: '2026-11-10' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['end', 'the action ends before it starts']]);
  });

  it('refuses a code another action of the plan already uses', () => {
    const others = [action({ id: 'x', code: 'A03', name: 'LinkedIn' })];
    expect(duplicateCodeIssue('a03 ', 'y', others)).toMatchObject({
      code: 'custom',
      path: ['code'],
      params: { reason: 'duplicateCode', other: 'LinkedIn' },
    });
    expect(duplicateCodeIssue('A03', 'x', others)).toBeNull();
    expect(duplicateCodeIssue('', 'y', others)).toBeNull();
    const result = validateRow(actionSchema, action({ id: 'y', code: 'A03' }), [duplicateCodeIssue('A03', 'y', others)]);
    expect(result.ok).toBe(false);
  });
});
