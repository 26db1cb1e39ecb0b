/**
 * Figures as consoles print them, in any locale: `1 234,56 €` (U+202F, U+00A0), `1.234,56`, `1,234.56`,
 * `1'234.50`, `(12.50)`, `-€1,234.56`, `CHF-1'234.56`, `%12,5`, `12.3K`, `1,2 M`, `3,47 %`.
 *
 * One pass over the characters, no regular expression per cell: this runs on every cell of grids with
 * thousands of rows. Values are built from their decimal digits (`Number("123456e-4")`), so `3,47 %` is
 * exactly the double nearest 0.0347, as a reader of the page would write it.
 *
 * A single `,` or `.` followed by exactly three digits (`1,234`) is ambiguous: the figure keeps both readings
 * and the caller settles it with the evidence it has (the column's other cells, the page's language): see
 * {@link settle} and {@link decideDecimal}.
 */
import { CURRENCY_TOKENS } from './currency';

export type DecimalSep = '.' | ',';

export type Figure = {
  /** The value, reading an ambiguous separator as grouping (`1,234` → 1234). */
  value: number;
  /** The value reading the ambiguous separator as a decimal point (`1,234` → 1.234); equals `value` otherwise. */
  alt: number;
  /** The single separator that could be either, or null. */
  ambiguous: DecimalSep | null;
  /** The decimal separator this figure proves (`1,5` proves `,`; `1,234,567` proves `.`), or null. */
  vote: DecimalSep | null;
  percent: boolean;
  /** The currency as written next to the figure (`€`, `$`, `EUR`, `R$`), or null. */
  currency: string | null;
  /** A second figure in parentheses after the first: Brevo's `5 127 (41,7 %)`. */
  secondary: Figure | null;
  /** Text left after the figure (a unit, or a sub-label glued by textContent). */
  rest: string;
};

/** What a cell shows when it has no figure: a dash, an empty cell, a threshold like `< 10%`. */
export const NO_FIGURE = 'none' as const;
export type Reading = Figure | typeof NO_FIGURE | null;

const NO_FIGURE_WORDS = new Set([
  'n/a',
  'na',
  'n.a.',
  'n. a.',
  'n.v.',
  'n. v.',
  'k.a.',
  'k. a.',
  's.o.',
  'nd',
  'n.d.',
  'null',
  'nan',
  'none',
  '∅',
  '…',
  '...',
]);

/** Currency tokens by first character; `word` tokens (letters at the end) must not run into more letters. */
const TOKENS_BY_FIRST = new Map<number, { token: string; word: boolean }[]>();
for (const token of CURRENCY_TOKENS) {
  const first = token.charCodeAt(0);
  const entry = { token, word: /[A-Za-z]$/.test(token) };
  const list = TOKENS_BY_FIRST.get(first);
  if (list) list.push(entry);
  else TOKENS_BY_FIRST.set(first, [entry]);
}

/** Multipliers written after a figure (`12.3K`, `1,2 M`, `3 Mio.`, `2 Mrd`, `12 mil`). Longest first. */
const ABBREVIATIONS: [string, number][] = [
  ['mrd.', 9],
  ['mrd', 9],
  ['mds', 9],
  ['md', 9],
  ['bn', 9],
  ['mld', 9],
  ['mio.', 6],
  ['mio', 6],
  ['mln', 6],
  ['mn', 6],
  ['mi', 6],
  ['m', 6],
  ['b', 9],
  ['tsd.', 3],
  ['tsd', 3],
  ['mil', 3],
  ['k', 3],
  ['тыс.', 3],
  ['млн', 6],
  ['млрд', 9],
];

const isDigit = (c: number) => c >= 48 && c <= 57;
/** Spaces of every width (incl. U+00A0, U+202F, U+2009) and invisible bidi marks. */
const isSpace = (c: number) =>
  c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007 || c === 0x200a;
const isInvisible = (c: number) =>
  c === 0x200e ||
  c === 0x200f ||
  c === 0x061c ||
  c === 0xfeff ||
  c === 0x200b ||
  (c >= 0x202a && c <= 0x202e) ||
  (c >= 0x2066 && c <= 0x2069);
const isMinus = (c: number) => c === 45 || c === 0x2212 || c === 0x2012 || c === 0x2013 || c === 0xfe63 || c === 0xff0d;
const isApostrophe = (c: number) => c === 39 || c === 0x2019 || c === 0x02bc;

