import { sameMetrics } from '../domain/metrics';
import type { Extraction, ExtractionRow } from '../readers/extraction';
import type { Grid } from '../readers/grid';
import { createPageReader, type PageReader } from '../readers/incremental';
import { MAX_ROWS } from '../readers/limits';

export type LiveReaderOptions = {
  doc: Document;
  win: Window;
  /** The tab's address now (single-page consoles change it without reloading). */
  url: () => string;
  /** A changed reading, with its view (see viewKey): what the page shows, the rows it merges. */
  onReading: (extraction: Extraction, view: string) => void;
  /** After every read, changed or not: the grid and the rows as last published (the overlay re-anchors). */
  onRead?: (grid: Grid | null, extraction: Extraction | null) => void;
  /** Reading must never throw into the page: failures end here. */
  onError?: (error: unknown) => void;
};

/** The view a row belongs to: rows merge only within one console view, account and range. */
const viewKey = (e: Extraction, url: string) => JSON.stringify([new URL(url).pathname, e.console, e.account, e.dateRange, e.currency]);
const rowKey = (row: ExtractionRow) => row.campaign.id ?? `name:${row.campaign.name}`;

/**
 * Does a reading say what the last one sent said? Field by field, stopping at the first difference: cheaper than
 * serialising both, which cost most of a re-read on a 500-row grid (`npm run bench`).
 */
export function sameExtraction(a: Extraction, b: Extraction): boolean {
  if (
    a.console !== b.console ||
    a.account !== b.account ||
    a.currency !== b.currency ||
    a.dateRange?.start !== b.dateRange?.start ||
    a.dateRange?.end !== b.dateRange?.end ||
    a.rows.length !== b.rows.length ||
    (a.totals === null || b.totals === null ? a.totals !== b.totals : !sameMetrics(a.totals, b.totals))
  ) {
    return false;
  }
  for (let i = 0; i < a.rows.length; i++) {
    const x = a.rows[i] as ExtractionRow;
    const y = b.rows[i] as ExtractionRow;
    if (x.campaign.id !== y.campaign.id || x.campaign.name !== y.campaign.name || !sameMetrics(x.metrics, y.metrics)) return false;
  }
  return true;
}

/**
 * Past this many changed nodes between two reads, the page is read afresh: following them one by one would cost
 * more than reading the grid again.
 */
const MAX_PENDING = 20_000;
/** Changes outside the grid only tell the reader that the page around it changed: a few are enough to keep. */
const MAX_OUTSIDE = 16;

const WATCHED_ATTRIBUTES = [
  'role',
  'aria-rowindex',
  'aria-colindex',
  'aria-level',
  'aria-hidden',
  'hidden',
  'class',
  'href',
  'colspan',
  'data-surface',
];

/**
 * Reads the console's grid when it appears and again whenever it changes: one MutationObserver
 * whose records trigger a read only inside the grid once found (consoles re-render the grid whole, so the
 * observer sits on the body and filters), debounced to an animation frame, and
 * throttled by its own cost so a page that rewrites its grid every frame keeps its main thread.
 * Each read hands the records' targets to the incremental reader (lib/readers/incremental.ts), which reads
 * again only the rows they touch; changes outside the grid are kept too (a date picker's new range is read
 * with the grid's next change).
 * Rows of virtualised grids seen while the user scrolls are kept until the view changes.
 */
export class LiveReader {
  private readonly observer: MutationObserver;
  private readonly reader: PageReader;
  /** Targets of the records since the last read, inside the grid and (a few) outside it. */
  private pending = new Set<Node>();
  private outside = 0;
  /** The next read starts afresh (first read, navigation, too many changes, a failed read). */
  private afresh = true;
  private grid: Element | null = null;
  private observing = false;
  private frame = 0;
  private timer = 0;
  private lastReadAt = 0;
  private lastCost = 0;
  private view = '';
  private seen = new Map<string, ExtractionRow>();
  private last: Extraction | null = null;
  private stopped = false;

  constructor(private readonly options: LiveReaderOptions) {
    this.reader = createPageReader(options.doc, () => options.url());
    this.observer = new MutationObserver((records) => {
      if (this.note(records)) this.schedule();
    });
  }

