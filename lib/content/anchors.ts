import type { ExtractionRow } from '../readers/extraction';
import type { Grid } from '../readers/grid';
import { rawText } from '../readers/text';

/**
 * The element each read row is shown in (its name cell), so the overlay can stand beside it.
 * Rows are matched in page order by name; a row the page no longer shows (a virtualised grid
 * unmounted it) has no anchor.
 */
export function rowAnchors(grid: Grid, rows: readonly ExtractionRow[]): (Element | null)[] {
  const nameCol = grid.plan.name;
  if (nameCol === null) return rows.map(() => null);
  const cells: { el: Element; text: string }[] = [];
  for (const row of grid.table.rows) {
    const cell = row.cells[nameCol];
    if (cell && typeof cell !== 'string') cells.push({ el: cell, text: rawText(cell) });
  }
  let from = 0;
  return rows.map((row) => {
    for (let i = from; i < cells.length; i++) {
      const cell = cells[i];
      if (cell?.text.includes(row.campaign.name)) {
        from = i + 1;
        return cell.el;
      }
    }
    return null;
  });
}
