/**
 * How much of a page one reading may take, so a hostile or runaway page (a 50,000-row grid, 10,000 columns,
 * a grid rewritten every frame) never freezes the console's tab: grid discovery and assembly stop at these
 * bounds, and the live reader keeps at most {@link MAX_ROWS} rows across readings.
 *
 * The bounds sit well above what consoles show (Google Ads pages at most 500 rows, Meta renders ~100 rows of
 * a virtualised grid, no console has 200 columns) and at the size the browser bench reads (5,000 × 12 cells).
 * Rows past the bound are not read; summary rows in a table's footer still are.
 */
export const MAX_ROWS = 5_000;
export const MAX_COLUMNS = 200;
/** Cells one reading visits at most (rows × columns read). */
export const MAX_CELLS = 100_000;
