/**
 * Reading a console page: which console, which grid, its rows and totals, and the facts around it (the range
 * shown, the account, the currency). A pure function of the document (and the URL when known): it runs the
 * same in the content script and on a linkedom document in the `extract` command.
 */
import type { DateRange } from '../domain/dates';
import { adapterForPage } from './consoles';
import { savedFrom } from './consoles/common';
import type { ConsoleAdapter } from './consoles/types';
import { parseDateRange } from './dates';
import type { Extraction } from './extraction';
import { type Grid, pickGrid } from './grid';
import { ReadError } from './read-error';
import { type Assembled, assemble } from './table';
import { squish } from './text';

/** Generic places where consoles show the range: a date picker (by its tag, class, test id or label), a <time>. */
function isDateHook(el: Element, tag: string): boolean {
  if (tag === 'DATE-RANGE-PICKER' || tag === 'TIME') return true;
  for (const name of ['class', 'data-testid', 'data-surface', 'aria-label', 'id']) {
    const v = el.getAttribute(name);
    if (v && /date|daterange|datepicker|period|zeitraum|periode|periodo/i.test(v)) return true;
  }
  return false;
}

export const toUrl = (url: string | null): URL | null => {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

/** The page's language (`fr`, `de-CH`), which settles `1,234` and `01/02/2026` when the page itself does not. */
export function pageLang(doc: Document): string | null {
  return doc.documentElement?.getAttribute('lang') || doc.querySelector('html')?.getAttribute('lang') || null;
}

/** Which console a page comes from (null: generic). */
export function detectConsole(doc: Document, url: string | null = null): ConsoleAdapter | null {
  return adapterForPage(doc, toUrl(url) ?? savedFrom(doc));
}

/** The grid Planpilot would read on this page, with its column plan (for overlays and benchmarks). */
export function findGrid(doc: Document, url: string | null = null): Grid | null {
  return pickGrid(doc, detectConsole(doc, url));
}

/**
 * {@link readPage} (read-page.ts) without the final schema validation: the reading alone (benchmarks compare it
 * with a bare walk of the grid's cells; validation costs about a microsecond per row on top).
 */
export function readGrid(doc: Document, url: string | null = null, found?: Grid | null): Extraction {
  const pageUrl = toUrl(url) ?? savedFrom(doc);
  const adapter = adapterForPage(doc, pageUrl);
  const lang = pageLang(doc);
  // `found`: the grid the caller just found with findGrid (same page, same URL), so it is not looked for twice.
  const grid = found === undefined ? pickGrid(doc, adapter) : found;
  if (!grid) throw new ReadError('no-grid', NO_GRID);
  const read = assemble(grid.table, grid.plan, { adapter, lang });
  return pageExtraction(doc, pageUrl, adapter, read, () => findDateRange(doc, adapter, grid.table.root, lang));
}

export const NO_GRID = 'no grid with recognisable metric columns on this page';

/**
 * A grid's reading with the facts around it; the one place an {@link Extraction} of a page is put together
 * (readGrid and the incremental reader). `dateRange`: the range outside the grid, asked only when the grid
 * does not say it. Throws a {@link ReadError} when the grid has no data row.
 */
export function pageExtraction(
  doc: Document,
  pageUrl: URL | null,
  adapter: ConsoleAdapter | null,
  read: Assembled,
  dateRange: () => DateRange | null,
): Extraction {
  if (read.rows.length === 0) throw new ReadError('no-rows', 'the grid has no data row');
  return {
    console: adapter?.id ?? 'generic',
    account: adapter?.account?.(doc, pageUrl) ?? read.account,
    dateRange: read.dateRange ?? dateRange(),
    currency: read.currency,
    rows: read.rows,
    totals: read.totals,
  };
}

/**
 * The range the page shows: in the adapter's date picker, then in generic date hooks, then in any short text
 * outside the grid. A lone date counts only in a date picker (a "Yesterday" preset). One walk over the page
 * outside the grid (the grid itself may hold thousands of rows, and ranges in campaign names).
 */
export function findDateRange(doc: Document, adapter: ConsoleAdapter | null, grid: Element | null, lang: string | null): DateRange | null {
  const own: Element[] = [];
  const hooks: Element[] = [];
  const texts: Element[] = [];
  const selector = adapter?.dateRangeSelector;
  // The grid's ancestors hold the grid's text too: like the grid, they are walked through but never read, so the
  // range depends on the page outside the grid alone (the incremental reader keeps it while only the grid changes).
  const around = new Set<Element>();
  for (let e = grid?.parentElement ?? null; e; e = e.parentElement) around.add(e);
  const walk = (el: Element) => {
    for (const child of el.children) {
      if (child === grid) continue;
      const tag = child.tagName.toUpperCase();
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE' || tag === 'SVG' || tag === 'NOSCRIPT') continue;
      if (!around.has(child)) {
        if (selector && child.matches(selector)) own.push(child);
        else if (isDateHook(child, tag)) hooks.push(child);
        if (child.children.length <= 3) texts.push(child);
      }
      if (child.children.length > 0) walk(child);
    }
  };
  const body = doc.body ?? doc.documentElement;
  if (!body) return null;
  walk(body);
  const attempt = (els: Element[], single: boolean): DateRange | null => {
    for (const el of els) {
      const text = el.textContent ?? '';
      if (text.length > 200 || !/\d/.test(text)) continue;
      const range = parseDateRange(squish(text), lang, { single });
      if (range) return range;
    }
    return null;
  };
  return attempt(own, true) ?? attempt(hooks, false) ?? attempt(texts, false);
}
