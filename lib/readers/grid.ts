/**
 * Finding the grid on a page: HTML tables, ARIA grids (`role=grid|treegrid|table`, `row`, `columnheader`,
 * `gridcell|cell`, `aria-rowindex`, `aria-colindex`), div grids whose cells carry a column key (Google's
 * `essfield`, AG Grid's `col-id`) and whose columns may sit in several containers (a pinned name column beside
 * the metric columns, joined by row index), and repeated record blocks (cards of an e-mail campaign list).
 * The grid with the most recognisable metric headers wins; layout tables recognise none.
 *
 * Cost: two querySelectorAll over the page, for tables and for ARIA rows (a keyed-cell pass only when those
 * find nothing clear), then sibling links and a few attributes per row; a cell's text is read once, later, by
 * table.ts. No selector, closest() or regular expression per cell.
 */
import type { ConsoleAdapter } from './consoles/types';
import type { ColumnPlan } from './headers';
import { roleOfHeader } from './headers';
import { MAX_CELLS, MAX_COLUMNS, MAX_ROWS } from './limits';
import { NO_FIGURE, readFigure, restIsUnit } from './numbers';
import { type Cell, planTable, type SourceRow, type SourceTable } from './table';
import { squish, visibleText } from './text';

export type Grid = { table: SourceTable; plan: ColumnPlan };

const tagOf = (el: Element) => el.tagName.toUpperCase();
const intAttr = (el: Element, name: string): number | null => {
  const v = el.getAttribute(name);
  if (v === null) return null;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : null;
};
/** A header's label: its visible words (icons, helper text left out), else its aria-label or title. */
export function headerText(el: Element): string {
  return visibleText(el) || squish(el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '');
}

// ── HTML tables ──

function fromHtmlTable(table: Element): SourceTable | null {
  const rows: { tr: Element; section: string }[] = [];
  for (const child of table.children) {
    const tag = tagOf(child);
    if (tag === 'TR') rows.push({ tr: child, section: 'TBODY' });
    else if (tag === 'THEAD' || tag === 'TBODY' || tag === 'TFOOT') {
      for (const tr of child.children) if (tagOf(tr) === 'TR') rows.push({ tr, section: tag });
    }
  }
  if (rows.length < 2) return null;
  const theadRows = rows.filter((r) => r.section === 'THEAD');
  let headerRows = theadRows;
  if (headerRows.length === 0) {
    let n = 0;
    while (n < rows.length && allHeaderCells((rows[n] as { tr: Element }).tr)) n++;
    headerRows = rows.slice(0, Math.max(1, n)); // old intranet tables: a first row of <td><b>…</b></td>
  }
  const headers = headerLabels(headerRows.map((r) => r.tr));
  const body: SourceRow[] = [];
  let visited = 0; // cells of body rows (limits.ts: a huge grid is read in its first rows, footers always)
  for (const r of rows) {
    if (headerRows.includes(r)) continue;
    const footer = r.section === 'TFOOT';
    if (!footer && (body.length >= MAX_ROWS || visited >= MAX_CELLS)) continue;
    const { cells, width } = htmlRowCells(r.tr);
    visited += width;
    body.push({ cells, footer, el: r.tr });
  }
  return { headers, hooks: headers.map(() => null), rows: body, root: table, kind: 'table' };
}

/** A body row's cells, each at its column (a `colspan` leaves the columns it covers empty). */
function htmlRowCells(tr: Element): { cells: (Cell | undefined)[]; width: number } {
  const cells: (Cell | undefined)[] = [];
  let pos = 0;
  for (let cell = tr.firstElementChild; cell && pos < MAX_COLUMNS; cell = cell.nextElementSibling) {
    const tag = tagOf(cell);
    if (tag !== 'TD' && tag !== 'TH') continue;
    cells[pos] = cell;
    pos += Math.max(1, intAttr(cell, 'colspan') ?? 1);
  }
  return { cells, width: pos };
}

function allHeaderCells(tr: Element): boolean {
  let any = false;
  for (const c of tr.children) {
    const tag = tagOf(c);
    if (tag === 'TD') return false;
    if (tag === 'TH') any = true;
  }
  return any;
}