function currencyAt(s: string, i: number): string | null {
  const list = TOKENS_BY_FIRST.get(s.charCodeAt(i));
  if (list === undefined) return null;
  for (const { token, word } of list) {
    if (!s.startsWith(token, i)) continue;
    // A code or a word must not run into letters: `EUR` in `EURO` or `Rs` in `Rsomething` is not a currency.
    if (word) {
      const next = s.charCodeAt(i + token.length);
      if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122)) continue;
    }
    return token;
  }
  return null;
}

/** Is the text (between `from` and `end`) a "no figure" mark: a dash, nothing, `n/a`, a threshold like `< 10%`? */
function noFigure(s: string, from: number, end: number): boolean {
  let onlyMarks = true;
  for (let i = from; i < end; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) return thresholdAt(s, from, end);
    if (!(isSpace(c) || isInvisible(c) || isMinus(c) || c === 0x2014 || c === 0x2015 || c === 46 || c === 47 || c === 42))
      onlyMarks = false;
  }
  if (onlyMarks) return true; // "", "—", "–", "--", " --", "-", "*"
  return NO_FIGURE_WORDS.has(s.slice(from, end).toLowerCase()) || thresholdAt(s, from, end);
}

/** Thresholds (`< 10%`, `> 90%`, `≤ 5`) are not figures. */
function thresholdAt(s: string, from: number, end: number): boolean {
  if (from >= end) return false;
  const c = s.charCodeAt(from);
  return c === 60 || c === 62 || c === 0x2264 || c === 0x2265;
}

/** 10^n for n in 0…22, exact doubles. */
const POW10 = Array.from({ length: 23 }, (_, n) => 10 ** n);

/**
 * The double nearest `mantissa × 10^exp` (a correctly rounded division or product of exact doubles while the
 * mantissa has at most 15 digits); longer mantissas go through the decimal string.
 */
function decimalValue(negative: boolean, mantissa: number, digits: string | null, exp: number): number {
  let v: number;
  if (digits === null && exp >= -22 && exp <= 22) v = exp >= 0 ? mantissa * (POW10[exp] as number) : mantissa / (POW10[-exp] as number);
  else v = Number(`${digits ?? mantissa}e${exp}`);
  return negative ? -v : v;
}

/** A blank figure, to be filled by {@link readFigure}. */
export const newFigure = (): Figure => ({
  value: 0,
  alt: 0,
  ambiguous: null,
  vote: null,
  percent: false,
  currency: null,
  secondary: null,
  rest: '',
});

/**
 * Reads the first figure of a text. `NO_FIGURE` for a dash, an empty cell or a threshold; `null` when the
 * text is not a figure (words before any digit). `into`: a figure to fill instead of a new one (a grid of
 * 60,000 cells then allocates nothing per cell).
 */
export function readFigure(text: string, into?: Figure): Reading {
  let from = 0;
  let end = text.length;
  while (from < end && (isSpace(text.charCodeAt(from)) || isInvisible(text.charCodeAt(from)))) from++;
  while (end > from && (isSpace(text.charCodeAt(end - 1)) || isInvisible(text.charCodeAt(end - 1)))) end--;
  if (from === end || !isDigit(text.charCodeAt(from))) {
    if (noFigure(text, from, end)) return NO_FIGURE;
  }
  const out = into ?? newFigure();
  return scan(text, from, end, out) ? out : null;
}

