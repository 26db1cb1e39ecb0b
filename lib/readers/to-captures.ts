import type { Capture, DateRange } from '../domain';
import type { Extraction } from './extraction';

/**
 * The Captures a reading gives: one per row that shows at least one figure, over `range`
 * (the page's own range, or the one the user confirmed). Totals are never stored: they are the
 * rows' sum as the console shows it, and storing both would count twice.
 */
export function capturesFromExtraction(
  extraction: Extraction,
  range: DateRange,
  meta: { url: string; capturedAt: string; newId: () => string },
): Capture[] {
  return extraction.rows
    .filter((row) => Object.keys(row.metrics).length > 0)
    .map((row) => ({
      id: meta.newId(),
      console: extraction.console,
      accountId: extraction.account,
      campaignId: row.campaign.id,
      campaignName: row.campaign.name,
      dateRange: range,
      currency: extraction.currency,
      metrics: row.metrics,
      capturedAt: meta.capturedAt,
      url: meta.url,
    }));
}