/** Labels of header rows with colspan/rowspan: the lowest row's label, else the one above (grouped headers). */
function headerLabels(trs: Element[]): string[] {
  const grid: string[][] = [];
  trs.forEach((tr, r) => {
    grid[r] ??= [];
    let pos = 0;
    for (let cell = tr.firstElementChild; cell && pos < MAX_COLUMNS; cell = cell.nextElementSibling) {
      const tag = tagOf(cell);
      if (tag !== 'TD' && tag !== 'TH') continue;
      while (grid[r]?.[pos] !== undefined) pos++;
      const span = Math.max(1, intAttr(cell, 'colspan') ?? 1);
      const down = Math.max(1, intAttr(cell, 'rowspan') ?? 1);
      const text = headerText(cell);
      for (let dr = 0; dr < down; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < span; dc++) (grid[r + dr] as string[])[pos + dc] = text;
      }
      pos += span;
    }
  });
  const width = Math.max(0, ...grid.map((g) => g.length));
  const labels: string[] = [];
  for (let c = 0; c < width; c++) {
    let label = '';
    for (let r = grid.length - 1; r >= 0 && !label; r--) label = grid[r]?.[c] ?? '';
    labels.push(label);
  }
  return labels;
}

// ── ARIA grids ──

const CELL_ROLES = new Set(['gridcell', 'cell', 'columnheader', 'rowheader']);
const ROW_INDEX_ATTRS = ['aria-rowindex', 'row-index', 'data-row-index', 'data-rowindex'];

/** One row element of an ARIA grid: its row index and tree level attributes, read once, and its cells. */
type PartRow = { el: Element; index: string | null; level: number | null; cells: Element[] };

function ariaCells(row: Element): Element[] {
  // Nearly always the row's children are its cells: check the ends, take them all (sibling links, no collection).
  const first = row.firstElementChild;
  const lastChild = row.lastElementChild;
  if (
    first &&
    lastChild &&
    CELL_ROLES.has(first.getAttribute('role') ?? '') &&
    (first === lastChild || CELL_ROLES.has(lastChild.getAttribute('role') ?? ''))
  ) {
    const all: Element[] = [];
    for (let c: Element | null = first; c && all.length < MAX_COLUMNS; c = c.nextElementSibling) all.push(c);
    return all;
  }
  const out: Element[] = [];
  for (let c = row.firstElementChild; c && out.length < MAX_COLUMNS; c = c.nextElementSibling) {
    const role = c.getAttribute('role');
    if (role && CELL_ROLES.has(role)) out.push(c);
  }
  if (out.length > 0) return out;
  // Cells wrapped in a container: owned by this row all the same.
  for (const c of row.querySelectorAll('[role="gridcell"], [role="cell"], [role="columnheader"], [role="rowheader"]')) {
    if (c.closest('[role="row"]') === row) out.push(c);
    if (out.length >= MAX_COLUMNS) break;
  }
  return out;
}

function rowIndexOf(el: Element): string | null {
  for (const a of ROW_INDEX_ATTRS) {
    const v = el.getAttribute(a);
    if (v !== null) return v;
  }
  return null;
}

/**
 * Joins the parts of a row split over containers (pinned + scrolling) by their row index, and places cells by
 * `aria-colindex` where given, else one after the other in document order.
 */
