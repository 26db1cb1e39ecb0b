/**
 * Microsoft Advertising (ui.ads.microsoft.com). The web grid speaks the same words as Google's (`Impr.`,
 * `Avg. CPC`, `Spend`, `Conv.`, `Cost / conv.`), which the generic header layer knows.
 *
 * Quirks, and where they are shown:
 * - the account is `aid=` in the URL (`cid=` is the customer, not the account) — test/unit/readers/consoles.test.ts
 * - exports: a header block of `"Report Name: …"`, `"Report Time: 11/1/2026 - 11/23/2026"` (month first),
 *   `"Time Zone: …"`, `"Rows: 3"` lines, a `Total` row, then a footer `"©2026 Microsoft Corporation. All rights
 *   reserved."` — test/unit/readers/exports.test.ts (documented format; no genuine export in the fixtures yet)
 */
import { onConsoleHost, paramInLinks } from './common';
import type { ConsoleAdapter } from './types';

export const microsoftAds: ConsoleAdapter = {
  id: 'microsoft-ads',
  matchesUrl: (url) => onConsoleHost('microsoft-ads', url),
  page: { title: /\bmicrosoft advertising\b/, selector: 'a[href*="//ui.ads.microsoft.com"]' },
  detectExport: (_headers, preamble) => preamble.some((l) => /^(?:report name|report time|last completed available day):/i.test(l)),
  account: (doc, url) => url?.searchParams.get('aid') ?? paramInLinks(doc, 'aid', /^\d+$/),
};
