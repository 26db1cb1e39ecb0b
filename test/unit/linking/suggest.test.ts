import { describe, expect, it } from 'vitest';
import type { Action } from '@/lib/domain';
import { suggestActions, words } from '@/lib/linking/suggest';

const action = (id: string, code: string, name: string, channel: Action['channel']): Action => ({
  id,
  planId: 'p',
  objectiveIds: [],
  code,
  name,
  channel,
  lever: 'promotion',
  owner: '',
  start: '2026-01-01',
  end: '2026-12-31',
  priority: 'medium',
  status: 'running',
  budget: 1000,
  targets: {},
});

const plan = [
  action('a1', 'A01', 'Google Ads – Search « logiciel paie »', 'google-ads'),
  action('a2', 'A02', 'Google Ads – Display remarketing', 'google-ads'),
  action('a3', 'A12', 'Meta Ads – Leads DRH', 'meta-ads'),
];

describe('suggestActions', () => {
  it('puts the action whose code the campaign name carries first', () => {
    const [first] = suggestActions({ name: 'YouTube – A02 Démo produit', console: 'google-ads' }, plan);
    expect(first).toMatchObject({ actionId: 'a2', reasons: ['code', 'channel'] });
  });
  it('does not read A1 inside A12, nor a code inside a word', () => {
    const s = suggestActions({ name: 'Leads – A12 – DRH', console: 'meta-ads' }, plan);
    expect(s[0]?.actionId).toBe('a3');
    expect(suggestActions({ name: 'CA01X', console: 'generic' }, plan)).toEqual([]);
  });
  it('ranks by shared words, accents and case aside', () => {
    const s = suggestActions({ name: 'Search – Logiciel PAIE – Exact', console: 'google-ads' }, plan);
    expect(s.map((x) => x.actionId)).toEqual(['a1', 'a2']);
    expect(s[0]?.reasons).toEqual(['name', 'channel']);
  });
  it('suggests nothing without a clue', () => {
    expect(suggestActions({ name: 'Newsletter', console: 'brevo' }, plan)).toEqual([]);
  });
  it('folds words', () => {
    expect([...words('Génération de leads – É2E')]).toEqual(['generation', 'leads', 'e2e']);
  });
});
