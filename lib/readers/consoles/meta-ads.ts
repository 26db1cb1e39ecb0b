/**
 * Meta Ads Manager (adsmanager.facebook.com, business.facebook.com/adsmanager). Hashed class names change
 * weekly: only ARIA roles and `data-surface` paths are used.
 *
 * Quirks, and the fixtures that show them:
 * - a `role=table` div grid; a result-type sub-label under each figure (`58` / `Website leads`), so
 *   `Results` → `results` and, for a lead type, `leads`/`cpl` too — test/fixtures/dashboards/meta-ads-campaigns-en.html
 * - the footer row `Results from 6 campaigns` in a footer row group → totals — same fixture
 * - the account comes from `act=` in the URL (never with `act_`) — same fixture
 * - exports: currency in headers (`Amount spent (EUR)`), CTR in percent units without `%`, empty cells for no
 *   result, shared `Reporting starts`/`Reporting ends` → the range — test/fixtures/exports/meta-ads-export.csv
 * - exports: the total row comes first with an empty name; `Clicks (all)` with `CTR (all)`/`CPC (all)` beside
 *   the link-click pair; custom `* …` columns — ../shared/fixtures/real/meta-ads-campaigns-idr.csv
 * - `No data available.` under the header → no grid — ../shared/fixtures/real/meta-ads-no-data.csv
 */
import { onConsoleHost, paramInLinks, textMatch } from './common';
import type { ConsoleAdapter } from './types';

const ACT = /^(?:act_)?(\d{5,})$/;

export const metaAds: ConsoleAdapter = {
  id: 'meta-ads',
  matchesUrl: (url) => onConsoleHost('meta-ads', url) && (url.hostname.startsWith('adsmanager.') || url.pathname.startsWith('/adsmanager')),
  page: {
    title:
      /^ads manager\b|^administrador de anuncios\b|^gestionnaire de publicites\b|^werbeanzeigenmanager\b|^gestione inserzioni\b|^gerenciador de anuncios\b|^advertentiebeheer\b/,
    selector: '[data-surface^="/am/"]',
  },
  detectExport: (headers) => {
    const h = headers.map((x) => x.toLowerCase());
    return h.includes('reporting starts') || h.some((x) => /^amount spent \([a-z]{3}\)$/.test(x)) || h.includes('result indicator');
  },
  summaryRowSelector: '[data-surface="/am/table/footer_row"], [data-surface="/am/table/footer"] > [role="row"]',
  dateRangeSelector: '[data-surface="/am/date_picker"]',
  account: (doc, url) => {
    const fromUrl = url?.searchParams.get('act');
    const m = fromUrl ? ACT.exec(fromUrl) : null;
    if (m) return m[1] as string;
    const fromLinks = paramInLinks(doc, 'act', ACT);
    if (fromLinks) return ACT.exec(fromLinks)?.[1] ?? null;
    return textMatch(doc, '[aria-label^="Ad account"], [role="banner"] [aria-haspopup]', /\((\d{5,})\)/);
  },
  // Leads, Website leads, Leads (Form), Prospects, `…fb_pixel_lead`; Spanish, Italian, Portuguese wordings.
  leadResultType: /lead|prospect|cliente(?:s)? potencial|contatt|cadastro/i,
  exportRatesInPercentUnits: true,
};
