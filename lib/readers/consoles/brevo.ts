/**
 * Brevo, formerly Sendinblue (app.brevo.com/camp/…). An e-mail console: clicks per delivered e-mail, no currency.
 *
 * Quirks, and the fixtures that show them:
 * - a `<table>`; the open rate stands in the `Ouvertures` cell after the count, `5 127 (41,7 %)`; the name cell
 *   has an icon and a send-date sub-line; no range, no totals — test/fixtures/dashboards/brevo-campaigns-fr.html
 * - exports: `;`-separated with French or English words, hard and soft bounces in two columns (summed only when
 *   both show a figure) — test/unit/readers/exports.test.ts (no genuine export in the fixtures yet)
 */
import { onConsoleHost } from './common';
import type { ConsoleAdapter } from './types';

export const brevo: ConsoleAdapter = {
  id: 'brevo',
  email: true,
  matchesUrl: (url) => onConsoleHost('brevo', url) || /(?:^|\.)sendinblue\.com$/.test(url.hostname),
  page: { title: /\b(?:brevo|sendinblue)\b/, selector: 'a[href*="app.brevo.com"]' },
  detectExport: (_headers, preamble) => /brevo|sendinblue/i.test(preamble.join(' ')),
};
