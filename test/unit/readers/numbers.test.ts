import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyInHeader, resolveSymbol } from '@/lib/readers/currency';
import { decideDecimal, decimalOfLang, type Figure, NO_FIGURE, noVotes, readFigure, readNumber, settle } from '@/lib/readers/numbers';

const figure = (text: string): Figure => {
  const f = readFigure(text);
  if (f === null || f === NO_FIGURE) throw new Error(`"${text}" is no figure`);
  return f;
};

describe('readNumber: locale figures', () => {
  it.each([
    ['1 234,56 €', 'fr-FR', 1234.56],
    ['1\u202f234,56\u00a0€', 'fr-FR', 1234.56],
    ['1.234,56', 'de-DE', 1234.56],
    ['1,234.56', 'en-US', 1234.56],
    ["1'234.50", 'de-CH', 1234.5],
    ['1’234.50', 'de-CH', 1234.5],
    ['(12.50)', 'en-US', -12.5],
    ['-$1,234.56', 'en-US', -1234.56],
    ['€ -1.234,56', 'nl-NL', -1234.56],
    ["CHF-1'234.56", 'de-CH', -1234.56],
    ['−1 234,56 kr', 'sv-SE', -1234.56],
    ['12.3K', 'en-US', 12300],
    ['1,2 M', 'fr-FR', 1200000],
    ['8.6K', 'en-US', 8600],
    ['$7.92K', 'en-US', 7920],
    ['3 Mio. €', 'de-DE', 3000000],
    ['12 mil', 'es-ES', 12000],
    ['3,47 %', 'fr-FR', 0.0347],
    ['%12,5', 'tr-TR', 0.125],
    ['-%12,5', 'tr-TR', -0.125],
    ['7.98%', 'en-US', 0.0798],
    ['0,00 %', 'fr-FR', 0],
    ['0.00 €', 'en-US', 0],
    ['0', 'en-US', 0],
    ['12,34,567.89', 'en-IN', 1234567.89],
    ['1234,567', 'pl-PL', 1234.567],
    ['0,123', 'en-US', 0.123],
    ['1 234,567', 'en-US', 1234.567],
    ['1.234.567', 'en-US', 1234567],
    ['1,234,567', 'de-DE', 1234567],
    ['R$ 1.234,56', 'pt-BR', 1234.56],
    ['￥1,235', 'ja-JP', 1235],
    ['\u200f\u200e-1,234.56 \u200f₪', 'he-IL', -1234.56],
  ])('%s (%s) → %d', (text, lang, value) => {
    expect(readNumber(text, lang)).toBe(value);
  });

  it('reads 1,234 and 1.234 by the language when nothing else tells', () => {
    expect(readNumber('1,234', 'en-US')).toBe(1234);
    expect(readNumber('1,234', 'fr-FR')).toBe(1.234);
    expect(readNumber('1.234', 'de-DE')).toBe(1234);
    expect(readNumber('1.234', 'en-GB')).toBe(1.234);
    expect(readNumber('1,234')).toBe(1234); // no language: a point is the decimal separator
  });

  it.each(['—', '–', '--', ' --', '-', '', '   ', 'n/a', 'N/A', '< 10%', '> 90%', '<10%', '…'])('"%s" is no figure', (text) => {
    expect(readFigure(text)).toBe(NO_FIGURE);
    expect(readNumber(text, 'en')).toBeUndefined();
  });

  it('words, dates and times are not figures', () => {
    expect(readFigure('Eligible')).toBeNull();
    expect(readNumber('2026-11-01')).toBeUndefined();
    expect(readNumber('09:00')).toBeUndefined();
    expect(readNumber('10-20')).toBeUndefined();
  });

  it('keeps what follows a figure: a sub-label glued by textContent, a second figure in parentheses', () => {
    expect(figure('58Website leads')).toMatchObject({ value: 58, rest: 'Website leads' });
    expect(figure('€14.52Per website lead')).toMatchObject({ value: 14.52, currency: '€', rest: 'Per website lead' });
    const brevo = figure('5 127 (41,7 %)');
    expect(brevo.value).toBe(5127);
    expect(brevo.secondary).toMatchObject({ value: 0.417, percent: true });
    expect(brevo.rest).toBe('');
  });

  it('does not take a word for a multiplier or a currency', () => {
    expect(figure('12 miles').rest).toBe('miles');
    expect(figure('12 minutes').value).toBe(12);
    expect(figure('12 EURO').currency).toBeNull();
  });
});

describe('ambiguous separators', () => {
  it('keeps both readings and the evidence each figure gives', () => {
    expect(figure('1,234')).toMatchObject({ value: 1234, alt: 1.234, ambiguous: ',', vote: null });
    expect(figure('1,5')).toMatchObject({ vote: ',', ambiguous: null });
    expect(figure('1,234,567')).toMatchObject({ vote: '.' });
    expect(figure('1.234,56')).toMatchObject({ vote: ',' });
  });
  it('settles by the column, then counts, then the grid, then the language', () => {
    const column = noVotes();
    const grid = noVotes();
    expect(decideDecimal({ dot: 0, comma: 3 }, { lang: 'en-US' })).toBe(',');
    expect(decideDecimal(column, { integer: true, grid: { dot: 0, comma: 5 }, lang: 'fr' })).toBeNull();
    expect(decideDecimal(column, { grid: { dot: 0, comma: 5 }, lang: 'en-US' })).toBe(',');
    expect(decideDecimal(column, { grid, lang: 'de-DE' })).toBe(',');
    expect(decideDecimal(column, { grid, lang: null })).toBe('.');
    expect(settle(figure('23.410'), null)).toBe(23410);
    expect(settle(figure('23.410'), '.')).toBe(23.41);
  });
  it('knows the decimal separator of a language', () => {
    expect(decimalOfLang('fr')).toBe(',');
    expect(decimalOfLang('de-CH')).toBe('.');
    expect(decimalOfLang('en-US')).toBe('.');
    expect(decimalOfLang('pt-BR')).toBe(',');
    expect(decimalOfLang(null)).toBeNull();
    expect(decimalOfLang('not a language tag!')).toBeNull();
  });
});

