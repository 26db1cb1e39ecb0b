/**
 * Point 6: the number, date and header readers on 100,000 random and mutated inputs (fast-check): they never
 * throw, and every figure they return equals a reference reading made without them — the value the text was
 * generated from (Intl's own formatting of it, or a figure assembled part by part and parsed by Number).
 *
 * Runs: numbers 30,000 (Intl) + 20,000 (assembled) + 10,000 (random); dates 12,000 (Intl) + 6,000 (random);
 * headers 16,000 (mutated) + 6,000 (random) = 100,000. Seeded, so a failure replays; FUZZ_SEED changes the seed.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseDateRange, parseDay } from '@/lib/readers/dates';
import { normalizeHeader, planColumns, roleOfHeader } from '@/lib/readers/headers';
import { NO_FIGURE, readFigure, readNumber } from '@/lib/readers/numbers';

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const run = <T>(property: fc.IProperty<T> | fc.IAsyncProperty<T>, numRuns: number) =>
  fc.assert(property as fc.IProperty<T>, { seed: SEED, numRuns });

/** Invisible or blank marks consoles put around figures. */
const BLANKS = [' ', '\u00a0', '\u202f', '\u2009', '\u200e', '\u200f', '\u2066', '\u2069', '\ufeff', '\t'];
const blank = fc.array(fc.constantFrom(...BLANKS), { maxLength: 3 }).map((xs) => xs.join(''));

// ── numbers ──

const LOCALES = [
  'en-US',
  'en-GB',
  'en-IN',
  'fr-FR',
  'fr-CH',
  'de-DE',
  'de-CH',
  'de-AT',
  'es-ES',
  'es-MX',
  'it-IT',
  'pt-BR',
  'pt-PT',
  'nl-NL',
  'sv-SE',
  'pl-PL',
  'da-DK',
  'nb-NO',
  'fi-FI',
  'tr-TR',
];
const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'INR', 'BRL', 'SEK', 'CAD', 'AUD', 'PLN', 'MXN', 'DKK', 'NOK', 'TRY'];
const formatters = new Map<string, Intl.NumberFormat>();
function format(locale: string, options: Intl.NumberFormatOptions, value: number): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    formatters.set(key, f);
  }
  return f.format(value);
}

/** A decimal figure: an integer mantissa and its count of fraction digits (15 significant digits at most). */
const decimal = fc
  .record({
    mantissa: fc.oneof(
      fc.integer({ min: 0, max: 999 }),
      fc.integer({ min: 0, max: 99_999_999 }),
      fc.integer({ min: 0, max: 99_999_999_999 }),
    ),
    scale: fc.integer({ min: 0, max: 4 }),
    negative: fc.boolean(),
  })
  .map(({ mantissa, scale, negative }) => ({ mantissa, scale, negative: negative && mantissa > 0 }));