function joinParts(parts: PartRow[], isHeader: (r: PartRow) => boolean, footer: (el: Element) => boolean) {
  type Joined = {
    header: boolean;
    footer: boolean;
    index: string | null;
    level: number | null;
    cells: (Element | undefined)[];
    next: number;
    el: Element;
    parts?: Element[];
  };
  const joined: Joined[] = [];
  // A plain record: row indices are mostly integers, which it keeps as elements (cheaper than a Map's hashing of
  // thousands of fresh attribute strings).
  const byIndex: Record<string, Joined> = Object.create(null);
  for (const part of parts) {
    const header = isHeader(part);
    const key = part.index === null ? null : header ? `h${part.index}` : part.index;
    let row = key === null ? undefined : byIndex[key];
    const cells = part.cells;
    const n = cells.length;
    const firstCol = n > 0 ? intAttr(cells[0] as Element, 'aria-colindex') : null;
    const lastCol = n > 1 ? intAttr(cells[n - 1] as Element, 'aria-colindex') : firstCol;
    const contiguous = firstCol === null || (firstCol >= 1 && lastCol === firstCol + n - 1 && !header);
    if (!row) {
      // A whole row from its first column (the usual case) keeps its own array of cells.
      const whole = contiguous && (firstCol === null || firstCol === 1);
      row = {
        header,
        footer: footer(part.el),
        index: part.index,
        level: part.level,
        cells: whole ? cells : [],
        next: whole ? n : 0,
        el: part.el,
      };
      joined.push(row);
      if (key !== null) byIndex[key] = row;
      if (whole) continue;
    } else if (row.parts) row.parts.push(part.el);
    else row.parts = [row.el, part.el];
    if (n === 0) continue;
    if (contiguous) {
      // Contiguous cells (the usual case): placed one after the other, no attribute read per cell.
      let pos = firstCol === null ? row.next : firstCol - 1;
      for (const cell of cells) row.cells[pos++] = cell;
      row.next = pos;
      continue;
    }
    for (const cell of cells) {
      const col = intAttr(cell, 'aria-colindex');
      const pos = col !== null && col >= 1 ? col - 1 : row.next;
      row.cells[pos] = cell;
      row.next = pos + Math.max(1, intAttr(cell, 'aria-colspan') ?? 1);
    }
  }
  return joined;
}

/**
 * A header row: its cells are column headers (a leading checkbox cell may not be). Data rows are told apart by
 * their first two cells, without a look at every cell.
 */
function isHeaderRow(cells: Element[]): boolean {
  const [a, b] = cells;
  if (a?.getAttribute('role') !== 'columnheader' && b?.getAttribute('role') !== 'columnheader') return false;
  let headers = 0;
  for (const c of cells) if (c.getAttribute('role') === 'columnheader') headers++;
  return headers * 2 >= cells.length;
}

function fromParts(parts: PartRow[], root: Element, footer: (el: Element) => boolean): SourceTable | null {
  const joined = joinParts(parts, (r) => isHeaderRow(r.cells), footer);
  const headerRows = joined.filter((r) => r.header);
  if (headerRows.length === 0) return null;
  const width = Math.max(0, ...joined.map((r) => r.cells.length));
  const headers: string[] = [];
  for (let c = 0; c < width; c++) {
    let label = '';
    for (let r = headerRows.length - 1; r >= 0 && !label; r--) {
      const cell = headerRows[r]?.cells[c];
      if (cell) label = headerText(cell);
    }
    headers.push(label);
  }
  let data = joined.filter((r) => !r.header);
  // Virtualised grids may render rows out of order: put them in row-index order when every row has one.
  let allIndexed = data.length > 1;
  let inOrder = true;
  let previous = Number.NEGATIVE_INFINITY;
  for (const r of data) {
    const n = r.index === null ? Number.NaN : Number(r.index);
    if (!Number.isFinite(n)) {
      allIndexed = false;
      break;
    }
    if (n < previous) inOrder = false;
    previous = n;
  }
  if (allIndexed && !inOrder) data = [...data].sort((a, b) => Number(a.index) - Number(b.index));
  return { headers, hooks: headers.map(() => null), rows: data, root, kind: 'aria' };
}

const GRID_ROLE_NAMES = new Set(['grid', 'treegrid', 'table']);

/** The grid a row belongs to: its nearest ancestor that is a grid (or an HTML table), by parent links. */
function gridOf(row: Element): Element | null {
  for (let e = row.parentElement; e; e = e.parentElement) {
    if (GRID_ROLE_NAMES.has(e.getAttribute('role') ?? '') || tagOf(e) === 'TABLE') return e;
  }
  return null;
}

function fromAriaGrid(grid: Element, rows: Element[], footer: (el: Element) => boolean): SourceTable | null {
  const parts: PartRow[] = [];
  let visited = 0; // limits.ts: a huge grid is read in its first rows
  for (const row of rows) {
    if (parts.length > MAX_ROWS || visited >= MAX_CELLS) break;
    if (row.getAttribute('aria-hidden') === 'true') continue;
    const cells = ariaCells(row);
    visited += cells.length;
    parts.push({ el: row, index: rowIndexOf(row), level: intAttr(row, 'aria-level'), cells });
  }
  const top = topLevelRows(parts);
  return top.length > 1 ? fromParts(top, grid, footer) : null;
}

