/**
 * The content script's reader: reads a console page as `readGrid` (page.ts) does, then again after each change,
 * redoing only what the change can touch.
 *
 * It keeps the grid it found and each row's reading, keyed by the row's element. A read after changes inside
 * cells (a figure updated, a name re-rendered) reads those rows again and nothing else of the page, then takes
 * the column-level decisions again (decimal separators, percent units, the currency) from the kept readings,
 * which is cheap. A change to the grid's structure (rows added, removed or moved, headers, a row's own cells),
 * outside the grid, or one that could turn the page into another console's, finds the grid again but keeps the
 * reading of every row whose cells are the same elements and were not touched. Either way the reading is the
 * one readGrid gives for the same page (test/unit/readers/incremental.test.ts checks it on random edits).
 *
 * Not validated: readings from the content script are validated with zod by the background when the message
 * arrives (lib/messaging/protocol.ts), so the page path skips the per-row schema check; readPage and the
 * `extract` command keep it.
 */
import type { DateRange } from '../domain/dates';
import { consoleByUrlOrTitle, consoleOfPage, PAGE_PROBES, type PageConsole } from './consoles';
import { savedFrom } from './consoles/common';
import { followsCellChanges, type Grid, NESTED_STRUCTURE, pickGrid, rowItselfHolds, rowShapeHolds } from './grid';
import { findDateRange, NO_GRID, pageExtraction, pageLang, toUrl } from './page';
import { ReadError, type ReadResult } from './read-error';
import { combine, FigureStore, planTable, RowReader, type RowReading, rolesOf, type SourceRow } from './table';

/** A reading and the grid it comes from (null when the page has none): the overlay anchors on the grid. */
export type PageReading = ReadResult & { grid: Grid | null };

export type PageReader = {
  /**
   * Reads the page. `changed`: the target of every MutationRecord since the previous read (all of them, inside
   * the grid or not: the reader sorts them); omitted, the page is read afresh. Without a previous read, or when
   * the URL changed, it reads afresh too.
   */
  read(changed?: Iterable<Node>): PageReading;
};

/**
 * A reader for one document. `url`: the page's address (a function for single-page consoles, asked at each
 * read); null when unknown, as for `readGrid`.
 */
export function createPageReader(doc: Document, url: string | null | (() => string | null) = null): PageReader {
  return new IncrementalReader(doc, url);
}

/** guessNameColumn (table.ts) looks at this many first rows when no header names the name column. */
const NAME_SAMPLE = 20;

/**
 * A changed node inside a cell of a row (by the row's index): `self` when the node is the cell itself; `cell`
 * null when the node is the row element itself.
 */
type TouchedCell = { cell: Element | null; row: number; self: boolean };

/** Elements inside an element, by sibling links (the same in every DOM implementation; rows are small). */
function elementCount(el: Element): number {
  let n = 0;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) n += 1 + elementCount(c);
  return n;
}

/** Does `a` come before `b` in document order, neither holding the other? (By parent and sibling links.) */
function precedes(a: Element, b: Element): boolean {
  const chain = (e: Element) => {
    const out: Element[] = [];
    for (let n: Element | null = e; n; n = n.parentElement) out.push(n);
    return out.reverse();
  };
  const ca = chain(a);
  const cb = chain(b);
  let i = 0;
  while (i < ca.length && i < cb.length && ca[i] === cb[i]) i++;
  const y = cb[i];
  for (let s = ca[i]?.nextElementSibling ?? null; s; s = s.nextElementSibling) if (s === y) return true;
  return false;
}

function sameRow(a: SourceRow, b: SourceRow): boolean {
  if ((a.footer === true) !== (b.footer === true) || a.cells.length !== b.cells.length) return false;
  for (let i = 0; i < a.cells.length; i++) if (a.cells[i] !== b.cells[i]) return false;
  const ap = a.parts ?? [];
  const bp = b.parts ?? [];
  return ap.length === bp.length && ap.every((p, i) => p === bp[i]);
}

class IncrementalReader implements PageReader {
  private url: string | null = null;
  private pageUrl: URL | null = null;
  private detected: PageConsole = { adapter: null, by: null, probeEnd: null };
  private lang: string | null = null;
  private grid: Grid | null = null;
  /** The adapter and column plan the kept readings were made under. */
  private planKey = '';
  /** No header names the name column: the first rows' words chose it. */
  private guessedName = false;
  /** Cell-level changes can be followed without finding the grid again (grid.ts, followsCellChanges). */
  private follows = false;
  private reader: RowReader | null = null;
  private store: FigureStore | null = null;
  /** The grid's rows (its table's), their readings, and each row element's index there (a split row: each part). */
  private rows: readonly SourceRow[] = [];
  private readings: RowReading[] = [];
  private byElement = new Map<Element, number>();
  /**
   * For a console told by the page probe, per row: its elements when it stands where the probe looked; -1 when
   * the probe never reaches it; -2 when the probe saw the whole page (only a new hook could matter).
   */
  private probed: Int32Array = new Int32Array(0);
  /** The range outside the grid, for the page's language then. */
  private range: { lang: string | null; value: DateRange | null } | null = null;
  private last: PageReading | null = null;