describe('numbers', () => {
  it('30,000 figures as Intl formats them in 20 locales (plain, grouped or not, money, accounting, percent) read back exactly', () => {
    const style = fc.oneof(
      fc.record({ kind: fc.constant('decimal' as const), grouping: fc.boolean() }),
      fc.record({
        kind: fc.constant('currency' as const),
        currency: fc.constantFrom(...CURRENCIES),
        display: fc.constantFrom('symbol', 'code', 'narrowSymbol'),
        accounting: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('percent' as const) }),
    );
    run(
      fc.property(fc.constantFrom(...LOCALES), style, decimal, blank, blank, (locale, s, generated, before, after) => {
        // Money shows two decimals at most (fr-CH writes money with a point but plain numbers with a comma, so a
        // lone `1.000 €` has no single reading).
        const d = s.kind === 'currency' ? { ...generated, scale: Math.min(generated.scale, 2) } : generated;
        // The reference: the value the text shows, parsed by Number from its decimal digits (no reader involved).
        const percentShift = s.kind === 'percent' ? 2 : 0;
        const reference = Number(`${d.negative ? '-' : ''}${d.mantissa}e-${d.scale + percentShift}`);
        const digits = { minimumFractionDigits: d.scale, maximumFractionDigits: d.scale };
        const options: Intl.NumberFormatOptions =
          s.kind === 'decimal'
            ? { ...digits, useGrouping: s.grouping }
            : s.kind === 'percent'
              ? { ...digits, style: 'percent' }
              : {
                  ...digits,
                  style: 'currency',
                  currency: s.currency,
                  currencyDisplay: s.display,
                  currencySign: s.accounting ? 'accounting' : 'standard',
                };
        const text = `${before}${format(locale, options, reference)}${after}`;
        const read = readNumber(text, locale);
        if (read !== reference) throw new Error(`${JSON.stringify(text)} (${locale}) read ${read}, shows ${reference}`);
      }),
      30_000,
    );
  });

  it('20,000 figures assembled part by part (separators, signs, currencies, units, multipliers) read back exactly', () => {
    const figure = fc
      .record({
        intDigits: fc.oneof(fc.constant('0'), fc.stringMatching(/^[1-9]\d{0,11}$/)),
        frac: fc.stringMatching(/^\d{0,4}$/),
        decimalMark: fc.constantFrom('.', ','),
        group: fc.constantFrom('', ',', '.', ' ', '\u00a0', '\u202f', "'", '\u2019'),
        sign: fc.constantFrom('', '-', '\u2212', '()'),
        currency: fc.constantFrom('', '€', '$', '£', 'USD ', ' EUR', ' €', 'CHF '),
        suffix: fc.constantFrom('', '', ' %', '%', 'K', ' M'),
        unit: fc.constantFrom('', '', ' clicks', ' Impr.'),
      })
      .filter((f) => f.group !== f.decimalMark && !(f.suffix.includes('%') && f.currency !== ''))
      // `1,234K`: a multiplier settles a single separator as decimal; a grouped figure is never written with one.
      .filter((f) => !(/K|M/.test(f.suffix) && f.group !== '' && f.intDigits.length > 3));
    run(
      fc.property(figure, blank, (f, around) => {
        const grouped = f.group === '' ? f.intDigits : f.intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, f.group);
        const body = f.frac === '' ? grouped : `${grouped}${f.decimalMark}${f.frac}`;
        // `€1.2M`, `1,2 M €`, `12,5 %`: the multiplier or percent sits against the figure, the currency outside.
        const figure = `${body}${f.suffix}`;
        const money = f.currency.startsWith(' ') ? `${figure}${f.currency}` : `${f.currency}${figure}`;
        const signed = f.sign === '()' ? `(${money})` : `${f.sign}${money}`;
        const text = `${around}${signed}${f.unit}${around}`;
        const exp = f.suffix.includes('%') ? -2 : f.suffix === 'K' ? 3 : f.suffix === ' M' ? 6 : 0;
        const negative = f.sign !== '' && !/^0+$/.test(f.intDigits + f.frac);
        const reference = Number(`${negative ? '-' : ''}${f.intDigits}.${f.frac || '0'}e${exp}`);
        // The page's language names the decimal mark (it settles `1,234` the way the page means it).
        const read = readNumber(text, f.decimalMark === ',' ? 'fr-FR' : 'en-US');
        if (!Object.is(read, reference) && read !== reference) throw new Error(`${JSON.stringify(text)} read ${read}, means ${reference}`);
      }),
      20_000,
    );
  });

  it('10,000 random and mutated texts: never a throw, never a figure that is not finite', () => {
    const unit = fc.constantFrom(..."0123456789,.\u00a0\u202f -−%€$£()KMkme+'’".split(''), ...BLANKS);
    const digitHeavy = fc.array(unit, { maxLength: 400 }).map((xs) => xs.join(''));
    const anything = fc.string({ unit: 'binary', maxLength: 60 });
    const long = fc.integer({ min: 16, max: 420 }).map((n) => '9'.repeat(n));
    run(
      fc.property(
        fc.oneof(digitHeavy, anything, long),
        fc.constantFrom(null, 'en-US', 'fr-FR', 'de-CH', 'xx', 'not a lang'),
        (text, lang) => {
          const n = readNumber(text, lang);
          if (n !== undefined && !Number.isFinite(n)) throw new Error(`${JSON.stringify(text.slice(0, 40))} read ${n}`);
          const f = readFigure(text);
          if (f !== null && f !== NO_FIGURE && !(Number.isFinite(f.value) && Number.isFinite(f.alt))) throw new Error(`figure ${f.value}`);
        },
      ),
      10_000,
    );
  });
});

// ── dates ──

const DATE_LOCALES = ['en-US', 'en-GB', 'fr-FR', 'de-DE', 'es-ES', 'it-IT', 'pt-BR', 'nl-NL'];
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const iso = (d: Date) => d.toISOString().slice(0, 10);