function scan(s: string, from: number, end: number, out: Figure): boolean {
  let i = from;
  let negative = false;
  let paren = false;
  let percent = false;
  let currency: string | null = null;
  // ── prefix: sign, parenthesis, currency, percent (Turkish `%12`) ──
  for (;;) {
    if (i >= end) return false;
    const c = s.charCodeAt(i);
    if (isDigit(c)) break;
    if (isSpace(c) || isInvisible(c) || c === 43) {
      i++;
      continue;
    }
    if (isMinus(c)) {
      negative = true;
      i++;
      continue;
    }
    if (c === 40 && !paren) {
      paren = true;
      i++;
      continue;
    }
    if ((c === 37 || c === 0x066a) && !percent) {
      percent = true;
      i++;
      continue;
    }
    const token: string | null = currency === null ? currencyAt(s, i) : null;
    if (token) {
      currency = token;
      i += token.length;
      continue;
    }
    return false;
  }
  // ── body: digits and separators, read as one integer (the mantissa) and the digits after each separator ──
  let mantissa = 0;
  let count = 0; // digits in the mantissa
  let dots = 0;
  let commas = 0;
  let spaced = false; // a space or an apostrophe groups thousands
  let last = 0; // 0 none, 1 dot, 2 comma: the last point or comma seen
  let afterLastMark = 0; // digits after the last point or comma
  let beforeFirstMark = -1; // digits before the first point or comma
  let sawMark = false;
  const bodyFrom = i;
  let bodyEnd = i;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      mantissa = mantissa * 10 + (c - 48);
      count++;
      if (sawMark) afterLastMark++;
      i++;
      bodyEnd = i;
      continue;
    }
    const isDot = c === 46 || c === 0x066b;
    const isComma = c === 44 || c === 0x066c;
    const isGroupSpace = isSpace(c) || isApostrophe(c);
    if (!(isDot || isComma || isGroupSpace)) break;
    // A separator must be followed by a digit; a space or an apostrophe by exactly three digits.
    let k = i + 1;
    while (k < end && isDigit(s.charCodeAt(k))) k++;
    const run = k - i - 1;
    if (run === 0 || (isGroupSpace && run !== 3)) break;
    if (isGroupSpace) spaced = true;
    else {
      if (!sawMark) beforeFirstMark = count;
      sawMark = true;
      afterLastMark = 0;
      if (isDot) {
        dots++;
        last = 1;
      } else {
        commas++;
        last = 2;
      }
    }
    i++;
  }
  i = bodyEnd;
  // ── suffix: multiplier, percent, currency, closing parenthesis ──
  let exp = 0;
  let multiplied = false;
  for (;;) {
    while (i < end && (isSpace(s.charCodeAt(i)) || isInvisible(s.charCodeAt(i)))) i++;
    if (i >= end) break;
    const c = s.charCodeAt(i);
    if ((c === 37 || c === 0x066a) && !percent) {
      percent = true;
      i++;
      continue;
    }
    if (c === 41 && paren) {
      paren = false;
      negative = true;
      i++;
      continue;
    }
    if (isDigit(c) || c === 45 || c === 47 || c === 58 || c === 44 || c === 46) break; // a date, a time, a range: not this figure
    if (!multiplied && currency === null) {
      const token = currencyAt(s, i);
      if (token) {
        currency = token;
        i += token.length;
        continue;
      }
    }
    if (!multiplied && !percent) {
      const m = multiplierAt(s, i, end);
      if (m) {
        exp += m[1];
        multiplied = true;
        i += m[0].length;
        continue;
      }
    }
    if (currency === null) {
      const token = currencyAt(s, i);
      if (token) {
        currency = token;
        i += token.length;
        continue;
      }
    }
    break;
  }
  if (paren) return false; // "(" never closed: not an accounting negative
  // ── which separator is the decimal point ──
  let fraction = 0;
  let ambiguous: DecimalSep | null = null;
  let vote: DecimalSep | null = null;
  if (dots > 0 && commas > 0) {
    vote = last === 1 ? '.' : ',';
    fraction = afterLastMark;
  } else if (dots + commas > 0) {
    const ch: DecimalSep = dots > 0 ? '.' : ',';
    if (dots + commas > 1) {
      vote = ch === '.' ? ',' : '.'; // 1,234,567 or 12,34,567: grouping, so the decimal point is the other one
    } else if (afterLastMark !== 3 || multiplied || spaced || beforeFirstMark > 3 || (beforeFirstMark === 1 && mantissa < 1000)) {
      // 1,5 · 12.3K · 1 234,567 · 1234,567 · 0,123: only a decimal separator reads this way
      vote = ch;
      fraction = afterLastMark;
    } else {
      ambiguous = ch;
    }
  }
  if (percent) exp -= 2;
  const digits = count > 15 ? s.slice(bodyFrom, bodyEnd).replace(NOT_DIGITS, '') : null;
  const value = decimalValue(negative, mantissa, digits, exp - fraction);
  const alt = ambiguous ? decimalValue(negative, mantissa, digits, exp - 3) : value;
  // 400 nines are no figure a console shows: Infinity would fail the reading's schema and lose the whole grid.
  if (!Number.isFinite(value) || !Number.isFinite(alt)) return false;
  // ── a second figure in parentheses: `5 127 (41,7 %)` ──
  let secondary: Figure | null = null;
  let j = i;
  while (j < end && (isSpace(s.charCodeAt(j)) || isInvisible(s.charCodeAt(j)))) j++;
  if (j < end && s.charCodeAt(j) === 40) {
    const close = s.indexOf(')', j);
    if (close > j && close < end) {
      const second = newFigure();
      if (scan(s, j + 1, close, second) && second.rest === '') {
        secondary = second;
        i = close + 1;
      }
    }
  }
  out.value = value;
  out.alt = alt;
  out.ambiguous = ambiguous;
  out.vote = vote;
  out.percent = percent;
  out.currency = currency;
  out.secondary = secondary;
  out.rest = i >= end ? '' : s.slice(i, end).trim();
  return true;
}

