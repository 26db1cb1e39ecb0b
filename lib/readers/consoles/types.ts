import type { ConsoleId } from '../../domain/figures';
import type { ColumnRole } from '../headers';

/**
 * What Planpilot knows about one console's pages and exports. Everything here is optional but the id and the
 * detectors: a console the adapters do not know is read by the generic layers alone.
 */
export type ConsoleAdapter = {
  id: Exclude<ConsoleId, 'generic'>;
  /** Is this URL one of the console's pages? */
  matchesUrl(url: URL): boolean;
  /**
   * How a page shows it comes from the console, when its URL is unknown (a saved page, a local fixture): words of
   * its folded title, and a selector of stable hooks or links. Declarative, so all consoles are probed in one pass.
   */
  page: { title?: RegExp; selector?: string };
  /** Does this export come from the console? `headers`: the header row; `preamble`: the lines above it. */
  detectExport?(headers: string[], preamble: string[]): boolean;
  /** An e-mail console: clicks are per delivered e-mail (`clickRate`), money columns are rare. */
  email?: boolean;
  /** Attributes whose value names a cell's column in div grids (Google Ads `essfield`). */
  columnKeyAttributes?: string[];
  /** The role of a column from its stable hook (an `essfield` id), before its words. */
  hookRole?(hook: string): ColumnRole | null;
  /** Rows that are summary rows by their place (a footer row group). */
  summaryRowSelector?: string;
  /** Elements that show the date range the grid covers. */
  dateRangeSelector?: string;
  /** The account id as the page shows it. */
  account?(doc: Document, url: URL | null): string | null;
  /**
   * Result types that are leads (Meta): a row whose `Results` sub-label or result-type column matches also gets
   * its results as `leads` and its cost per result as `cpl` (DESIGN.md, "Which column feeds which key").
   */
  leadResultType?: RegExp;
  /** Meta exports write CTR in percent units without `%` (`1.5117689881` is 1.51 %). */
  exportRatesInPercentUnits?: boolean;
};
