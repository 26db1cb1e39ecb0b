/**
 * Currencies as consoles write them: a symbol or an ISO 4217 code, before or after the figure,
 * or in a header (`Amount spent (EUR)`).
 */

/** ISO 4217 codes we accept when written next to a figure or in a header (not every code: only real currencies in use). */
export const ISO_CODES = new Set(
  (
    'AED ARS AUD BDT BGN BHD BRL CAD CHF CLP CNY COP CZK DKK EGP EUR GBP HKD HUF IDR ILS INR ISK JOD JPY KES KRW KWD ' +
    'MAD MXN MYR NGN NOK NZD PEN PHP PKR PLN QAR RON RSD RUB SAR SEK SGD THB TND TRY TWD UAH USD UYU VND ZAR'
  ).split(' '),
);

/**
 * Symbols and local spellings → ISO code. Longest first when matching (`US$` before `$`).
 * `$`, `kr`, `¥` and `Fr.` depend on the locale: see {@link resolveSymbol}.
 */
const SYMBOLS: Record<string, string> = {
  '€': 'EUR',
  '£': 'GBP',
  '£GB': 'GBP', // French: `(1 234,50 £GB)`
  US$: 'USD',
  $US: 'USD',
  U$S: 'USD',
  CA$: 'CAD',
  C$: 'CAD',
  $CA: 'CAD',
  A$: 'AUD',
  AU$: 'AUD',
  $AU: 'AUD',
  NZ$: 'NZD',
  HK$: 'HKD',
  S$: 'SGD',
  R$: 'BRL',
  MX$: 'MXN',
  $MXN: 'MXN',
  $MX: 'MXN', // French: `(1 234,50 $MX)`
  NT$: 'TWD',
  '₹': 'INR',
  'Rs.': 'INR',
  Rs: 'INR',
  Rp: 'IDR',
  '₩': 'KRW',
  '₺': 'TRY',
  TL: 'TRY',
  '₽': 'RUB',
  'руб.': 'RUB',
  zł: 'PLN',
  Kč: 'CZK',
  Ft: 'HUF',
  lei: 'RON',
  '₪': 'ILS',
  '₫': 'VND',
  '฿': 'THB',
  '₱': 'PHP',
  '₴': 'UAH',
  RM: 'MYR',
  R: 'ZAR',
  'Fr.': 'CHF',
  'kr.': 'DKK',
  'CN¥': 'CNY',
  元: 'CNY',
  '￥': 'JPY',
  'JP¥': 'JPY',
  'ج.م.': 'EGP',
};

/** Currency words as they may stand next to a figure, longest first, for the number scanner. */
export const CURRENCY_TOKENS: string[] = [...Object.keys(SYMBOLS), '$', '¥', 'kr', ...ISO_CODES].sort((a, b) => b.length - a.length);

/** The ISO code a symbol stands for on a page in this language (`$` is USD unless the region says otherwise). */
export function resolveSymbol(symbol: string, lang: string | null): string | null {
  const upper = symbol.toUpperCase();
  if (ISO_CODES.has(upper) && symbol === upper) return upper;
  const known = SYMBOLS[symbol];
  if (known) return known;
  const [language = '', region = ''] = (lang ?? '').toLowerCase().split(/[-_]/);
  if (symbol === '$') {
    const byRegion: Record<string, string> = {
      ca: 'CAD',
      au: 'AUD',
      nz: 'NZD',
      mx: 'MXN',
      ar: 'ARS',
      cl: 'CLP',
      co: 'COP',
      hk: 'HKD',
      sg: 'SGD',
      tw: 'TWD',
      uy: 'UYU',
    };
    return byRegion[region] ?? 'USD';
  }
  if (symbol === 'kr') {
    if (language === 'sv') return 'SEK';
    if (language === 'nb' || language === 'no' || language === 'nn') return 'NOK';
    if (language === 'da') return 'DKK';
    if (language === 'is') return 'ISK';
    return null;
  }
  if (symbol === '¥') return language === 'zh' ? 'CNY' : 'JPY';
  return null;
}

/** A currency named in a header: `Amount spent (EUR)`, `Coût (€)`, `Kosten in EUR`. */
export function currencyInHeader(header: string): string | null {
  const m = /\(([A-Z]{3})\)|\b(?:in|en)\s+([A-Z]{3})\b|\(([€£$¥₹])\)/.exec(header);
  if (!m) return null;
  const code = m[1] ?? m[2];
  if (code) return ISO_CODES.has(code) ? code : null;
  return m[3] ? resolveSymbol(m[3], null) : null;
}
