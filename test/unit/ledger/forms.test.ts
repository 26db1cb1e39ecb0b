import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from '@/lib/i18n/messages';
import { excludingTax, parseDecimal, parseResultForm, parseSpendForm, roundCents, type SpendFormValues, spendFormOf } from '@/lib/ledger';

describe('numbers as typed', () => {
  it.each([
    ['1 250,50', 'fr', 1250.5],
    ['1\u202f250,50 €', 'fr', 1250.5],
    ['1250.5', 'fr', 1250.5],
    ['1,250.50', 'en', 1250.5],
    ['1.250,50', 'fr', 1250.5],
    ['1,250', 'en', 1250],
    ['1,250', 'fr', 1.25],
    ['12 %', 'fr', 12],
    ['-40', 'en', -40],
    ['EUR 300', 'en', 300],
    ['1,234,567', 'en', 1234567],
  ] as const)('reads "%s" (%s) as %d', (text, lang, value) => {
    expect(parseDecimal(text, lang)).toBe(value);
  });

  it.each(['', 'abc', '12,5,3', '1.2.3', '12 000 abc', '--3', '1,5.2,3'])('refuses "%s"', (text) => {
    expect(parseDecimal(text, 'fr')).toBeNull();
  });

  it('brings an amount including tax back to excluding tax, to the cent', () => {
    expect(excludingTax(120, 0.2)).toBe(100);
    expect(excludingTax(1000, 0.2)).toBe(833.33);
    expect(excludingTax(105.5, 0.055)).toBe(100);
    expect(roundCents(1.005)).toBe(1.01);
    expect(roundCents(-2.675)).toBe(-2.68);
  });
});

const form = (over: Partial<SpendFormValues> = {}): SpendFormValues => ({
  actionId: 'act-a06',
  date: '2026-11-12',
  amount: '1 200',
  amountIncludesTax: false,
  vatRate: '20',
  category: 'events',
  note: 'Acompte traiteur',
  ...over,
});

describe('the spend form', () => {
  it('stores the amount excluding tax as typed', () => {
    const r = parseSpendForm(form(), 'fr', 'sp-1');
    expect(r).toEqual({
      ok: true,
      value: {
        id: 'sp-1',
        actionId: 'act-a06',
        date: '2026-11-12',
        amount: 1200,
        category: 'events',
        note: 'Acompte traiteur',
        source: 'manual',
      },
    });
  });

  it('takes an amount including tax with a VAT rate (20 % by default) and stores it excluding tax', () => {
    const r = parseSpendForm(form({ amount: '1 440,00', amountIncludesTax: true }), 'fr', 'sp-1');
    expect(r.ok && r.value.amount).toBe(1200);
    const reduced = parseSpendForm(form({ amount: '211', amountIncludesTax: true, vatRate: '5,5' }), 'fr', 'sp-2');
    expect(reduced.ok && reduced.value.amount).toBe(200);
    // The VAT rate is ignored when the amount is excluding tax.
    const ht = parseSpendForm(form({ amount: '211', vatRate: 'n/a' }), 'fr', 'sp-3');
    expect(ht.ok && ht.value.amount).toBe(211);
  });

  it('says what is wrong with each field, in words, in both languages', () => {
    const r = parseSpendForm(
      form({ actionId: '', date: '2026-02-30', amount: 'douze', category: 'misc', amountIncludesTax: true, vatRate: '120' }),
      'fr',
      'x',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toMatchObject({
      actionId: 'ledger.err.action',
      date: 'ledger.err.date',
      amount: 'ledger.err.number',
      category: 'ledger.err.category',
    });
    for (const key of Object.values(r.errors)) {
      if (!key) continue;
      expect(DICTIONARIES.fr[key]).toMatch(/\w/);
      expect(DICTIONARIES.en[key]).toMatch(/\w/);
      expect(DICTIONARIES.fr[key]).not.toBe(DICTIONARIES.en[key]);
    }
    const zero = parseSpendForm(form({ amount: '0' }), 'en', 'x');
    expect(!zero.ok && zero.errors.amount).toBe('ledger.err.positive');
    const empty = parseSpendForm(form({ amount: ' ', date: '' }), 'en', 'x');
    expect(!empty.ok && empty.errors).toMatchObject({ amount: 'ledger.err.required', date: 'ledger.err.required' });
    const vat = parseSpendForm(form({ amountIncludesTax: true, vatRate: '120' }), 'fr', 'x');
    expect(!vat.ok && vat.errors.vatRate).toBe('ledger.err.vatRate');
  });

  it('fills the form back from an entry (excluding tax, in the user’s writing)', () => {
    expect(
      spendFormOf({ id: 's', actionId: 'a', date: '2026-11-02', amount: 833.33, category: 'media', note: '', source: 'manual' }, 'fr'),
    ).toMatchObject({
      amount: '833,33',
      amountIncludesTax: false,
      vatRate: '20',
    });
  });
});

describe('the result form', () => {
  it('logs a volume other than cost', () => {
    const r = parseResultForm({ actionId: 'act-a06', date: '2026-11-13', metric: 'leads', value: '42', note: 'Salon, jour 2' }, 'fr', 'r1');
    expect(r).toEqual({
      ok: true,
      value: { id: 'r1', actionId: 'act-a06', date: '2026-11-13', metric: 'leads', value: 42, note: 'Salon, jour 2' },
    });
    const cost = parseResultForm({ actionId: 'a', date: '2026-11-13', metric: 'cost', value: '42', note: '' }, 'fr', 'r2');
    expect(!cost.ok && cost.errors.metric).toBe('ledger.err.metric');
  });
});
