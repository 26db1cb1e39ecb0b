/**
 * Numbers, money, rates and dates in the user's locale, with `Intl` only.
 * A missing figure (null/undefined) is "—", never 0.
 */
export const NO_FIGURE = '—';

export type Formatters = {
  locale: string;
  number: (v: number | null | undefined, digits?: number) => string;
  money: (v: number | null | undefined, digits?: number) => string;
  /** A fraction shown as a percentage (0.125 → "12,5 %"). */
  percent: (v: number | null | undefined, digits?: number) => string;
  /** A ratio such as pacing (1.03 → "103 %") or ROAS ("2,4×"). */
  times: (v: number | null | undefined) => string;
  day: (iso: string) => string;
  range: (start: string, end: string) => string;
};

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** A calendar day as a UTC date, so formatting never shifts it by a time zone. */
const utcDay = (iso: string) => new Date(`${iso}T00:00:00Z`);

const made = new Map<string, Formatters>();

/** Formatters for a locale and currency, made once and kept (Intl formatters are costly to build). */
export function makeFormatters(locale: string, currency: string): Formatters {
  const key = `${locale}|${currency}`;
  let f = made.get(key);
  if (!f) {
    f = buildFormatters(locale, currency);
    made.set(key, f);
  }
  return f;
}

function buildFormatters(locale: string, currency: string): Formatters {
  const guard =
    (f: (v: number, digits?: number) => string) =>
    (v: number | null | undefined, digits?: number): string =>
      v === null || v === undefined || !Number.isFinite(v) ? NO_FIGURE : f(v, digits);
  const dayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return {
    locale,
    number: guard((v, digits = 0) => nf(locale, { maximumFractionDigits: digits }).format(v)),
    money: guard((v, digits = 2) =>
      nf(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v),
    ),
    percent: guard((v, digits = 1) => nf(locale, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: digits }).format(v)),
    times: guard((v) => nf(locale, { style: 'percent', maximumFractionDigits: 0 }).format(v)),
    day: (iso) => dayFormat.format(utcDay(iso)),
    range: (start, end) => dayFormat.formatRange(utcDay(start), utcDay(end)),
  };
}