const NOT_DIGITS = /\D/g;

function multiplierAt(s: string, i: number, end: number): [string, number] | null {
  const lower = s.slice(i, Math.min(end, i + 5)).toLowerCase();
  for (const m of ABBREVIATIONS) {
    if (!lower.startsWith(m[0])) continue;
    const next = s.charCodeAt(i + m[0].length);
    // The word must end there: `12 mil` yes, `12 miles` no.
    if (i + m[0].length >= end || !((next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next >= 0x400)) return m;
  }
  return null;
}

/** The value of a figure once the decimal separator is known (`null`: an ambiguous separator is grouping). */
export function settle(f: Figure, decimal: DecimalSep | null): number {
  return f.ambiguous !== null && f.ambiguous === decimal ? f.alt : f.value;
}

const LANG_DECIMAL = new Map<string, DecimalSep | null>();

/** The decimal separator of a language (`fr` → `,`, `en-US` → `.`), from Intl; null when unknown. */
export function decimalOfLang(lang: string | null | undefined): DecimalSep | null {
  if (!lang) return null;
  const cached = LANG_DECIMAL.get(lang);
  if (cached !== undefined) return cached;
  let sep: DecimalSep | null = null;
  try {
    const part = new Intl.NumberFormat(lang).formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
    sep = part === ',' || part === '٫' ? ',' : part === '.' ? '.' : null;
  } catch {
    sep = null;
  }
  LANG_DECIMAL.set(lang, sep);
  return sep;
}

/** Tally of the decimal separators that figures prove. */
export type Votes = { dot: number; comma: number };
export const noVotes = (): Votes => ({ dot: 0, comma: 0 });
export function addVote(votes: Votes, f: Figure): void {
  if (f.vote === '.') votes.dot++;
  else if (f.vote === ',') votes.comma++;
  if (f.secondary?.vote === '.') votes.dot++;
  else if (f.secondary?.vote === ',') votes.comma++;
}
const verdict = (v: Votes): DecimalSep | null => (v.dot > v.comma ? '.' : v.comma > v.dot ? ',' : null);

/**
 * The decimal separator for an ambiguous `1,234`: the column's own unambiguous cells first; then, for a count
 * such as impressions (which has no fractions), none (`null`: the separator groups thousands); then the rest
 * of the grid, then the page's language, else a point.
 */
export function decideDecimal(column: Votes, opts: { integer?: boolean; grid?: Votes; lang?: string | null }): DecimalSep | null {
  const own = verdict(column);
  if (own) return own;
  if (opts.integer) return null;
  return (opts.grid && verdict(opts.grid)) || decimalOfLang(opts.lang) || '.';
}

/**
 * Reads one figure with a language hint, the way a single cell is read when nothing else is known:
 * `readNumber("1,234", "fr-FR")` is 1.234, `readNumber("1,234", "en-US")` is 1234. `undefined` when there is
 * no figure (a dash, an empty cell) or the text is not a figure.
 */
export function readNumber(text: string, lang?: string | null): number | undefined {
  const f = readFigure(text);
  if (f === null || f === NO_FIGURE || !restIsUnit(f.rest)) return undefined;
  return settle(f, decimalOfLang(lang) ?? '.');
}

/**
 * Is what follows a figure harmless: nothing, or words (a unit, a sub-label)? Not when it goes on with
 * digits or punctuation (`2026-11-01`, `09:00`, `10-20`): then the text was never one figure.
 */
export function restIsUnit(rest: string): boolean {
  if (rest === '') return true;
  const c = rest.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
}
