/**
 * The validated page reading, for the `extract` command and tests: readGrid (page.ts) checked against the
 * `extract` contract's schema. Kept apart from page.ts so the content script, which reads with the incremental
 * reader and leaves validation to the background, carries no zod.
 */
import { type Extraction, validateExtraction } from './extraction';
import type { Grid } from './grid';
import { readGrid } from './page';
import { ReadError, type ReadResult } from './read-error';

/**
 * Reads a console page. Throws a {@link ReadError} when the page has no readable grid or no data row.
 * `url`: the page's address when known; else the page decides.
 * The reading is validated against the `extract` contract's schema before it leaves the readers.
 */
export function readPage(doc: Document, url: string | null = null, found?: Grid | null): Extraction {
  return validateExtraction(readGrid(doc, url, found));
}

/** {@link readPage} without exceptions, for callers that show the reason. */
export function tryReadPage(doc: Document, url: string | null = null, found?: Grid | null): ReadResult {
  try {
    return { ok: true, extraction: readPage(doc, url, found) };
  } catch (e) {
    if (e instanceof ReadError) return { ok: false, code: e.code, reason: e.message };
    throw e;
  }
}
