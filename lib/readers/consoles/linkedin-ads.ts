/**
 * LinkedIn Campaign Manager (www.linkedin.com/campaignmanager/accounts/ID/…).
 *
 * Quirks, and the fixtures that show them:
 * - a real `<table>`; the name cell holds the link, an objective/format sub-line and hidden Edit/Duplicate
 *   buttons; ids from `/campaigns/ID/` links; helper text (`a11y-text`) in headers ("Sorted descending") —
 *   test/fixtures/dashboards/linkedin-campaign-manager-en.html
 * - the account id from `/accounts/ID/` in the URL, else the page's links or its "Account ID: …" — same fixture
 * - `Spent`, `Average CTR`, `Average CPC`, `Leads`, `Cost per lead`; no totals row — same fixture
 * - exports: a `Campaign Performance Report (in UTC)` title line and `Report Start`/`Report End` lines above the
 *   header, `Total Spent`, `Clicks to Landing Page` — test/unit/readers/exports.test.ts (no genuine export yet)
 */
import { onConsoleHost, textMatch } from './common';
import type { ConsoleAdapter } from './types';

const ACCOUNT_PATH = /\/campaignmanager\/accounts\/(\d+)/;

export const linkedinAds: ConsoleAdapter = {
  id: 'linkedin-ads',
  matchesUrl: (url) => onConsoleHost('linkedin-ads', url),
  page: { title: /\bcampaign manager\b/, selector: 'a[href^="/campaignmanager/"], a[href*="linkedin.com/campaignmanager/"]' },
  detectExport: (headers, preamble) => {
    const h = headers.map((x) => x.toLowerCase());
    return (
      /campaign performance report|linkedin/i.test(preamble.join(' ')) || h.includes('total spent') || h.includes('campaign group name')
    );
  },
  account: (doc, url) => {
    const fromUrl = url ? ACCOUNT_PATH.exec(url.pathname) : null;
    if (fromUrl) return fromUrl[1] as string;
    for (const a of doc.querySelectorAll('a[href*="/campaignmanager/accounts/"]')) {
      const m = ACCOUNT_PATH.exec(a.getAttribute('href') ?? '');
      if (m) return m[1] as string;
    }
    return textMatch(doc, 'main, header, body', /Account ID:?\s*(\d{5,})/i);
  },
};