  start(): void {
    this.schedule();
  }

  /** A single-page navigation: forget the rows of the previous view and read afresh. */
  reset(): void {
    this.view = '';
    this.seen.clear();
    this.last = null;
    this.afresh = true;
    this.schedule();
  }

  /** What the last read cost the page's main thread, in ms (reading, merging, publishing): the throttle's measure. */
  get readCost(): number {
    return this.lastCost;
  }

  /** Work done for a reading outside `read` (the overlay's update): counted in the throttle as the reading's own. */
  charge(ms: number): void {
    if (ms > 0) this.lastCost += ms;
  }

  stop(): void {
    this.stopped = true;
    this.observer.disconnect();
    if (this.frame) this.options.win.cancelAnimationFrame(this.frame);
    if (this.timer) this.options.win.clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.stopped || this.frame || this.timer) return;
    // Wait at least 4× the last read's cost since it ended: reading takes ≤ 20 % of the main thread.
    const wait = this.lastReadAt + 4 * this.lastCost - this.options.win.performance.now();
    const run = () => {
      this.timer = 0;
      this.frame = this.options.win.requestAnimationFrame(() => {
        this.frame = 0;
        this.read();
      });
    };
    if (wait > 0) this.timer = this.options.win.setTimeout(run, wait);
    else run();
  }

  private read(): void {
    const { win } = this.options;
    const started = win.performance.now();
    const changed = this.afresh ? undefined : this.pending;
    this.pending = new Set();
    this.outside = 0;
    this.afresh = false;
    try {
      const url = this.options.url();
      const result = this.reader.read(changed);
      const grid = result.grid;
      this.observe(grid?.table.root ?? null);
      if (result.ok) this.publish(result.extraction, url);
      this.options.onRead?.(grid, result.ok ? this.last : null);
    } catch (error) {
      // The reader's kept state may be half updated: the next read starts afresh.
      this.afresh = true;
      this.options.onError?.(error);
    } finally {
      this.lastReadAt = win.performance.now();
      this.lastCost = this.lastReadAt - started;
    }
  }

  /** Watches the body once; changes count only inside the grid, or when the grid was replaced. */
  private observe(grid: Element | null): void {
    this.grid = grid;
    if (this.observing) return;
    // Attributes a reading depends on too: a row hidden, moved (`aria-rowindex`) or marked as a total. Not
    // `style`, which virtualised grids rewrite on every scroll step.
    this.observer.observe(this.options.doc.body, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
    this.observing = true;
  }

  /** Keeps the records' targets for the next read; true when one of them calls for a read. */
  private note(records: MutationRecord[]): boolean {
    const grid = this.grid;
    const found = grid?.isConnected === true;
    let inside = !found;
    for (const { target } of records) {
      const isInside = found && grid.contains(target);
      if (isInside || !found) this.pending.add(target);
      else if (this.outside < MAX_OUTSIDE) {
        this.outside += 1;
        this.pending.add(target);
      }
      inside ||= isInside;
    }
    if (this.pending.size > MAX_PENDING) {
      this.pending.clear();
      this.afresh = true;
    }
    return inside;
  }

  private publish(extraction: Extraction, url: string): void {
    const view = viewKey(extraction, url);
    if (view !== this.view) {
      this.view = view;
      this.seen.clear();
    }
    // Rows on screen now, in page order, then rows seen earlier that a virtualised grid unmounted.
    const current = new Map(extraction.rows.map((row) => [rowKey(row), row]));
    for (const [key, row] of current) this.seen.set(key, row);
    // A page that renames its rows on every render must not grow the reading without end (limits.ts):
    // rows no longer on screen go, oldest first.
    for (const key of this.seen.keys()) {
      if (this.seen.size <= MAX_ROWS) break;
      if (!current.has(key)) this.seen.delete(key);
    }
    const rows = [...current.values(), ...[...this.seen].filter(([key]) => !current.has(key)).map(([, row]) => row)];
    const merged = { ...extraction, rows };
    if (this.last && sameExtraction(merged, this.last)) return;
    this.last = merged;
    this.options.onReading(merged, view);
  }
}