/**
 * A tree grid's rows of its top level only: a campaign expanded to show its ad groups keeps its own row, and the
 * ad groups (`aria-level` deeper) are left out, as their figures are already in it. Rows without a level stay.
 */
function topLevelRows(parts: PartRow[]): PartRow[] {
  let top = Number.POSITIVE_INFINITY;
  for (const p of parts) if (p.level !== null) top = Math.min(top, p.level);
  if (top === Number.POSITIVE_INFINITY) return parts;
  return parts.filter((p) => p.level === null || p.level === top);
}

// ── div grids keyed by a column attribute (Google Ads `essfield`, AG Grid `col-id`) ──

const KEY_ATTRS = ['essfield', 'col-id', 'data-col-id', 'data-colid', 'data-field', 'data-column', 'data-column-id'];

function fromKeyedCells(root: ParentNode, attrs: string[], footer: (el: Element) => boolean): SourceTable[] {
  // One pass over every keyed cell; rows grouped per attribute (a page may use two kinds of grid).
  const byAttr = new Map<string, Map<Element, Element[]>>();
  let visited = 0; // limits.ts: a huge grid is read in its first cells
  for (const cell of root.querySelectorAll(attrs.map((a) => `[${a}]`).join(', '))) {
    if (++visited > MAX_CELLS) break;
    const attr = attrs.find((a) => cell.hasAttribute(a)) as string;
    const row = cell.parentElement;
    if (!row || row.hasAttribute(attr)) continue;
    let rowsByEl = byAttr.get(attr);
    if (!rowsByEl) {
      rowsByEl = new Map();
      byAttr.set(attr, rowsByEl);
    }
    const list = rowsByEl.get(row);
    if (list) list.push(cell);
    else rowsByEl.set(row, [cell]);
  }
  const tables: SourceTable[] = [];
  for (const [attr, rowsByEl] of byAttr) tables.push(...keyedTables(rowsByEl, attr, footer));
  return tables;
}

function keyedTables(rowsByEl: Map<Element, Element[]>, attr: string, footer: (el: Element) => boolean): SourceTable[] {
  const rows = [...rowsByEl].filter(([, cells]) => cells.length >= 2);
  if (rows.length < 2) return [];
  // Parts of one row (pinned and scrolling containers) share a row index: join them.
  const joined: { el: Element; parts?: Element[]; index: string | null; cells: Map<string, Element> }[] = [];
  const byIndex = new Map<string, (typeof joined)[number]>();
  for (const [el, cells] of rows) {
    const index = rowIndexOf(el);
    let row = index === null ? undefined : byIndex.get(index);
    if (!row) {
      row = { el, index, cells: new Map() };
      joined.push(row);
      if (index !== null) byIndex.set(index, row);
    } else if (row.parts) row.parts.push(el);
    else row.parts = [row.el, el];
    for (const c of cells) row.cells.set(c.getAttribute(attr) as string, c);
  }
  // A header row: its cells are labels, and some label is a metric's. Each header row starts a grid.
  const tables: SourceTable[] = [];
  let current: { keys: string[]; headers: string[]; rows: SourceRow[] } | null = null;
  for (const row of joined) {
    if (isKeyedHeader(row.cells)) {
      const keys = [...row.cells.keys()];
      current = { keys, headers: keys.map((k) => headerText(row.cells.get(k) as Element)), rows: [] };
      tables.push({ headers: current.headers, hooks: keys, rows: current.rows, root: commonAncestor(row.el), kind: 'keyed' });
      continue;
    }
    if (!current) continue;
    const keys = current.keys;
    current.rows.push({
      cells: keys.map((k) => row.cells.get(k)),
      footer: footer(row.el),
      el: row.el,
      ...(row.parts ? { parts: row.parts } : {}),
    });
  }
  return tables;
}

function isKeyedHeader(cells: Map<string, Element>): boolean {
  let labels = 0;
  let figures = 0;
  for (const c of cells.values()) {
    const t = squish(c.textContent ?? '');
    if (!t) continue;
    const f = readFigure(t);
    if (f !== null && f !== NO_FIGURE) figures++;
    else if (roleOfHeader(headerText(c))?.kind === 'metric') labels++;
  }
  return labels >= 1 && figures === 0;
}