  constructor(
    private readonly doc: Document,
    private readonly urlOf: string | null | (() => string | null),
  ) {}

  read(changed?: Iterable<Node>): PageReading {
    const url = typeof this.urlOf === 'function' ? this.urlOf() : this.urlOf;
    if (changed === undefined || this.last === null || url !== this.url) {
      this.url = url;
      this.forget();
      return this.discover(true, null);
    }
    const root = this.grid?.table.root ?? null;
    let outside = false;
    let structural = false;
    const touched = new Set<number>();
    const cells: TouchedCell[] = [];
    for (const node of changed) {
      // A detached node's removal is the record of its parent, which is looked at for it.
      if (!node.isConnected) continue;
      // Up to the grid: every row holding the node is touched (a row's text may hold a nested row's).
      let hit = -1;
      let below: Node | null = null;
      let child: Node | null = null;
      let n: Node | null = node;
      for (; n !== null && n !== root; child = n, n = n.parentNode) {
        if (n.nodeType !== 1) continue;
        const i = this.byElement.get(n as Element);
        if (i === undefined) continue;
        touched.add(i);
        if (hit >= 0) structural = true;
        else {
          hit = i;
          below = child;
        }
      }
      if (hit >= 0) {
        // Inside one of the row's cells, or the row itself; not what stands between it and its cells.
        if (below === null) cells.push({ cell: null, row: hit, self: true });
        else if (below.nodeType === 1 && this.rows[hit]?.cells.includes(below as Element)) {
          cells.push({ cell: below as Element, row: hit, self: below === node });
        } else structural = true;
      } else if (n !== null) structural = true;
      else outside = true;
    }
    if (!outside && !structural && touched.size === 0) return this.last;
    if (!outside && !structural && this.follows && root?.isConnected && this.cellChangesHold(touched, cells)) return this.update(touched);
    return this.discover(outside, touched);
  }

  /** Only cells changed: do they leave the console, the grid's shape and its column plan as they were? */
  private cellChangesHold(touched: Set<number>, cells: TouchedCell[]): boolean {
    const grid = this.grid as Grid;
    // The console: the URL has not changed; the title must still say the same; a probe's verdict holds while
    // no hook appears where it looked and the elements it counted stay as many.
    if (this.detected.by !== 'url') {
      const known = consoleByUrlOrTitle(this.doc, this.pageUrl);
      if (this.detected.by === 'title' ? known?.adapter !== this.detected.adapter : known !== null) return false;
      const hook = this.detected.probeEnd;
      if (this.detected.by === 'probe' && !(hook?.isConnected && hook.matches(PAGE_PROBES))) return false;
    }
    for (const { cell, row, self } of cells) {
      const source = this.rows[row] as SourceRow;
      if (cell === null) {
        if (!rowItselfHolds(grid.table, source, this.detected.adapter)) return false;
        continue;
      }
      if (cell.querySelector(NESTED_STRUCTURE)) return false;
      if (self && !rowShapeHolds(grid.table, source)) return false;
    }
    for (const i of touched) {
      const probed = this.probed[i] as number;
      if (probed === -1) continue;
      const el = this.rows[i]?.el as Element;
      if (el.matches(PAGE_PROBES) || el.querySelector(PAGE_PROBES)) return false;
      if (probed >= 0 && elementCount(el) !== probed) return false;
    }
    if (this.guessedName && [...touched].some((i) => i < NAME_SAMPLE)) {
      const plan = planTable(grid.table, this.detected.adapter);
      if (`${this.detected.adapter?.id ?? ''}|${JSON.stringify(plan)}` !== this.planKey) return false;
    }
    return true;
  }

  /** Reads the touched rows again, in their own slots. */
  private update(touched: Set<number>): PageReading {
    const lang = pageLang(this.doc);
    let reader = this.reader as RowReader;
    if (lang !== this.lang) {
      this.lang = lang;
      reader = this.reader = new RowReader(reader.plan, { adapter: this.detected.adapter, lang });
    }
    const store = this.store as FigureStore;
    for (const i of touched) {
      this.readings[i] = reader.read(this.rows[i] as SourceRow, store, (this.readings[i] as RowReading).at);
    }
    return this.finish();
  }