describe('currencies', () => {
  it.each([
    ['$', 'en-US', 'USD'],
    ['$', 'en-CA', 'CAD'],
    ['$', 'es-MX', 'MXN'],
    ['€', null, 'EUR'],
    ['£', null, 'GBP'],
    ['US$', 'en-GB', 'USD'],
    ['R$', 'pt-BR', 'BRL'],
    ['kr', 'sv-SE', 'SEK'],
    ['kr', 'nb-NO', 'NOK'],
    ['kr.', 'da-DK', 'DKK'],
    ['¥', 'ja-JP', 'JPY'],
    ['¥', 'zh-CN', 'CNY'],
    ['CHF', null, 'CHF'],
    ['zł', null, 'PLN'],
    ['Rp', null, 'IDR'],
  ])('%s on a %s page is %s', (symbol, lang, code) => {
    expect(resolveSymbol(symbol, lang)).toBe(code);
  });
  it('does not guess kr without a language', () => {
    expect(resolveSymbol('kr', null)).toBeNull();
  });
  it('reads a currency in a header', () => {
    expect(currencyInHeader('Amount spent (EUR)')).toBe('EUR');
    expect(currencyInHeader('CPC (cost per link click) (IDR)')).toBe('IDR');
    expect(currencyInHeader('Coût (€)')).toBe('EUR');
    expect(currencyInHeader('Search lost IS (budget)')).toBeNull();
    expect(currencyInHeader('Cost')).toBeNull();
  });
});

// ── property: any number Intl writes, in 20+ locales and three styles, reads back exactly ──

const LOCALES: [string, string][] = [
  ['fr-FR', 'EUR'],
  ['de-DE', 'EUR'],
  ['de-CH', 'CHF'],
  ['de-AT', 'EUR'],
  ['en-US', 'USD'],
  ['en-GB', 'GBP'],
  ['en-IN', 'INR'],
  ['en-ZA', 'ZAR'],
  ['es-ES', 'EUR'],
  ['es-MX', 'MXN'],
  ['it-IT', 'EUR'],
  ['pt-BR', 'BRL'],
  ['pt-PT', 'EUR'],
  ['nl-NL', 'EUR'],
  ['pl-PL', 'PLN'],
  ['sv-SE', 'SEK'],
  ['nb-NO', 'NOK'],
  ['fi-FI', 'EUR'],
  ['cs-CZ', 'CZK'],
  ['ru-RU', 'RUB'],
  ['ja-JP', 'JPY'],
  ['tr-TR', 'TRY'],
  ['da-DK', 'DKK'],
  ['fr-CH', 'CHF'],
  ['hu-HU', 'HUF'],
  ['ko-KR', 'KRW'],
  ['zh-CN', 'CNY'],
  ['he-IL', 'ILS'],
  ['uk-UA', 'UAH'],
  ['id-ID', 'IDR'],
];

const locale = fc.constantFrom(...LOCALES);
/** Integers up to a trillion, either sign, so every grouping and the sign show up. */
const units = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }).filter((n) => n !== 0);

describe('property: Intl.NumberFormat output reads back exactly', () => {
  it('decimal style, 0 to 3 fraction digits', () => {
    fc.assert(
      fc.property(locale, units, fc.integer({ min: 0, max: 3 }), ([lang], n, digits) => {
        const value = n / 10 ** digits;
        const text = new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
        expect(readNumber(text, lang)).toBe(value);
      }),
      { numRuns: 3000 },
    );
  });

  it('currency style, in the local currency and in US dollars', () => {
    fc.assert(
      fc.property(locale, units, fc.boolean(), ([lang, local], n, dollars) => {
        const code = dollars ? 'USD' : local;
        const format = new Intl.NumberFormat(lang, { style: 'currency', currency: code });
        const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
        const value = n / 10 ** digits;
        const text = format.format(value);
        expect(readNumber(text, lang)).toBe(value);
        const f = figure(text);
        expect(f.currency === null ? null : resolveSymbol(f.currency, lang)).toBe(code);
      }),
      { numRuns: 3000 },
    );
  });

  it('percent style, 0 to 2 fraction digits, as a fraction', () => {
    fc.assert(
      fc.property(
        locale,
        fc.integer({ min: -10_000_000, max: 10_000_000 }).filter((n) => n !== 0),
        fc.integer({ min: 0, max: 2 }),
        ([lang], n, digits) => {
          const value = n / 10 ** (digits + 2);
          const text = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: digits }).format(value);
          expect(readNumber(text, lang)).toBe(value);
          expect(figure(text).percent).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('compact notation (12.3K, 1,2 M) in languages that abbreviate with K/M/B', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('en-US', 'en-GB', 'en-IN'),
        fc.integer({ min: 1, max: 999 }),
        fc.constantFrom(3, 6, 9),
        (lang, n, exp) => {
          const value = (n / 10) * 10 ** exp;
          const text = new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
          if (!/[KMB]$/.test(text)) return; // e.g. "1.2 lakh" is not an abbreviation we read
          expect(readNumber(text, lang)).toBe(Number(`${n}e${exp - 1}`));
        },
      ),
      { numRuns: 500 },
    );
  });
});