function commonAncestor(headerRow: Element): Element | null {
  return headerRow.parentElement?.parentElement ?? headerRow.parentElement;
}

// ── record blocks (cards) ──

type Label = { el: Element; key: string; text: string; inline: string | null };

/** An element's own words (its text nodes, not its children's): a label such as `Open rate` or `Opens:`. */
function ownText(el: Element): string {
  let t = '';
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) t += n.nodeValue ?? '';
  return squish(t);
}

/** Labels anywhere in the page, in the first {@link MAX_CELLS} elements (a hostile page may hold millions). */
function findLabels(root: ParentNode): Label[] {
  const labels: Label[] = [];
  const all = root.querySelectorAll('body *');
  const n = Math.min(all.length, MAX_CELLS);
  for (let i = 0; i < n; i++) {
    const el = all[i] as Element;
    const own = ownText(el);
    if (!own || own.length > 60) continue;
    const role = roleOfHeader(own);
    if (role?.kind === 'metric') {
      labels.push({ el, key: role.key, text: own, inline: null });
      continue;
    }
    // `Open rate: 45.2 %` in one text node.
    const m = /^(.{2,40}?)\s*[:：]\s*(.+)$/.exec(own);
    const r = m ? roleOfHeader(m[1] as string) : null;
    if (m && r?.kind === 'metric') labels.push({ el, key: r.key, text: m[1] as string, inline: m[2] as string });
  }
  return labels;
}

const isFigureText = (t: string) => {
  if (!t) return false;
  const f = readFigure(t);
  return f === NO_FIGURE || (f !== null && restIsUnit(f.rest) && f.rest.length < 20);
};

/**
 * The element showing a label's figure: a figure in the label's own block (its parent, else grandparent) that
 * holds no other label. A label without one is no label but a word (a "Sent" status badge).
 */
function figureCellOf(label: Label, labelEls: Set<Element>): Cell | undefined {
  if (label.inline !== null) return label.inline;
  let box = label.el.parentElement;
  for (let level = 0; box && level < 2; level++, box = box.parentElement) {
    const figures: Element[] = [];
    for (const el of box.querySelectorAll('*')) {
      if (el === label.el) continue;
      if (labelEls.has(el)) return undefined;
      if (el.children.length > 0) continue;
      if (isFigureText(squish(el.textContent ?? ''))) figures.push(el);
    }
    if (figures.length > 0) {
      // Several: the first after the label, else the last before it.
      const after = figures.find((f) => label.el.compareDocumentPosition(f) & 4);
      return after ?? figures[figures.length - 1];
    }
  }
  return undefined;
}

/** The card's title: its first link or heading that is neither a label nor a figure, else its first such line. */
function titleOf(card: Element, labelEls: Set<Element>): Cell | undefined {
  for (const el of card.querySelectorAll('a[href], [role="link"], h1, h2, h3, h4, h5, h6, [role="heading"]')) {
    const t = visibleText(el);
    if (t && !labelEls.has(el) && !isFigureText(t)) return el;
  }
  for (const el of card.querySelectorAll('*')) {
    if (el.children.length > 0 || labelEls.has(el)) continue;
    const t = squish(el.textContent ?? '');
    if (t && !isFigureText(t) && !roleOfHeader(t)) return el;
  }
  return undefined;
}

