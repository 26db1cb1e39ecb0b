/**
 * A console export file (CSV/TSV) dropped into the side panel becomes captures: read by lib/readers
 * (`readExport`, the same code as the `extract` command), shown, then stored. A capture always has a date
 * range (DESIGN.md): the file's own, or one the user gives in the preview.
 */
import { isoWithOffset } from '@/lib/clock';
import { sameCampaign } from '@/lib/db/match';
import { type CampaignLink, type Capture, type DateRange, dateRange } from '@/lib/domain';
import { readExport } from '@/lib/readers/exports';
import type { Extraction } from '@/lib/readers/extraction';
import { ReadError } from '@/lib/readers/extraction';
import { MAX_IMPORT_BYTES, MAX_IMPORT_MB } from './limits';

export type ExportReading =
  | { ok: true; fileName: string; extraction: Extraction }
  | { ok: false; fileName: string; code: 'no-grid' | 'no-rows' | 'unreadable' | 'too-large'; reason: string };

/** A file too large to import, refused by its size before its bytes are read. */
export function tooLargeExport(fileName: string): ExportReading {
  return { ok: false, fileName, code: 'too-large', reason: `more than ${MAX_IMPORT_MB} MB` };
}

/** Reads an export's bytes; a file the readers cannot use says why (never throws). */
export function readConsoleExport(bytes: Uint8Array, fileName: string): ExportReading {
  if (bytes.length > MAX_IMPORT_BYTES) return tooLargeExport(fileName);
  try {
    return { ok: true, fileName, extraction: readExport(bytes, fileName) };
  } catch (e) {
    if (e instanceof ReadError) return { ok: false, fileName, code: e.code, reason: e.message };
    return { ok: false, fileName, code: 'unreadable', reason: e instanceof Error ? e.message : String(e) };
  }
}

/** The range the captures get: the file's, else the one the user typed (checked), else `null` (ask). */
export function rangeFor(extraction: Extraction, typed: { start: string; end: string } | null): DateRange | null {
  if (extraction.dateRange) return extraction.dateRange;
  if (!typed) return null;
  const parsed = dateRange.safeParse(typed);
  return parsed.success ? parsed.data : null;
}

/** One capture per row of the export, all with the same range, reading time and source. */
export function capturesFromExtraction(
  extraction: Extraction,
  range: DateRange,
  fileName: string,
  now: Date,
  newId: () => string,
): Capture[] {
  const capturedAt = isoWithOffset(now);
  return extraction.rows.map((row) => ({
    id: newId(),
    console: extraction.console,
    accountId: extraction.account,
    campaignId: row.campaign.id,
    campaignName: row.campaign.name,
    dateRange: range,
    currency: extraction.currency,
    metrics: row.metrics,
    capturedAt,
    url: `file:${fileName}`,
  }));
}

/** For each row, the link of the plan that this campaign feeds (DESIGN.md's matching rule), or `null`. */
export function linksOfRows(extraction: Extraction, links: readonly CampaignLink[]): (CampaignLink | null)[] {
  return extraction.rows.map(
    (row) =>
      links.find((link) =>
        sameCampaign(link, {
          console: extraction.console,
          accountId: extraction.account,
          campaignId: row.campaign.id,
          campaignName: row.campaign.name,
        }),
      ) ?? null,
  );
}
