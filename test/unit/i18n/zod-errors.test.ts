import { describe, expect, it } from 'vitest';
import { actionSchema, campaignLinkSchema, dateRange, objectiveSchema, planSchema } from '@/lib/domain';
import { DICTIONARIES, LANGS } from '@/lib/i18n/messages';
import * as core from '@/lib/i18n/parts/core';
import * as domain from '@/lib/i18n/parts/domain';
import * as panel from '@/lib/i18n/parts/panel';
import { describeIssue, describeIssues, fieldLabel } from '@/lib/i18n/zod-errors';
import { duplicateCodeIssue } from '@/lib/planning';
import { action, plan } from '../insights/builders';

const fr = { lang: 'fr', locale: 'fr-FR' } as const;
const en = { lang: 'en', locale: 'en-US' } as const;
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
/** The sentence with its non-breaking spaces (French typography) read as plain spaces. */
const sayIssue = (issue: Parameters<typeof describeIssue>[0], context: Parameters<typeof describeIssue>[1]) =>
  nbsp(describeIssue(issue, context));

function issuesOf(
  schema: { safeParse: (v: unknown, o: { reportInput: boolean }) => { success: boolean; error?: { issues: unknown[] } } },
  value: unknown,
) {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success || !parsed.error) throw new Error('expected issues');
  return parsed.error.issues as Parameters<typeof describeIssue>[0][];
}

describe('zod issues in the user’s words', () => {
  it('names a negative budget and says it in French and English', () => {
    const [issue] = issuesOf(actionSchema, { ...action(), budget: -500 });
    expect(issue && sayIssue(issue, fr)).toBe('Le champ « Budget (HT) » ne peut pas être négatif.');
    expect(issue && sayIssue(issue, en)).toBe('“Budget (excl. tax)” cannot be negative.');
  });

  it('says an end before the start in words, for an action and a plan', () => {
    const [issue] = issuesOf(actionSchema, { ...action(), start: '2026-11-20', end: '2026-11-10' });
    expect(issue?.path).toEqual(['end']);
    expect(issue && sayIssue(issue, fr)).toBe('La date de fin tombe avant la date de début.');
    const [planIssue] = issuesOf(planSchema, { ...plan(), start: '2026-12-01', end: '2026-01-01' });
    expect(planIssue && sayIssue(planIssue, en)).toBe('The end date is before the start date.');
    const [rangeIssue] = issuesOf(dateRange, { start: '2026-12-01', end: '2026-01-01' });
    expect(rangeIssue && sayIssue(rangeIssue, fr)).toBe('La date de fin tombe avant la date de début.');
  });

  it('tells a missing field from a wrong one', () => {
    const issues = issuesOf(actionSchema, { ...action(), name: '', start: '', budget: undefined, targets: { cpc: Number.NaN } });
    const byField = new Map(describeIssues(issues, fr).map((d) => [d.field, nbsp(d.message)]));
    expect(byField.get('name')).toBe('Le champ « Nom » est obligatoire.');
    expect(byField.get('start')).toBe('Le champ « Date de début » est obligatoire.');
    expect(byField.get('budget')).toBe('Le champ « Budget (HT) » est obligatoire.');
    expect(byField.get('targets.cpc')).toBe('Le champ « CPC maximum » attend un nombre, par exemple 1 500,50.');
  });

  it('words every message the domain schemas give', () => {
    const cases: [unknown, unknown, string][] = [
      [planSchema, { ...plan(), currency: 'euro' }, 'Le champ « Devise » attend un code de devise à trois lettres, par exemple EUR.'],
      [planSchema, { ...plan(), start: '2026-02-30' }, 'Le champ « Date de début » contient une date qui n’existe pas.'],
      [planSchema, { ...plan(), start: '30/01/2026' }, 'Le champ « Date de début » attend une date.'],
      [
        objectiveSchema,
        { id: 'o', planId: 'p', name: 'x', metric: 'leads', target: 1, deadline: '2026-1-1', description: '' },
        'Le champ « Échéance » attend une date.',
      ],
      [
        campaignLinkSchema,
        { id: 'l', actionId: 'a', console: 'google-ads', accountId: null, campaignId: null, campaignName: null },
        'Une campagne se reconnaît à son identifiant ou à son nom exact : il faut l’un des deux.',
      ],
      [actionSchema, { ...action(), id: '' }, 'Le champ « Identifiant » est obligatoire.'],
      [actionSchema, { ...action(), channel: 'radio' }, 'Le champ « Canal » attend une valeur de la liste.'],
    ];
    for (const [schema, value, sentence] of cases) {
      const [issue] = issuesOf(schema as Parameters<typeof issuesOf>[0], value);
      expect(issue && sayIssue(issue, fr)).toBe(sentence);
    }
  });

  it('gives fraction fields their bounds as percentages, in the user’s format', () => {
    const [issue] = issuesOf(planSchema, { ...plan(), tolerance: 1.5 });
    expect(issue && sayIssue(issue, fr)).toBe('Le champ « Tolérance (%) » ne peut pas dépasser 100 %.');
    expect(issue && sayIssue(issue, en)).toBe('“Tolerance (%)” cannot be more than 100%.');
    const [week] = issuesOf(planSchema, { ...plan(), weekStartsOn: 1.5 });
    expect(week && sayIssue(week, en)).toBe('“Week starts on” needs a whole number.');
    const [freeze] = issuesOf(planSchema, { ...plan(), freezeDelayDays: 40 });
    expect(freeze && sayIssue(freeze, fr)).toBe('Le champ « Gel des semaines après (jours) » ne peut pas dépasser 28.');
  });

  it('says which action already has a code', () => {
    const issue = duplicateCodeIssue('A03', 'new', [action({ id: 'x', code: 'A03', name: 'LinkedIn ABM' })]);
    expect(issue && sayIssue(issue, fr)).toBe('Le code « A03 » est déjà pris par l’action « LinkedIn ABM ».');
  });

  it('labels targets as the form does', () => {
    expect(fieldLabel(['targets', 'ctr'], 'fr')).toBe('CTR minimum (%)');
    expect(fieldLabel(['targets', 'cpa'], 'en')).toBe('Target CPA');
    expect(fieldLabel(['objectiveIds', 1], 'fr')).toBe('Objectifs servis');
  });
});

describe('the side panel’s words', () => {
  it('has every key in both languages, none empty, none clashing with another part', () => {
    for (const lang of LANGS) {
      for (const key of Object.keys(panel.fr)) expect(DICTIONARIES[lang][key as keyof (typeof DICTIONARIES)['fr']]).toBeTruthy();
    }
    const others = new Set([...Object.keys(core.fr), ...Object.keys(domain.fr)]);
    expect(Object.keys(panel.fr).filter((k) => others.has(k))).toEqual([]);
  });

  it('follows French typography: a non-breaking space before « : ; % ? ! » and inside guillemets', () => {
    const plainSpace = / [:;%?!»]|« /;
    expect(Object.entries(panel.fr).filter(([, text]) => plainSpace.test(text))).toEqual([]);
  });

  it('keeps the same placeholders in French and English', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(panel.fr)) expect(names(panel.en[key as keyof typeof panel.fr]), key).toEqual(names(text));
  });
});
