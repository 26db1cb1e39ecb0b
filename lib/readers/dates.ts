/**
 * The date range a console shows, in EN/FR/DE/ES/IT/PT/NL: `Nov 1 – 23, 2026`, `1 – 23 nov. 2026`,
 * `Nov 1, 2026 – Nov 23, 2026`, `27 January 2026 - 23 February 2026`, `July 8, 2025 - July 31, 2025`,
 * `01/11/2026 – 23/11/2026`, `1. Nov. 2026 – 23. Nov. 2026`, `1 – 23 de nov. de 2026`, `2026-11-01 to 2026-11-23`,
 * `Dec 15, 2025 – Jan 14, 2026`. Calendar days only, no time zones.
 */
import type { DateRange } from '../domain/dates';
import { fold } from './text';

const MONTH_WORDS: [number, string][] = [
  [1, 'january jan januar janner janvier janv enero ene gennaio gen janeiro januari'],
  [2, 'february feb febr februar fevrier fevr fev febrero febbraio fevereiro februari'],
  [3, 'march mar marz maerz mrz mars marzo marco maart mrt'],
  [4, 'april apr avril avr abril abr aprile'],
  [5, 'may mai mayo maggio mag maio mei'],
  [6, 'june jun juin juni junio giugno giu junho'],
  [7, 'july jul juillet juil juli julio luglio lug julho'],
  [8, 'august aug aout agosto ago augustus'],
  [9, 'september sep sept septembre septiembre setiembre set settembre setembro'],
  [10, 'october oct octobre oktober okt octubre ottobre ott outubro out'],
  [11, 'november nov novembre noviembre novembro'],
  [12, 'december dec decembre dezember dez diciembre dic dicembre dezembro'],
];
const MONTHS = new Map<string, number>();
for (const [m, words] of MONTH_WORDS) for (const w of words.split(' ')) MONTHS.set(w, m);

/** Words between two dates that mean "to". */
const RANGE_WORDS = new Set(['to', 'until', 'through', 'thru', 'au', 'bis', 'al', 'a', 'ate', 'tot', 't/m', 'hasta', 'fino', "jusqu'au"]);

type Tok =
  | { t: 'date'; a: number; b: number; y: number; kind: 'iso' | 'dot' | 'slash' | 'daymonth' }
  | { t: 'num'; n: number; len: number }
  | { t: 'month'; m: number }
  | { t: 'sep' };

type Partial = { d?: number; m?: number; y?: number };

