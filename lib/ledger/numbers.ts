/**
 * Numbers as a campaign manager types them, in French or English: `1 234,56`, `1234.56`, `1,234.56`,
 * `1.234,56`, `12 %`, `450 €`. One reading per text: where it could be read two ways (`1,234` is 1.234 to a
 * French reader and 1234 to an English one), the language decides; without one, a lone `,` is a decimal comma.
 */
const SPACES = /[\s\u00a0\u202f']/g;
const UNITS = /^[€$£%]|[€$£%]$|^(EUR|USD|GBP|CHF)\s*|\s*(EUR|USD|GBP|CHF|HT|TTC)$/gi;

export function parseDecimal(text: string, lang: 'fr' | 'en' | null = null): number | null {
  let s = text.trim().replace(UNITS, '').trim().replace(UNITS, '').replace(SPACES, '');
  if (s === '') return null;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('−')) {
    sign = -1;
    s = s.slice(1);
  }
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    // Both marks: the last one is the decimal mark, the other groups thousands.
    const [group, decimal] = comma > dot ? ['.', ','] : [',', '.'];
    if (s.indexOf(decimal) !== s.lastIndexOf(decimal)) return null;
    s = s.split(group).join('').replace(decimal, '.');
  } else if (comma >= 0) {
    const groups = /^\d{1,3}(,\d{3})+$/.test(s);
    if (s.indexOf(',') !== comma) {
      if (!groups) return null;
      s = s.split(',').join(''); // 1,234,567
    } else if (groups && lang === 'en') s = s.replace(',', '');
    else s = s.replace(',', '.');
  } else if (dot >= 0 && s.indexOf('.') !== dot) {
    if (!/^\d{1,3}(\.\d{3})+$/.test(s)) return null;
    s = s.split('.').join(''); // 1.234.567
  }
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const value = sign * Number(s);
  return Number.isFinite(value) ? value : null;
}

/** Cents, half away from zero: money typed or derived (an amount excluding tax) keeps two decimals. */
export function roundCents(value: number): number {
  return (Math.sign(value) * Math.round((Math.abs(value) + Number.EPSILON) * 100)) / 100;
}

/** An amount including tax brought back to excluding tax: 120 at 20 % → 100. */
export function excludingTax(amountIncludingTax: number, vatRate: number): number {
  return roundCents(amountIncludingTax / (1 + vatRate));
}
