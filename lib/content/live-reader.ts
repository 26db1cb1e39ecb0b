import type { Extraction, ExtractionRow } from '../readers/extraction';
import type { Grid } from '../readers/grid';
import { MAX_ROWS } from '../readers/limits';
import { findGrid, tryReadPage } from '../readers/page';

export type LiveReaderOptions = {
  doc: Document;
  win: Window;
  /** The tab's address now (single-page consoles change it without reloading). */
  url: () => string;
  onReading: (extraction: Extraction) => void;
  /** After every read, changed or not: the grid and the rows as last published (the overlay re-anchors). */
  onRead?: (grid: Grid | null, extraction: Extraction | null) => void;
  /** Reading must never throw into the page: failures end here. */
  onError?: (error: unknown) => void;
};

/** The view a row belongs to: rows merge only within one console view, account and range. */
const viewKey = (e: Extraction, url: string) => JSON.stringify([new URL(url).pathname, e.console, e.account, e.dateRange, e.currency]);
const rowKey = (row: ExtractionRow) => row.campaign.id ?? `name:${row.campaign.name}`;

/**
 * Reads the console's grid when it appears and again whenever it changes: one MutationObserver
 * whose records count only inside the grid once found (consoles re-render the grid whole, so the
 * observer sits on the body and filters), debounced to an animation frame, and
 * throttled by its own cost so a page that rewrites its grid every frame keeps its main thread.
 * Rows of virtualised grids seen while the user scrolls are kept until the view changes.
 */
export class LiveReader {
  private readonly observer: MutationObserver;
  private grid: Element | null = null;
  private observing = false;
  private frame = 0;
  private timer = 0;
  private lastReadAt = 0;
  private lastCost = 0;
  private view = '';
  private seen = new Map<string, ExtractionRow>();
  private lastSent = '';
  private last: Extraction | null = null;
  private stopped = false;

  constructor(private readonly options: LiveReaderOptions) {
    this.observer = new MutationObserver((records) => {
      if (this.touchesGrid(records)) this.schedule();
    });
  }

  start(): void {
    this.schedule();
  }

  /** A single-page navigation: forget the rows of the previous view and read afresh. */
  reset(): void {
    this.view = '';
    this.seen.clear();
    this.lastSent = '';
    this.last = null;
    this.schedule();
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
    const { doc, win } = this.options;
    const started = win.performance.now();
    try {
      const url = this.options.url();
      const grid = findGrid(doc, url);
      this.observe(grid?.table.root ?? null);
      const result = tryReadPage(doc, url, grid);
      if (result.ok) this.publish(result.extraction, url);
      this.options.onRead?.(grid, result.ok ? this.last : null);
    } catch (error) {
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
    this.observer.observe(this.options.doc.body, { childList: true, subtree: true, characterData: true });
    this.observing = true;
  }

  private touchesGrid(records: MutationRecord[]): boolean {
    const grid = this.grid;
    if (!grid?.isConnected) return true;
    return records.some((r) => grid.contains(r.target));
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
    const fingerprint = JSON.stringify(merged);
    if (fingerprint === this.lastSent) return;
    this.lastSent = fingerprint;
    this.last = merged;
    this.options.onReading(merged);
  }
}