const ISO_DATE = /(\d{4})-(\d{1,2})-(\d{1,2})(?:T[\d:.]+Z?)?/g;
const YMD_SLASH = /(\d{4})\/(\d{1,2})\/(\d{1,2})/g;
const NUMERIC_DATE = /(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/g;
/** German day and month without the year, left of a range: `14.08. – 20.09.2001` (Intl's de-DE medium range). */
const DAY_MONTH_DOT = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(?![\d.])/g;
const TIME = /\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?/g;
const TOKEN = /\uE000(\d+)\uE000|(\d+)(?:st|nd|rd|th|er|eme|º|ª|\.)?|([a-z][a-z'/]*)\.?|([-–—~→])/g;

/**
 * The first date range in a text, or null. `lang` settles `01/02/2026` (en-US: month first; otherwise day first)
 * when neither side of the range does. `single`: a lone full date is a one-day range (a date picker showing
 * "Yesterday").
 */
export function parseDateRange(text: string, lang: string | null = null, opts: { single?: boolean } = {}): DateRange | null {
  const dates: Extract<Tok, { t: 'date' }>[] = [];
  const mark = (d: Extract<Tok, { t: 'date' }>) => {
    dates.push(d);
    return ` \uE000${dates.length - 1}\uE000 `;
  };
  let s = fold(text)
    .replace(ISO_DATE, (_, y, m, d) => mark({ t: 'date', a: +d, b: +m, y: +y, kind: 'iso' }))
    .replace(YMD_SLASH, (_, y, m, d) => mark({ t: 'date', a: +d, b: +m, y: +y, kind: 'iso' }))
    .replace(NUMERIC_DATE, (_, a, sep, b, y) => mark({ t: 'date', a: +a, b: +b, y: fullYear(y), kind: sep === '.' ? 'dot' : 'slash' }))
    .replace(DAY_MONTH_DOT, (all, d, m) =>
      +d >= 1 && +d <= 31 && +m >= 1 && +m <= 12 ? mark({ t: 'date', a: +d, b: +m, y: 0, kind: 'daymonth' }) : all,
    )
    .replace(TIME, ' ');
  s = s.replace(/\s+-\s+|\s*[–—]\s*/g, ' – ');
  const toks: Tok[] = [];
  for (const m of s.matchAll(TOKEN)) {
    if (m[1] !== undefined) toks.push(dates[Number(m[1])] as Tok);
    else if (m[2] !== undefined) toks.push({ t: 'num', n: Number(m[2]), len: m[2].length });
    else if (m[3] !== undefined) {
      const month = MONTHS.get(m[3]);
      if (month) toks.push({ t: 'month', m: month });
      else if (RANGE_WORDS.has(m[3])) toks.push({ t: 'sep' });
    } else if (m[4] !== undefined) toks.push({ t: 'sep' });
  }
  const segments: Tok[][] = [[]];
  for (const tok of toks) {
    if (tok.t === 'sep') segments.push([]);
    else (segments[segments.length - 1] as Tok[]).push(tok);
  }
  const monthFirst = /^en-us\b|^en$/i.test(lang ?? 'en-US');
  for (let i = 0; i + 1 < segments.length; i++) {
    const range = pair(segments[i] as Tok[], segments[i + 1] as Tok[], monthFirst);
    if (range) return range;
  }
  if (opts.single) {
    for (const seg of segments) {
      const p = side(seg, 'left', monthFirst, null);
      if (p?.d && p.m && p.y) {
        const day = iso(p.y, p.m, p.d);
        if (day) return { start: day, end: day };
      }
    }
  }
  return null;
}

function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

/** One side of a range: the date parts nearest the separator. */
function side(seg: Tok[], which: 'left' | 'right', monthFirst: boolean, slashOrder: 'dm' | 'md' | null): Partial | null {
  const ordered = which === 'left' ? [...seg].reverse() : seg;
  const full = ordered.find((t) => t.t === 'date');
  if (full && full.t === 'date') {
    if (full.kind === 'iso' || full.kind === 'dot') return { d: full.a, m: full.b, y: full.y };
    if (full.kind === 'daymonth') return { d: full.a, m: full.b }; // the year comes from the other side
    const order = slashOrder ?? (full.a > 12 ? 'dm' : full.b > 12 ? 'md' : monthFirst ? 'md' : 'dm');
    return order === 'dm' ? { d: full.a, m: full.b, y: full.y } : { d: full.b, m: full.a, y: full.y };
  }
  const p: Partial = {};
  for (const t of ordered) {
    if (t.t === 'month' && p.m === undefined) p.m = t.m;
    else if (t.t === 'num') {
      if (t.len === 4 && p.y === undefined) p.y = t.n;
      else if (t.len <= 2 && t.n >= 1 && t.n <= 31 && p.d === undefined) p.d = t.n;
    }
  }
  return p.d !== undefined || p.m !== undefined || p.y !== undefined ? p : null;
}

function slashOrderOf(seg: Tok[]): 'dm' | 'md' | null {
  for (const t of seg) if (t.t === 'date' && t.kind === 'slash') return t.a > 12 ? 'dm' : t.b > 12 ? 'md' : null;
  return null;
}

function pair(left: Tok[], right: Tok[], monthFirst: boolean): DateRange | null {
  // `01/11/2026 – 23/11/2026`: the side that can only be read one way decides for both.
  const order = slashOrderOf(right) ?? slashOrderOf(left);
  const a = side(left, 'left', monthFirst, order);
  const b = side(right, 'right', monthFirst, order);
  if (!a || !b || a.d === undefined || b.d === undefined) return null;
  a.m ??= b.m;
  b.m ??= a.m;
  if (a.m === undefined || b.m === undefined) return null;
  if (b.y === undefined) b.y = a.y;
  if (a.y === undefined && b.y !== undefined) a.y = a.m > b.m || (a.m === b.m && a.d > b.d) ? b.y - 1 : b.y;
  if (a.y === undefined || b.y === undefined) return null;
  const start = iso(a.y, a.m, a.d);
  const end = iso(b.y, b.m, b.d);
  if (!start || !end || start > end) return null;
  return { start, end };
}

function iso(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A calendar day written alone (`2026-11-01`, `11/1/2026`, `1 nov. 2026`), as `YYYY-MM-DD`, or null. */
export function parseDay(text: string, lang: string | null = null): string | null {
  return parseDateRange(text, lang, { single: true })?.start ?? null;
}