function fromCards(root: ParentNode): SourceTable | null {
  const candidates = findLabels(root);
  const candidateEls = new Set(candidates.map((l) => l.el));
  const values = new Map<Label, Cell>();
  for (const l of candidates) {
    const v = figureCellOf(l, candidateEls);
    if (v !== undefined) values.set(l, v);
  }
  const labels = candidates.filter((l) => values.has(l));
  if (labels.length < 4) return null;
  // A label's card: the largest block around it holding no other label of the same metric. Each block counts
  // the labels of each metric inside it (one walk up per label), so thousands of cards cost no pairwise search.
  const inside = new Map<Element, Map<string, number>>();
  for (const l of labels) {
    for (let node = l.el.parentElement; node && tagOf(node) !== 'BODY'; node = node.parentElement) {
      let counts = inside.get(node);
      if (!counts) {
        counts = new Map();
        inside.set(node, counts);
      }
      counts.set(l.key, (counts.get(l.key) ?? 0) + 1);
    }
  }
  const cardOf = new Map<Label, Element>();
  for (const l of labels) {
    let node = l.el;
    while (node.parentElement && tagOf(node.parentElement) !== 'BODY' && inside.get(node.parentElement)?.get(l.key) === 1)
      node = node.parentElement;
    cardOf.set(l, node);
  }
  // Cards are siblings: keep the parent holding the most cards with two metrics or more.
  const cards = new Map<Element, Label[]>();
  for (const [l, card] of cardOf) {
    const ls = cards.get(card);
    if (ls) ls.push(l);
    else cards.set(card, [l]);
  }
  const byParent = new Map<Element, Element[]>();
  for (const [card, ls] of cards) {
    if (new Set(ls.map((l) => l.key)).size < 2 || !card.parentElement) continue;
    const group = byParent.get(card.parentElement);
    if (group) group.push(card);
    else byParent.set(card.parentElement, [card]);
  }
  let list: Element[] = [];
  for (const group of byParent.values()) if (group.length > list.length) list = group;
  if (list.length < 2) return null;
  list = list.slice(0, MAX_ROWS);
  const keys: string[] = [];
  const headers = ['Campaign'];
  for (const card of list) {
    for (const l of cards.get(card) ?? []) {
      if (!keys.includes(l.key)) {
        keys.push(l.key);
        headers.push(l.text);
      }
    }
  }
  const labelEls = new Set(labels.map((l) => l.el));
  const rows: SourceRow[] = list.map((card) => {
    const ls = cards.get(card) ?? [];
    const cells: (Cell | undefined)[] = [titleOf(card, labelEls)];
    for (const key of keys) {
      const l = ls.find((x) => x.key === key);
      cells.push(l ? values.get(l) : undefined);
    }
    return { cells, el: card };
  });
  return { headers, hooks: headers.map(() => null), rows, root: list[0]?.parentElement ?? null, kind: 'cards' };
}

// ── choosing ──

/** Every grid-like structure on the page, with its column plan. */
export function findGrids(doc: Document, adapter: ConsoleAdapter | null): Grid[] {
  const footerSel = adapter?.summaryRowSelector;
  const footer = (el: Element) => (footerSel ? el.matches(footerSel) : false);
  const tables: SourceTable[] = [];
  // NodeLists by index: cheaper than their iterator in Chromium.
  const htmlTables = doc.querySelectorAll('table');
  for (let i = 0; i < htmlTables.length; i++) {
    const el = htmlTables[i] as Element;
    const role = el.getAttribute('role');
    if (role === 'presentation' || role === 'none') continue;
    const st = fromHtmlTable(el);
    if (st) tables.push(st);
  }
  // ARIA grids from their rows: one pass over the page for `role=row` (one attribute selector alone is several
  // times cheaper than a list of them), each row finding its grid by its parents (rows share a parent: asked
  // once). A grid without rows gives nothing. Grids come in the order of their first rows.
  const rowsOf = new Map<Element, Element[]>();
  let parent: Element | null = null;
  let parentGrid: Element | null = null;
  const ariaRows = doc.querySelectorAll('[role="row"]');
  for (let i = 0; i < ariaRows.length; i++) {
    const row = ariaRows[i] as Element;
    if (row.parentElement !== parent || parent === null) {
      parent = row.parentElement;
      parentGrid = gridOf(row);
    }
    const grid = parentGrid;
    if (!grid || tagOf(grid) === 'TABLE') continue;
    const list = rowsOf.get(grid);
    if (list) list.push(row);
    else rowsOf.set(grid, [row]);
  }
  for (const [grid, rows] of rowsOf) {
    const st = fromAriaGrid(grid, rows, footer);
    if (st) tables.push(st);
  }
  const planned = (list: SourceTable[]) =>
    list.map((table) => ({ table, plan: planTable(table, adapter) })).filter((g) => g.plan.score > 0);
  const grids = planned(tables);
  // Div grids keyed by a column attribute, then record blocks: only where no table or ARIA grid is clear.
  if (!grids.some((g) => g.plan.score >= 2)) {
    grids.push(...planned(fromKeyedCells(doc, [...new Set([...(adapter?.columnKeyAttributes ?? []), ...KEY_ATTRS])], footer)));
  }
  if (!grids.some((g) => g.plan.score >= 2)) {
    const cards = fromCards(doc);
    if (cards) {
      const plan = planTable(cards, adapter);
      plan.name = 0;
      if (plan.score > 0) grids.push({ table: cards, plan });
    }
  }
  return grids;
}

