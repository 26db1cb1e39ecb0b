/**
 * Google Ads (ads.google.com/aw/…). The campaigns grid is an Angular `ess-table`: div rows whose cells carry an
 * `essfield` id naming the column in every display language.
 *
 * Quirks, and the fixtures that show them:
 * - `essfield` ids map columns whatever the language — test/fixtures/dashboards/google-ads-campaigns-{en,fr}.html
 * - the account id `123-456-7890` sits in the customer picker of the top bar, not in the URL (`ocid`/`__c` are
 *   internal ids) — same fixtures
 * - the summary row `Total: All but removed campaigns` is a footer row of the same grid — same fixtures
 * - `—` for no figure after a 0-click row (Avg. CPC, Cost / conv.) — google-ads-campaigns-en.html
 * - exports: UTF-16LE with BOM, tab-separated, title lines above the header (`Campaign report`, the range), `--`
 *   or ` --` for no figure, several `Total: …` rows of which `Total: Campaigns` totals the grid —
 *   test/fixtures/exports/google-ads-campaigns-export.csv and ../shared/fixtures/real/google-ads-*.csv
 * - `Interactions`, `Interaction rate`, `Avg. cost` are not clicks; `Conv. (Platform Comparable)` and
 *   `Original conv. value` are left out — ../shared/fixtures/real/google-ads-campaigns-alltime-usd.csv,
 *   google-ads-video-demandgen-inr.csv
 */
import type { ColumnRole } from '../headers';
import { onConsoleHost, textMatch } from './common';
import type { ConsoleAdapter } from './types';

const metric = (key: Extract<ColumnRole, { kind: 'metric' }>['key']): ColumnRole => ({ kind: 'metric', key, rank: 4 });

/** `essfield` ids → roles. Unknown ids fall back to the header's words. */
const ESSFIELDS: Record<string, ColumnRole> = {
  campaign_name: { kind: 'name', rank: 5, entity: 'campaign' },
  ad_group_name: { kind: 'name', rank: 6, entity: 'adgroup' },
  adgroup_name: { kind: 'name', rank: 6, entity: 'adgroup' },
  campaign_id: { kind: 'id', rank: 5, entity: 'campaign' },
  'stats.clicks': metric('clicks'),
  'stats.impressions': metric('impressions'),
  'stats.click_through_rate': metric('ctr'),
  'stats.ctr': metric('ctr'),
  'stats.cost_per_click': metric('cpc'),
  'stats.average_cpc': metric('cpc'),
  'stats.cost': metric('cost'),
  'stats.conversions': metric('conversions'),
  'stats.cost_per_conversion': metric('cpa'),
  'stats.conversion_rate': metric('conversionRate'),
  'stats.conversion_value': metric('conversionValue'),
  'stats.conversions_value': metric('conversionValue'),
  'stats.conversion_value_per_cost': metric('roas'),
  'stats.conversions_value_per_cost': metric('roas'),
  'stats.average_cpm': metric('cpm'),
  budget: metric('budget'),
  campaign_budget: metric('budget'),
  budget_amount: metric('budget'),
};

const ACCOUNT_ID = /\b(\d{3}-\d{3}-\d{4})\b/;
/** The first title line of a report download, in the console's languages. */
const REPORT_TITLE =
  /^(?:(?:campaign|ad group|keyword|search terms?) report|rapport sur les campagnes|kampagnenbericht|informe de campañas|rapporto sulle campagne|relatório de campanhas|campagnerapport)$/i;

export const googleAds: ConsoleAdapter = {
  id: 'google-ads',
  matchesUrl: (url) => onConsoleHost('google-ads', url),
  page: { title: /(?:^|[-–|] )google ads$/, selector: '[essfield], ess-table, awsm-app' },
  // Microsoft's exports (tested first) also say `Impr.`, but they open with a `Report Name:` block.
  detectExport: (headers, preamble) =>
    headers.some((h) => h.trim() === 'Impr.') ||
    (headers.some((h) => /^currency code$/i.test(h.trim())) && headers.some((h) => /^campaign( status)?$/i.test(h.trim()))) ||
    REPORT_TITLE.test(preamble[0] ?? ''),
  columnKeyAttributes: ['essfield'],
  hookRole: (hook) => ESSFIELDS[hook] ?? null,
  summaryRowSelector: '.particle-table-summary-row',
  dateRangeSelector: 'date-range-picker, .date-range-text',
  account: (doc) => textMatch(doc, '[role="banner"], .customer-id, header', ACCOUNT_ID) ?? textMatch(doc, 'title', ACCOUNT_ID),
};