  /**
   * Finds the console and the grid again, keeping the readings of rows that are the same elements with the
   * same cells and were not `touched` (indices of the previous rows).
   */
  private discover(outside: boolean, touched: Set<number> | null): PageReading {
    const doc = this.doc;
    const pageUrl = toUrl(this.url) ?? savedFrom(doc);
    const detected = consoleOfPage(doc, pageUrl);
    const adapter = detected.adapter;
    const lang = pageLang(doc);
    const grid = pickGrid(doc, adapter);
    if (outside || adapter !== this.detected.adapter || grid?.table.root !== this.grid?.table.root) this.range = null;
    this.pageUrl = pageUrl;
    this.detected = detected;
    this.lang = lang;
    this.grid = grid;
    if (!grid) {
      this.forget();
      this.last = { ok: false, code: 'no-grid', reason: NO_GRID, grid: null };
      return this.last;
    }
    const planKey = `${adapter?.id ?? ''}|${JSON.stringify(grid.plan)}`;
    const previous = planKey === this.planKey ? this.store : null;
    const reader = new RowReader(grid.plan, { adapter, lang });
    const rows = grid.table.rows;
    const store = new FigureStore(reader.slots, rows.length);
    const readings: RowReading[] = new Array(rows.length);
    const byElement = new Map<Element, number>();
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as SourceRow;
      const was = previous && row.el ? this.byElement.get(row.el) : undefined;
      const old = was === undefined ? undefined : this.readings[was];
      if (previous && old && !touched?.has(was as number) && !old.beyond && sameRow(this.rows[was as number] as SourceRow, row)) {
        old.at = store.adopt(previous, old.at);
        readings[i] = old;
      } else readings[i] = reader.read(row, store, store.alloc());
      if (row.el) byElement.set(row.el, i);
      if (row.parts) for (const part of row.parts) byElement.set(part, i);
    }
    this.store?.release();
    this.planKey = planKey;
    this.reader = reader;
    this.store = store;
    this.rows = rows;
    this.readings = readings;
    this.byElement = byElement;
    this.follows = followsCellChanges(grid);
    this.probed = new Int32Array(rows.length).fill(-1);
    if (this.follows) {
      this.guessedName = rolesOf(grid.table, adapter)[grid.plan.name ?? -1]?.kind !== 'name';
      if (detected.by === 'probe' || detected.by === null) this.markProbed(grid, detected.probeEnd);
    }
    return this.finish();
  }

  /**
   * Which rows the page probe looked at (they stand before where it stopped, or hold that element): their
   * elements are counted, so a change that moves the probe's bound is seen.
   */
  private markProbed(grid: Grid, end: Element | null): void {
    const root = grid.table.root as Element;
    const count = (i: number) => {
      this.probed[i] = elementCount(this.rows[i]?.el as Element);
    };
    if (end === null) {
      this.probed.fill(-2);
    } else if (root.contains(end)) {
      // In document order through the grid, up to where the probe stopped.
      let el: Element | null = root;
      while (el) {
        const i = this.byElement.get(el);
        if (i !== undefined) count(i);
        if (el === end) break;
        let next: Element | null = el.firstElementChild;
        while (!next && el && el !== root) {
          next = el.nextElementSibling;
          if (!next) el = el.parentElement;
        }
        el = next;
      }
    } else if (!end.contains(root) && precedes(root, end)) {
      for (let i = 0; i < this.rows.length; i++) count(i);
    }
  }

  private finish(): PageReading {
    const grid = this.grid as Grid;
    try {
      const read = combine(this.readings, this.store as FigureStore, this.reader as RowReader);
      const extraction = pageExtraction(this.doc, this.pageUrl, this.detected.adapter, read, () => this.dateRange());
      this.last = { ok: true, extraction, grid };
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      this.last = { ok: false, code: e.code, reason: e.message, grid };
    }
    return this.last;
  }

  /** findDateRange depends on the page outside the grid alone (page.ts): kept until a change there. */
  private dateRange(): DateRange | null {
    if (this.range && this.range.lang === this.lang) return this.range.value;
    const value = findDateRange(this.doc, this.detected.adapter, this.grid?.table.root ?? null, this.lang);
    this.range = { lang: this.lang, value };
    return value;
  }

  private forget(): void {
    this.planKey = '';
    this.store?.release();
    this.store = null;
    this.reader = null;
    this.rows = [];
    this.readings = [];
    this.byElement = new Map();
    this.probed = new Int32Array(0);
    this.range = null;
    this.follows = false;
  }
}
