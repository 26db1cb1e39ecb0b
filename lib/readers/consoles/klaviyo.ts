/**
 * Klaviyo (www.klaviyo.com/campaigns). An e-mail console; its campaign list is a list of record blocks (one per
 * campaign, label/value pairs), not a table.
 *
 * Quirks, and the fixtures that show them:
 * - cards with `Open rate`, `Click rate`, `Recipients`, `Revenue` label/value pairs and the campaign's link
 *   (`/campaign/ID/…`) as its title — test/fixtures/readers/klaviyo-card-list.html
 * - a send line under each title (`Sent Nov 5, 2026, 10:00 AM`) that is neither a name nor a range — same fixture
 */
import { onConsoleHost } from './common';
import type { ConsoleAdapter } from './types';

export const klaviyo: ConsoleAdapter = {
  id: 'klaviyo',
  email: true,
  matchesUrl: (url) => onConsoleHost('klaviyo', url),
  page: { title: /\bklaviyo\b/, selector: 'a[href*="klaviyo.com"]' },
  detectExport: (_headers, preamble) => /klaviyo/i.test(preamble.join(' ')),
};