describe('dates', () => {
  it('12,000 ranges as Intl formats them (formatRange, medium and long, 8 locales) read back exactly', () => {
    const day = fc
      .date({ min: new Date(Date.UTC(1995, 0, 1)), max: new Date(Date.UTC(2060, 11, 31)), noInvalidDate: true })
      .map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())));
    run(
      fc.property(
        fc.constantFrom(...DATE_LOCALES),
        fc.constantFrom('medium', 'long') as fc.Arbitrary<'medium' | 'long'>,
        day,
        fc.integer({ min: 0, max: 500 }),
        blank,
        (locale, dateStyle, start, days, around) => {
          const end = new Date(start.getTime() + days * 86_400_000);
          const key = `${locale}|${dateStyle}`;
          let f = dateFormats.get(key);
          if (!f) {
            f = new Intl.DateTimeFormat(locale, { dateStyle, timeZone: 'UTC' });
            dateFormats.set(key, f);
          }
          const text = `${around}${f.formatRange(start, end)}${around}`;
          const read = parseDateRange(text, locale, { single: true });
          const reference = { start: iso(start), end: iso(end) };
          if (read?.start !== reference.start || read?.end !== reference.end)
            throw new Error(`${JSON.stringify(text)} (${locale}) read ${JSON.stringify(read)}, shows ${JSON.stringify(reference)}`);
        },
      ),
      12_000,
    );
  });

  it('6,000 random and mutated texts: never a throw, only real calendar days in order', () => {
    const unit = fc.constantFrom(
      ...'0123456789/-.–— ,:'.split(''),
      'Nov',
      'nov.',
      'janvier',
      'to',
      'au',
      'bis',
      '2026',
      '31',
      '29',
      'T10:00',
      '\u202e',
    );
    const dateish = fc.array(unit, { maxLength: 40 }).map((xs) => xs.join(''));
    run(
      fc.property(
        fc.oneof(dateish, fc.string({ unit: 'grapheme', maxLength: 80 })),
        fc.constantFrom(null, 'en-US', 'fr-FR', 'de-DE', 'zz'),
        (text, lang) => {
          for (const r of [parseDateRange(text, lang), parseDateRange(text, lang, { single: true })]) {
            if (r === null) continue;
            for (const d of [r.start, r.end]) {
              if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || iso(new Date(`${d}T00:00:00Z`)) !== d)
                throw new Error(`not a day: ${d} from ${JSON.stringify(text)}`);
            }
            if (r.start > r.end) throw new Error(`reversed range from ${JSON.stringify(text)}`);
          }
          const day = parseDay(text, lang);
          if (day !== null && !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a day: ${day}`);
        },
      ),
      6_000,
    );
  });
});

// ── headers ──

/** Headers as consoles print them, and the key each feeds (written from the consoles' exports, not from headers.ts). */
const HEADERS: [string, string][] = [
  ['Cost', 'cost'],
  ['Coût', 'cost'],
  ['Kosten', 'cost'],
  ['Amount spent', 'cost'],
  ['Montant dépensé', 'cost'],
  ['Importe gastado', 'cost'],
  ['Impressions', 'impressions'],
  ['Impr.', 'impressions'],
  ['Impressionen', 'impressions'],
  ['Clicks', 'clicks'],
  ['Clics', 'clicks'],
  ['Klicks', 'clicks'],
  ['Conversions', 'conversions'],
  ['Conv.', 'conversions'],
  ['CTR', 'ctr'],
  ['Taux de clics', 'ctr'],
  ['Cost / conv.', 'cpa'],
  ['Coût/conv.', 'cpa'],
  ['Cost per lead', 'cpl'],
  ['Conv. value', 'conversionValue'],
  ['Reach', 'reach'],
  ['Portée', 'reach'],
  ['CPM', 'cpm'],
];

/** The same header as another console (or the same one on another day) prints it. */
const mutatedHeader = fc
  .record({
    entry: fc.constantFrom(...HEADERS),
    cases: fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
    stripAccents: fc.boolean(),
    space: fc.constantFrom(' ', '  ', '\u00a0', '\u202f', '\t'),
    before: blank,
    after: blank,
    colon: fc.boolean(),
    currency: fc.constantFrom('', ' (EUR)', ' (€)', ' (USD)', ' ($)'),
  })
  .map(({ entry: [text, key], cases, stripAccents, space, before, after, colon, currency }) => {
    let t = [...text].map((c, i) => (cases[i % cases.length] ? c.toUpperCase() : c.toLowerCase())).join('');
    if (stripAccents) t = t.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    t = t.replaceAll(' ', space);
    // A currency in parentheses only follows money columns.
    const money = ['cost', 'cpa', 'cpl', 'cpm', 'conversionValue'].includes(key);
    return { text: `${before}${t}${money ? currency : ''}${colon ? ':' : ''}${after}`, key };
  });

describe('headers', () => {
  it('16,000 headers in other cases, accents, spaces, currencies and colons: the same key as the console meant', () => {
    run(
      fc.property(mutatedHeader, ({ text, key }) => {
        // The key a grid of ad figures gets from this column (CTR and click rate share words: planColumns settles them).
        const planned = planColumns([text], [roleOfHeader(text)], false).metrics[0]?.key;
        if (planned !== key) throw new Error(`${JSON.stringify(text)} → ${planned}, means ${key}`);
      }),
      16_000,
    );
  });

  it('6,000 random header rows: never a throw, every planned column inside the row', () => {
    const header = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      mutatedHeader.map((h) => h.text),
      fc.constantFrom('', '*', '* COST /Follow (IDR)', '(EUR)', '()', 'Total', '\u202e'),
    );
    run(
      fc.property(fc.array(header, { maxLength: 30 }), (headers) => {
        for (const h of headers) normalizeHeader(h);
        const plan = planColumns(headers, headers.map(roleOfHeader));
        for (const m of plan.metrics)
          for (const c of m.cols) if (c < 0 || c >= headers.length) throw new Error(`column ${c} of ${headers.length}`);
        if (plan.name !== null && (plan.name < 0 || plan.name >= headers.length)) throw new Error('name column outside the row');
      }),
      6_000,
    );
  });
});