/** The grid with the most recognisable metric headers (then the most rows), or null. */
export function pickGrid(doc: Document, adapter: ConsoleAdapter | null): Grid | null {
  let best: Grid | null = null;
  for (const g of findGrids(doc, adapter)) {
    if (!best || g.plan.score > best.plan.score || (g.plan.score === best.plan.score && g.table.rows.length > best.table.rows.length))
      best = g;
  }
  return best;
}

// ── for the incremental reader (incremental.ts) ──

/**
 * What, found inside a cell, would change how the page's grids are found: rows, cells, tables and grids nested
 * in it.
 */
export const NESTED_STRUCTURE =
  'table, tr, td, th, [role="row"], [role="grid"], [role="treegrid"], [role="table"], [role="gridcell"], [role="cell"], [role="columnheader"], [role="rowheader"]';

/**
 * Can cell-level changes be followed without finding the grids again: an HTML table or an ARIA grid whose
 * column plan settled the choice (no fallback pass ran), whose rows are each one element, none inside another
 * row, and which is not itself inside a row, a cell or another grid.
 */
export function followsCellChanges(grid: Grid): boolean {
  const { table, plan } = grid;
  const root = table.root;
  if ((table.kind !== 'table' && table.kind !== 'aria') || plan.score < 2 || !root) return false;
  if (root.parentElement?.closest(`${NESTED_STRUCTURE}`)) return false;
  for (const row of table.rows) {
    if (!row.el || row.parts) return false;
    for (let e = row.el.parentElement; e && e !== root; e = e.parentElement) {
      if (tagOf(e) === 'TR' || e.getAttribute('role') === 'row') return false;
    }
  }
  return true;
}

/**
 * Would discovery still make this data row out of the same cells, in the same columns? Asked after a change to
 * one of its cells themselves (their attributes or children), for a grid that {@link followsCellChanges}: a
 * cell's role, `aria-colindex` or `colspan` decide where discovery puts it.
 */
export function rowShapeHolds(table: SourceTable, row: SourceRow): boolean {
  const el = row.el;
  if (!el || row.parts) return false;
  if (table.kind === 'table') return sameCells(htmlRowCells(el).cells, row.cells);
  if (table.kind !== 'aria') return false;
  const cells = ariaCells(el);
  if (!sameCells(cells, row.cells) || isHeaderRow(cells)) return false;
  const n = cells.length;
  const firstCol = n > 0 ? intAttr(cells[0] as Element, 'aria-colindex') : null;
  const lastCol = n > 1 ? intAttr(cells[n - 1] as Element, 'aria-colindex') : firstCol;
  return firstCol === null || (firstCol === 1 && lastCol === n);
}

/**
 * After a change to a row element itself (its attributes, or which children it has): would discovery still
 * take it as the same data row, with the same cells and nothing else inside? For a grid that
 * {@link followsCellChanges}. A row's hover or selection class then costs one row read, not a new discovery.
 */
export function rowItselfHolds(table: SourceTable, row: SourceRow, adapter: ConsoleAdapter | null): boolean {
  const el = row.el;
  if (!el || !rowShapeHolds(table, row)) return false;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (!row.cells.includes(c)) return false;
  if (table.kind === 'table') return true; // a <tr>'s place decides: its section, its cells
  const footerSel = adapter?.summaryRowSelector;
  return (
    el.getAttribute('role') === 'row' &&
    el.getAttribute('aria-hidden') !== 'true' &&
    intAttr(el, 'aria-level') === (row.level ?? null) &&
    rowIndexOf(el) === (row.index ?? null) &&
    (footerSel ? el.matches(footerSel) : false) === (row.footer === true)
  );
}

function sameCells(a: readonly (Cell | undefined)[], b: readonly (Cell | undefined)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
