/**
 * Mailchimp (*.admin.mailchimp.com/campaigns). An e-mail console: clicks per delivered e-mail, no currency.
 *
 * Quirks, and the fixtures that show them:
 * - exports: `Title` names the campaign and `Unique Id` identifies it (titles repeat); `Unique Opens` and
 *   `Unique Clicks` win over `Total Opens`/`Total Clicks`, `Total Bounces` over soft/hard; rates as `27.78%`;
 *   send dates differ, so no range — test/fixtures/exports/mailchimp-campaigns-export.csv,
 *   ../shared/fixtures/real/mailchimp-campaigns-recipients-only.csv (only `Total Recipients` → `sent`)
 * - the web list prints a rate in the `Opens`/`Clicks` columns (`27.8%`): read as `openRate`/`clickRate` —
 *   test/unit/readers/grid.test.ts
 */
import { onConsoleHost } from './common';
import type { ConsoleAdapter } from './types';

export const mailchimp: ConsoleAdapter = {
  id: 'mailchimp',
  email: true,
  matchesUrl: (url) => onConsoleHost('mailchimp', url),
  page: { title: /\bmailchimp\b/, selector: 'a[href*="admin.mailchimp.com"]' },
  detectExport: (headers) => {
    const h = headers.map((x) => x.toLowerCase());
    return (
      h.includes('unique id') ||
      (h.includes('title') && h.includes('send date')) ||
      (h.includes('total recipients') && h.includes('send weekday'))
    );
  },
};
