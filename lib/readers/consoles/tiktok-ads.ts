/**
 * TikTok Ads Manager (ads.tiktok.com/i18n/manage/…). An ARIA grid with a pinned name column.
 *
 * Quirks, and the fixtures that show them:
 * - the account is `aadvid=` in the URL — test/fixtures/readers/tiktok-aria-grid.html
 * - `Clicks (destination)`/`CTR (destination)`/`CPC (destination)` are the link-click family (`linkClicks`,
 *   and `ctr`/`cpc` only when no `(all)` pair stands) — same fixture
 * - the name column and the metric columns sit in two containers whose rows share `aria-rowindex` — same fixture
 * - the range is shown as `2026-11-01 ~ 2026-11-23` — same fixture
 */
import { onConsoleHost, paramInLinks } from './common';
import type { ConsoleAdapter } from './types';

export const tiktokAds: ConsoleAdapter = {
  id: 'tiktok-ads',
  matchesUrl: (url) => onConsoleHost('tiktok-ads', url),
  page: { title: /\btiktok\b/, selector: 'a[href*="//ads.tiktok.com"]' },
  detectExport: (headers) => headers.some((h) => /\(destination\)$/i.test(h)),
  account: (doc, url) => url?.searchParams.get('aadvid') ?? paramInLinks(doc, 'aadvid', /^\d+$/),
};
