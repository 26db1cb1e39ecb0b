/**
 * The incremental reader (lib/readers/incremental.ts) gives, after any sequence of changes, the reading a fresh
 * readPage gives for the same page; and it reads again only the rows a change touched.
 *
 * The changes are made by hand and their MutationRecord targets collected as the DOM standard says a
 * MutationObserver reports them (childList: the parent; characterData: the text node; attributes: the element),
 * because linkedom's own MutationObserver reports some of them elsewhere.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPageReader, type PageReading } from '@/lib/readers/incremental';
import { findGrid } from '@/lib/readers/page';
import { tryReadPage } from '@/lib/readers/read-page';
import { RowReader } from '@/lib/readers/table';
import { loadIndex } from './helpers';

const root = resolve(__dirname, '../../..');

const parse = (html: string) => parseHTML(html).document as unknown as Document;

/** The reading compared with a fresh, validated readPage of the same page. */
function expectFresh(doc: Document, url: string | null, got: PageReading): void {
  const want = tryReadPage(doc, url);
  if (want.ok) {
    expect(got.ok).toBe(true);
    expect(got.ok && got.extraction).toEqual(want.extraction);
  } else {
    expect(got).toMatchObject({ ok: false, code: want.code });
  }
  const grid = findGrid(doc, url);
  expect(got.grid?.table.root ?? null).toBe(grid?.table.root ?? null);
  expect(got.grid?.plan ?? null).toEqual(grid?.plan ?? null);
}

describe('first read', () => {
  const dirs = [join(root, 'test/fixtures'), join(root, 'test/fixtures/readers')];
  const pages = dirs.flatMap((dir) =>
    loadIndex(dir)
      .filter((c) => c.kind === 'dashboard')
      .map((c) => [c.name, dir, c] as const),
  );
  it.each(pages)('%s: the reading of readPage', (_name, dir, c) => {
    const doc = parse(readFileSync(join(dir, c.file), 'utf8'));
    expectFresh(doc, c.url, createPageReader(doc, c.url).read());
  });
});

// ── random pages ──

type Kind = 'aria' | 'table' | 'split' | 'keyed';
type ColumnType = 'money' | 'count' | 'rate' | 'decimal' | 'opens' | 'currency' | 'status';
const COLUMNS: [string, ColumnType][] = [
  ['Cost', 'money'],
  ['Clicks', 'count'],
  ['Impr.', 'count'],
  ['CTR', 'rate'],
  ['Conversions', 'decimal'],
  ['Conv. rate', 'rate'],
  ['Budget', 'money'],
  ['Avg. CPC', 'money'],
  ['Opens', 'opens'],
  ['Currency', 'currency'],
  ['Status', 'status'],
];

const NBSP = '\u00a0';
const group = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A cell's text for a column type, from a seed: every way consoles write figures, and no figure at all. */
function valueText(type: ColumnType, seed: number): string {
  const n = seed % 2_000_000;
  const pick = Math.floor(seed / 7) % 12;
  if (type === 'currency') return ['EUR', 'USD', '—', 'EUR'][pick % 4] as string;
  if (type === 'status') return ['Active', 'Paused', 'Ended'][pick % 3] as string;
  if (pick === 10) return ['—', '', '--', 'n/a', '< 10%'][n % 5] as string;
  const whole = Math.floor(n / 100);
  const cents = pad(n % 100, 2);
  switch (type) {
    case 'money':
      return [
        `€${group(whole, ',')}.${cents}`,
        `${group(whole, NBSP)},${cents}${NBSP}€`,
        `$${group(whole, ',')}`,
        `${whole}.${cents}`,
        `${whole},${cents}`,
        `${Math.floor(whole / 1000)},${pad(whole % 1000, 3)}`,
        `${Math.floor(whole / 1000)}.${pad(whole % 1000, 3)} €`,
        `${(whole / 10).toFixed(1)}K`,
        `(${whole}.${cents})`,
        `US$${whole}`,
        `0.00`,
        `${whole} kr`,
      ][pick] as string;
    case 'count':
      return [
        `${whole}`,
        group(whole, ','),
        group(whole, '.'),
        group(whole, NBSP),
        `${Math.floor(whole / 1000)},${pad(whole % 1000, 3)}`,
        `0`,
        `${whole}`,
        `${(whole / 10).toFixed(1)}K`,
        group(whole, ' '),
        `${whole}`,
        '',
        `1.234.567`,
      ][pick] as string;
    case 'rate':
      return [
        `${(n % 10000) / 100}%`,
        `${Math.floor((n % 10000) / 100)},${pad(n % 100, 2)}${NBSP}%`,
        `0.${pad(n % 1000, 3)}`,
        `${(n % 500) / 100}`,
        `${n % 7}`,
        `0,00 %`,
        `${(n % 10000) / 100} %`,
        `%${n % 100}`,
        `1,234%`,
        `${n % 100}.5%`,
        '—',
        `12.${pad(n % 1000, 3)}`,
      ][pick] as string;
    case 'decimal':
      return [
        `${whole}.${cents}`,
        `${whole},${cents}`,
        `${Math.floor(whole / 1000)},${pad(whole % 1000, 3)}`,
        `${Math.floor(whole / 1000)}.${pad(whole % 1000, 3)}`,
        `${whole}`,
        `1,5`,
        `2.25`,
        `${whole}.0`,
        `0`,
        group(whole, ','),
        '—',
        `${whole % 100},${n % 10}`,
      ][pick] as string;
    case 'opens':
      return [`${group(whole, NBSP)} (${n % 100},${n % 10} %)`, `${whole}`, `${n % 100}.5 %`, `${whole} (12.5%)`][pick % 4] as string;
  }
}

/** A name cell's markup, from a seed: plain, a link with an id, a console's link, unnamed, a summary, a placeholder. */
function nameHtml(seed: number, id: number): string {
  switch (seed % 13) {
    case 0:
    case 1:
    case 2:
      return `Campaign ${id}`;
    case 3:
    case 4:
      return `<a href="/c?campaignId=${id}">Campaign ${id}</a>`;
    case 5:
      return `<a href="/campaigns/${id}/edit">Camp <b>${id}</b></a><button>Edit</button>`;
    case 6:
      return '';
    case 7:
      return 'Total';
    case 8:
      return 'Total: all campaigns';
    case 9:
      return 'No data';
    case 10:
      return `<span class="material-icons">edit</span>Campaign ${id}<div class="sub">Search</div>`;
    case 11:
      return `<a href="https://ads.tiktok.com/i18n/perf/campaign?campaignId=${id}">Campaign ${id}</a>`;
    default:
      return '—';
  }
}

type PageSpec = {
  kind: Kind;
  lang: string | null;
  cols: number[];
  rows: number[][];
  indexed: boolean;
  tfoot: boolean;
  hook: boolean;
  /** The name column's header says so; else the reader guesses it from the first rows' words. */
  named: boolean;
};

const pageSpec = (kind: Kind) =>
  fc.record({
    kind: fc.constant(kind),
    lang: fc.constantFrom('en', 'fr', 'de', null),
    cols: fc.uniqueArray(fc.integer({ min: 0, max: COLUMNS.length - 1 }), { minLength: 1, maxLength: 7 }),
    rows: fc.array(fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), { minLength: 0, maxLength: 14 }),
    indexed: fc.boolean(),
    named: fc.boolean(),
    tfoot: fc.boolean(),
    hook: fc.boolean(),
  });

/** Builds the page: a toolbar with the range, then the grid. Ids: `r` + a serial, so inserted rows get new ones. */
class RandomPage {
  readonly doc: Document;
  private serial = 0;

  constructor(readonly spec: PageSpec) {
    const grid = this.gridHtml();
    const hook = spec.hook ? '<nav><a href="https://app.brevo.com/camp">Brevo</a></nav>' : '';
    this.doc = parse(
      `<!DOCTYPE html><html${spec.lang ? ` lang="${spec.lang}"` : ''}><head><title>Report</title></head><body>` +
        `<div class="toolbar"><span class="date-range">1 – 23 Nov 2026</span></div>${hook}${grid}</body></html>`,
    );
  }

  get heads(): string[] {
    return [this.spec.named ? 'Campaign' : 'Label', ...this.spec.cols.map((c) => (COLUMNS[c] as [string, ColumnType])[0])];
  }

  /** A figure column's text (1: the first figure column; past the last, round again: cells of nested rows). */
  cellText(col: number, seed: number): string {
    const cols = this.spec.cols;
    return valueText((COLUMNS[cols[(col - 1) % cols.length] as number] as [string, ColumnType])[1], seed);
  }

  /** A data row's markup (both parts for a split grid). */
  rowHtml(seeds: number[]): { main: string; pinned: string } {
    const id = ++this.serial;
    const { kind, indexed } = this.spec;
    const name = nameHtml(seeds[0] as number, id);
    const figures = this.spec.cols.map((_, i) => this.cellText(i + 1, seeds[i + 1] as number));
    const idx = indexed || kind === 'split' ? ` aria-rowindex="${id + 1}"` : '';
    if (kind === 'table') return { main: `<tr><td>${name}</td>${figures.map((f) => `<td>${f}</td>`).join('')}</tr>`, pinned: '' };
    if (kind === 'keyed') {
      const cells = [name, ...figures].map((f, i) => `<span col-id="c${i}">${f}</span>`).join('');
      return { main: `<div class="row">${cells}</div>`, pinned: '' };
    }
    const cell = (f: string, i: number) => `<div role="gridcell"${indexed ? ` aria-colindex="${i + 1}"` : ''}>${f}</div>`;
    if (kind === 'split') {
      return {
        pinned: `<div role="row"${idx}>${cell(name, 0)}</div>`,
        main: `<div role="row"${idx}>${figures.map((f, i) => cell(f, i + 1)).join('')}</div>`,
      };
    }
    return { main: `<div role="row"${idx}>${[name, ...figures].map(cell).join('')}</div>`, pinned: '' };
  }

  private gridHtml(): string {
    const { kind, rows, tfoot, indexed } = this.spec;
    const heads = this.heads;
    const built = rows.map((seeds) => this.rowHtml(seeds));
    if (kind === 'table') {
      const foot = tfoot
        ? `<tfoot><tr><td>Total</td>${heads
            .slice(1)
            .map((_, i) => `<td>${this.cellText(i + 1, 77 * i)}</td>`)
            .join('')}</tr></tfoot>`
        : '';
      return `<table><thead><tr>${heads.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${built.map((b) => b.main).join('')}</tbody>${foot}</table>`;
    }
    if (kind === 'keyed') {
      const header = `<div class="row">${heads.map((h, i) => `<span col-id="c${i}">${h}</span>`).join('')}</div>`;
      return `<div class="keyed"><div class="body">${header}${built.map((b) => b.main).join('')}</div></div>`;
    }
    const head = (h: string, i: number) => `<div role="columnheader"${indexed ? ` aria-colindex="${i + 1}"` : ''}>${h}</div>`;
    if (kind === 'split') {
      return (
        `<div role="grid"><div class="pinned"><div role="row" aria-rowindex="1">${head(heads[0] as string, 0)}</div>` +
        `<div class="body">${built.map((b) => b.pinned).join('')}</div></div>` +
        `<div class="center"><div role="row" aria-rowindex="1">${heads
          .slice(1)
          .map((h, i) => head(h, i + 1))
          .join('')}</div>` +
        `<div class="body">${built.map((b) => b.main).join('')}</div></div></div>`
      );
    }
    return (
      `<div role="grid"><div role="rowgroup"><div role="row"${indexed ? ' aria-rowindex="1"' : ''}>${heads.map(head).join('')}</div></div>` +
      `<div role="rowgroup" class="body">${built.map((b) => b.main).join('')}</div></div>`
    );
  }

  /** The containers of data rows (two for a split grid: pinned first), skipping the keyed grid's header row. */
  bodies(): Element[] {
    const d = this.doc;
    if (this.spec.kind === 'table') return [d.querySelector('tbody') as Element];
    return [...d.querySelectorAll('.body')];
  }

  dataRows(body: Element): Element[] {
    const rows = [...body.children];
    return this.spec.kind === 'keyed' ? rows.slice(1) : rows;
  }

  cells(): Element[] {
    return [...this.doc.querySelectorAll('[role="gridcell"], td, [col-id]')].filter((c) => !this.isHeader(c));
  }

  private isHeader(c: Element): boolean {
    return this.spec.kind === 'keyed' && c.parentElement === c.parentElement?.parentElement?.firstElementChild;
  }

  element(html: string): Element {
    const holder = this.doc.createElement(this.spec.kind === 'table' ? 'tbody' : 'div');
    holder.innerHTML = html;
    return holder.firstElementChild as Element;
  }
}

/** One change to the page, made by hand; returns the targets a MutationObserver on the document would report. */
type Change = { what: number; a: number; b: number; c: number };
const change = fc.record({ what: fc.nat({ max: 99 }), a: fc.nat(), b: fc.nat(), c: fc.nat() });
/** Batches of any changes, or of cell edits alone (what the reader follows without finding the grid again). */
const batch = fc.oneof(
  fc.array(change, { minLength: 1, maxLength: 3 }),
  fc.array(fc.record({ what: fc.nat({ max: 39 }), a: fc.nat(), b: fc.nat(), c: fc.nat() }), { minLength: 1, maxLength: 3 }),
);

function apply(page: RandomPage, { what, a, b, c }: Change): Node[] {
  const doc = page.doc;
  const cells = page.cells();
  const cell = cells.length > 0 ? (cells[a % cells.length] as Element) : null;
  const bodies = page.bodies();
  const body = bodies[0];
  if (what < 40 && cell) {
    // A figure or a name changes: the cell's text replaced, its text node edited, or new markup.
    const col = [...(cell.parentElement?.children ?? [])].indexOf(cell);
    const text = col <= 0 || page.spec.kind === 'split' ? page.cellText(1 + (b % page.spec.cols.length), c) : page.cellText(col, c);
    const named = col === 0 && page.spec.kind !== 'split' ? nameHtml(b, c % 50) : text;
    if (b % 3 === 0 && cell.firstChild?.nodeType === 3 && cell.firstChild === cell.lastChild) {
      (cell.firstChild as Text).data = text;
      return [cell.firstChild];
    }
    if (b % 3 === 1) cell.innerHTML = `<span>${named}</span>`;
    else cell.textContent = text;
    return [cell];
  }
  if (what < 55 && body) {
    // Rows inserted (in every container of a split grid, same row index).
    const seeds = Array.from({ length: 12 }, (_, i) => (a * 31 + b * 7 + i * 1_000_003) % 2_000_000);
    const built = page.rowHtml(seeds);
    const targets: Node[] = [];
    bodies.forEach((container, i) => {
      const el = page.element(bodies.length === 2 && i === 0 ? built.pinned : built.main);
      const rows = page.dataRows(container);
      container.insertBefore(el, rows[b % (rows.length + 1)] ?? null);
      targets.push(container);
    });
    return targets;
  }
  if (what < 65 && body) {
    const targets: Node[] = [];
    for (const container of bodies) {
      const rows = page.dataRows(container);
      if (rows.length === 0) continue;
      (rows[b % rows.length] as Element).remove();
      targets.push(container);
    }
    return targets;
  }
  if (what < 72 && body) {
    // A sort: the same row elements in another order.
    const targets: Node[] = [];
    for (const container of bodies) {
      const rows = page.dataRows(container);
      const order = rows.map((r, i) => [(i * (b | 1) + c) % 101, r] as const).sort((x, y) => x[0] - y[0]);
      for (const [, r] of order) container.appendChild(r);
      targets.push(container);
    }
    return targets;
  }
  if (what < 74 && page.spec.kind === 'split') {
    // A row's scrolling part rendered late, or rendered twice: it joins the row of the same index.
    const center = bodies[1] as Element;
    const pinned = page.dataRows(bodies[0] as Element);
    const index = pinned[b % Math.max(1, pinned.length)]?.getAttribute('aria-rowindex') ?? '2';
    const el = page.element(page.rowHtml(Array.from({ length: 12 }, (_, i) => c + i)).main);
    el.setAttribute('aria-rowindex', index);
    center.appendChild(el);
    return [center];
  }
  if (what < 76) {
    // A header renamed (to another known metric, or to words no metric has).
    const heads = [...doc.querySelectorAll('[role="columnheader"], th, .keyed .row:first-child > span')];
    const h = heads[a % Math.max(1, heads.length)];
    if (!h) return [];
    h.textContent = ['Clicks', 'Cost', 'Status', 'Conv. rate', 'Campaign', 'Cost / conv.'][b % 6] as string;
    return [h];
  }
  if (what < 80) {
    const range = doc.querySelector('.date-range') as Element;
    range.textContent = ['1 – 23 Nov 2026', 'Oct 1, 2026 - Oct 31, 2026', 'Yesterday', '01/02/2026 – 15/02/2026'][b % 4] as string;
    return [range];
  }
  if (what < 88 && cell) {
    // Attributes that decide where discovery puts a row or a cell.
    const row = cell.parentElement as Element;
    switch (b % 10) {
      case 0:
        row.setAttribute('aria-hidden', 'true');
        return [row];
      case 6:
        // A hover or selection class, on the row or on a cell: nothing a reading depends on.
        (c % 2 ? row : cell).setAttribute('class', ['hover', 'selected', ''][c % 3] as string);
        return [c % 2 ? row : cell];
      case 7:
        row.setAttribute('role', ['row', 'presentation', 'grid'][c % 3] as string);
        return [row];
      case 8: {
        // A cell replaced by a new element, or something that is no cell put in the row.
        const fresh = page.element(
          page.spec.kind === 'table' ? `<td>${page.cellText(1, c)}</td>` : `<div role="gridcell">${page.cellText(1, c)}</div>`,
        );
        if (c % 2) row.replaceChild(fresh, cell);
        else row.insertBefore(page.element('<span class="spacer">x</span>'), cell);
        return [row];
      }
      case 9:
        row.setAttribute('data-surface', c % 2 ? '/am/table/footer_row' : '/am/x');
        return [row];
      case 1:
        cell.setAttribute('aria-colindex', String(1 + (c % 4)));
        return [cell];
      case 2:
        cell.setAttribute('colspan', '2');
        return [cell];
      case 3:
        row.setAttribute('aria-rowindex', String(c % 30));
        return [row];
      case 4:
        cell.setAttribute('role', ['columnheader', 'gridcell', 'presentation'][c % 3] as string);
        return [cell];
      default:
        doc.documentElement.setAttribute('lang', ['fr', 'en-US', 'de'][c % 3] as string);
        return [doc.documentElement];
    }
  }
  if (what < 94 && cell) {
    // Structure inside a cell: a nested row or table, a console's link.
    cell.innerHTML = [
      '<div role="row"><div role="gridcell">12</div><div role="gridcell">3</div></div>',
      '<table><tr><th>Cost</th><th>Clicks</th><th>CTR</th></tr><tr><td>Nested</td><td>1</td><td>2%</td></tr></table>',
      '<a href="https://app.brevo.com/c/1">Campaign 1</a>',
      '<svg><title>Google Ads</title></svg>12',
    ][b % 4] as string;
    return [cell];
  }
  if (what < 97) {
    // The grid replaced by a new one built from the same spec.
    const old = doc.querySelector('[role="grid"], table, .keyed') as Element;
    const fresh = page.element(new RandomPage(page.spec).doc.querySelector('[role="grid"], table, .keyed')?.outerHTML ?? '<div></div>');
    const parent = old.parentElement as Element;
    parent.replaceChild(fresh, old);
    return [parent];
  }
  // A change to a detached node: no record reaches the page.
  const loose = doc.createElement('div');
  loose.textContent = 'detached';
  return [loose];
}

describe('after random changes', () => {
  // Grids of each kind, random changes in batches; the machine may be busy, hence the long timeout.
  it.each<[Kind, number]>([
    ['aria', 150],
    ['table', 120],
    ['split', 80],
    ['keyed', 60],
  ])(
    '%s grid: equals a fresh readPage after every batch of changes (%i pages)',
    (kind, numRuns) => {
      fc.assert(
        fc.property(
          pageSpec(kind),
          fc.constantFrom(null, 'https://example.test/campaigns', 'https://ads.google.com/aw/campaigns'),
          fc.array(batch, { minLength: 1, maxLength: 8 }),
          (spec, url, batches) => {
            const page = new RandomPage(spec);
            const reader = createPageReader(page.doc, url);
            expectFresh(page.doc, url, reader.read());
            for (const batch of batches) {
              const targets = batch.flatMap((c) => apply(page, c));
              expectFresh(page.doc, url, reader.read(targets));
            }
          },
        ),
        { numRuns },
      );
    },
    120_000,
  );
});

// ── what is read again ──

function benchLikePage(rows: number): string {
  const heads = ['Campagne', 'Coût', 'Impr.', 'Clics', 'CTR', 'Conversions', 'Budget'];
  const cell = (r: number, c: number) =>
    c === 0 ? `Campagne ${r}` : c === 4 ? `${r % 10},${r % 7}0 %` : `${r * 13 + c},${pad(r % 100, 2)} €`;
  const body = Array.from(
    { length: rows },
    (_, r) =>
      `<div role="row" aria-rowindex="${r + 2}">${heads.map((_, c) => `<div role="gridcell" aria-colindex="${c + 1}">${cell(r, c)}</div>`).join('')}</div>`,
  ).join('');
  return `<!DOCTYPE html><html lang="fr"><head><title>Bench grid</title></head><body><div class="range">1 – 23 nov. 2026</div><div role="grid"><div role="row" aria-rowindex="1">${heads.map((h, c) => `<div role="columnheader" aria-colindex="${c + 1}">${h}</div>`).join('')}</div>${body}</div></body></html>`;
}

describe('reads again only what changed', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });
  const url = 'https://example.test/campaigns';

  it('a cell edit: that row alone, and the other rows keep their objects', () => {
    const doc = parse(benchLikePage(60));
    const reader = createPageReader(doc, url);
    const first = reader.read();
    const reads = vi.spyOn(RowReader.prototype, 'read');
    const cell = doc.querySelector('[aria-rowindex="12"] [aria-colindex="2"]') as Element;
    cell.textContent = '999,99 €';
    const next = reader.read([cell]);
    expect(reads).toHaveBeenCalledTimes(1);
    expectFresh(doc, url, next);
    if (!first.ok || !next.ok) throw new Error('expected readings');
    expect(next.extraction.rows[10]?.metrics.cost).toBe(999.99);
    expect(next.extraction.rows[11]).toBe(first.extraction.rows[11]);
    expect(next.grid).toBe(first.grid);
  });

  it("a tree grid row's level changed (collapsed into its parent): the grid is found again", () => {
    const doc = parse(
      `<!DOCTYPE html><html lang="en"><body><div role="treegrid">` +
        `<div role="row"><div role="columnheader">Campaign</div><div role="columnheader">Cost</div><div role="columnheader">Clicks</div></div>` +
        `<div role="row" aria-level="1"><div role="gridcell">Brand</div><div role="gridcell">$3.00</div><div role="gridcell">3</div></div>` +
        `<div role="row" aria-level="1" id="g"><div role="gridcell">Brand – exact</div><div role="gridcell">$2.00</div><div role="gridcell">2</div></div>` +
        `<div role="row" aria-level="1"><div role="gridcell">Generic</div><div role="gridcell">$1.00</div><div role="gridcell">1</div></div>` +
        `</div></body></html>`,
    );
    const reader = createPageReader(doc, url);
    expectFresh(doc, url, reader.read());
    const row = doc.getElementById('g') as Element;
    row.setAttribute('aria-level', '2');
    const next = reader.read([row]);
    expectFresh(doc, url, next);
    expect(next.ok && next.extraction.rows.map((r) => r.campaign.name)).toEqual(['Brand', 'Generic']);
  });

  it('a text node edited in place, and a change no record reports', () => {
    const doc = parse(benchLikePage(30));
    const reader = createPageReader(doc, url);
    const first = reader.read();
    const text = (doc.querySelector('[aria-rowindex="5"] [aria-colindex="3"]') as Element).firstChild as Text;
    text.data = '1 234';
    const reads = vi.spyOn(RowReader.prototype, 'read');
    const next = reader.read([text]);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(reader.read([])).toBe(next);
    expect(reader.read([doc.createElement('div')])).toBe(next);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(next.grid).toBe(first.grid);
    expectFresh(doc, url, next);
  });

  it('a row inserted, a row removed, a sort: only new rows are read', () => {
    const doc = parse(benchLikePage(40));
    const reader = createPageReader(doc, url);
    reader.read();
    const grid = doc.querySelector('[role="grid"]') as Element;
    const reads = vi.spyOn(RowReader.prototype, 'read');
    const extra = doc.createElement('div');
    extra.innerHTML =
      '<div role="row" aria-rowindex="100"><div role="gridcell" aria-colindex="1">New</div><div role="gridcell" aria-colindex="2">5,00 €</div></div>';
    grid.appendChild(extra.firstElementChild as Element);
    (grid.children[3] as Element).remove();
    const rows = [...grid.children].slice(1).reverse();
    for (const r of rows) grid.appendChild(r);
    const next = reader.read([grid]);
    expect(reads).toHaveBeenCalledTimes(1);
    expectFresh(doc, url, next);
  });

  it('a class on a row (hover, selection): that row alone; its index changed: the grid found again', () => {
    const doc = parse(benchLikePage(30));
    const reader = createPageReader(doc, url);
    reader.read();
    const row = doc.querySelector('[aria-rowindex="7"]') as Element;
    const reads = vi.spyOn(RowReader.prototype, 'read');
    row.setAttribute('class', 'hover');
    const next = reader.read([row]);
    expect(reads).toHaveBeenCalledTimes(1);
    expectFresh(doc, url, next);
    row.setAttribute('aria-rowindex', '99');
    const moved = reader.read([row]);
    expectFresh(doc, url, moved);
    expect(moved.ok && moved.extraction.rows.at(-1)?.campaign.name).toBe('Campagne 5');
  });

  it('a changed URL reads afresh', () => {
    const doc = parse(benchLikePage(10));
    let url = 'https://example.test/campaigns';
    const reader = createPageReader(doc, () => url);
    reader.read();
    url = 'https://ads.google.com/aw/campaigns?ocid=1';
    const next = reader.read([]);
    expect(next.ok && next.extraction.console).toBe('google-ads');
    expectFresh(doc, url, next);
  });

  it('a name whose link address stands outside the row is read again when the page around it changes', () => {
    const doc = parse(
      `<!DOCTYPE html><html lang="en"><body><div role="grid"><div role="row"><div role="columnheader">Campaign</div><div role="columnheader">Clicks</div><div role="columnheader">Cost</div></div>` +
        `<a class="wrap" href="/x?campaignId=1"><div role="row"><div role="gridcell"><span role="link">Alpha</span></div><div role="gridcell">3</div><div role="gridcell">$1.00</div></div></a>` +
        `<div role="row"><div role="gridcell">Beta</div><div role="gridcell">4</div><div role="gridcell">$2.00</div></div></div></body></html>`,
    );
    const reader = createPageReader(doc, null);
    const first = reader.read();
    expect(first.ok && first.extraction.rows[0]?.campaign.id).toBe('1');
    const wrap = doc.querySelector('.wrap') as Element;
    wrap.setAttribute('href', '/x?campaignId=2');
    const next = reader.read([wrap]);
    expect(next.ok && next.extraction.rows[0]?.campaign.id).toBe('2');
    expectFresh(doc, null, next);
  });
});

describe('changes that reach beyond the row they are in', () => {
  const url = null;
  const grid = (rows: string) =>
    parse(
      `<!DOCTYPE html><html lang="en"><body><div role="grid"><div role="row"><div role="columnheader">Campaign</div><div role="columnheader">Clicks</div><div role="columnheader">Cost</div></div>${rows}</div></body></html>`,
    );

  it('a row nested in a cell of another: a change in it reads both again', () => {
    const doc = grid(
      `<div role="row"><div role="gridcell"><div role="row"><div role="gridcell" id="inner">Inner</div><div role="gridcell">7</div><div role="gridcell">$1</div></div></div><div role="gridcell">3</div><div role="gridcell">$2</div></div>`,
    );
    const reader = createPageReader(doc, url);
    expectFresh(doc, url, reader.read());
    const inner = doc.getElementById('inner') as Element;
    inner.textContent = 'Renamed';
    const next = reader.read([inner]);
    expectFresh(doc, url, next);
    expect(next.ok && next.extraction.rows.map((r) => r.campaign.name)).toEqual(['Renamed', 'Renamed']);
  });

  it('a row with a handle that is no cell: a detail row put inside it is a row of the grid', () => {
    const doc = grid(
      `<div role="row" id="a"><span class="handle"></span><div role="gridcell">A</div><div role="gridcell">3</div><div role="gridcell">$1</div></div>`,
    );
    const reader = createPageReader(doc, url);
    expectFresh(doc, url, reader.read());
    const row = doc.getElementById('a') as Element;
    const detail = doc.createElement('div');
    detail.innerHTML = '<div role="row"><div role="gridcell">B</div><div role="gridcell">4</div><div role="gridcell">$2</div></div>';
    row.appendChild(detail);
    const next = reader.read([row]);
    expectFresh(doc, url, next);
    expect(next.ok && next.extraction.rows.map((r) => r.campaign.name)).toEqual(['A', 'B']);
  });

  it('a part of a split row rendered late joins its row', () => {
    const doc = parse(
      `<!DOCTYPE html><html lang="en"><body><div role="grid">` +
        `<div class="pinned"><div role="row" aria-rowindex="1"><div role="columnheader">Campaign</div></div><div role="row" aria-rowindex="2"><div role="gridcell">A</div></div><div role="row" aria-rowindex="3"><div role="gridcell">B</div></div></div>` +
        `<div class="center"><div role="row" aria-rowindex="1"><div role="columnheader">Clicks</div><div role="columnheader">Cost</div></div><div role="row" aria-rowindex="2"><div role="gridcell">1</div><div role="gridcell">$1</div></div></div>` +
        `</div></body></html>`,
    );
    const reader = createPageReader(doc, url);
    expectFresh(doc, url, reader.read());
    const center = doc.querySelector('.center') as Element;
    const late = doc.createElement('div');
    late.innerHTML = '<div role="row" aria-rowindex="3"><div role="gridcell">5</div><div role="gridcell">$5</div></div>';
    center.appendChild(late.firstElementChild as Element);
    const next = reader.read([center]);
    expectFresh(doc, url, next);
    expect(next.ok && next.extraction.rows[1]).toEqual({ campaign: { id: null, name: 'B' }, metrics: { clicks: 5, cost: 5 } });
  });

  it('no header names the name column: names turned into figures move it', () => {
    const rows = ['Alpha', 'Beta', 'Gamma', 'Delta'].map(
      (n, i) => `<tr><td>${n}</td><td>note ${i}</td><td>${i + 1}</td><td>$${i + 1}.00</td></tr>`,
    );
    const doc = parse(
      `<!DOCTYPE html><html lang="en"><body><table><thead><tr><th>Label</th><th>Note</th><th>Clicks</th><th>Cost</th></tr></thead><tbody>${rows.join('')}</tbody></table></body></html>`,
    );
    const reader = createPageReader(doc, url);
    const first = reader.read();
    expect(first.ok && first.extraction.rows[3]?.campaign.name).toBe('Delta');
    const cells = [...doc.querySelectorAll('tbody tr td:first-child')].slice(0, 3);
    for (const c of cells) c.textContent = '12';
    const next = reader.read(cells);
    expectFresh(doc, url, next);
    expect(next.ok && next.extraction.rows[3]?.campaign.name).toBe('note 3');
  });
});

describe('a console told by the page probe (no URL, no title)', () => {
  it('cells that lose elements bring a hook past the grid within the probe’s reach', () => {
    // 670 rows of 6 elements: the brevo link after the grid stands just past the probe's 4,000 elements.
    const rows = Array.from(
      { length: 670 },
      (_, r) =>
        `<div role="row"><div role="gridcell"><span><b>Campaign ${r}</b></span></div><div role="gridcell">${r}</div><div role="gridcell">${r}.50</div></div>`,
    ).join('');
    const doc = parse(
      `<!DOCTYPE html><html lang="en"><body><div role="grid"><div role="row"><div role="columnheader">Campaign</div><div role="columnheader">Clicks</div><div role="columnheader">Cost</div></div>${rows}</div><footer><a href="https://app.brevo.com/x">app</a></footer></body></html>`,
    );
    const reader = createPageReader(doc, null);
    const first = reader.read();
    expect(first.ok && first.extraction.console).toBe('generic');
    const names = [...doc.querySelectorAll('[role="row"] > [role="gridcell"]:first-child')].slice(0, 20);
    for (const n of names) n.textContent = (n.textContent as string).trim();
    const next = reader.read(names);
    expect(next.ok && next.extraction.console).toBe('brevo');
    expectFresh(doc, null, next);
  });

  // 330 rows × 8 elements: the probe's 4,000 elements end inside the grid.
  const page = (hook: boolean) => {
    const rows = Array.from(
      { length: 330 },
      (_, r) =>
        `<div role="row"><div role="gridcell">Campaign ${r}</div><div role="gridcell">${r}</div><div role="gridcell">${r},50</div></div>`,
    ).join('');
    const tail = hook ? '<footer><a href="https://app.brevo.com/x">app</a></footer>' : '';
    return parse(
      `<!DOCTYPE html><html lang="fr"><body><div role="grid"><div role="row"><div role="columnheader">Campaign</div><div role="columnheader">Clicks</div><div role="columnheader">Cost</div></div>${rows}</div>${tail}</body></html>`,
    );
  };

  it.each([false, true])('hook after the grid: %s', (hook) => {
    const doc = page(hook);
    const reader = createPageReader(doc, null);
    expectFresh(doc, null, reader.read());
    const cells = [...doc.querySelectorAll('[role="gridcell"]')];
    // Elements removed early in the grid bring the far hook into the probe's reach; then a hook in a cell.
    for (const i of [4, 7, 10, 13, 16, 19, 22, 25, 28, 31]) {
      const c = cells[i] as Element;
      c.innerHTML = '<span><b>1</b></span>';
      expectFresh(doc, null, reader.read([c]));
    }
    const rowsToGo = [...doc.querySelectorAll('[role="row"]')].slice(1, 300);
    const grid = doc.querySelector('[role="grid"]') as Element;
    for (const r of rowsToGo) r.remove();
    expectFresh(doc, null, reader.read([grid]));
    const early = doc.querySelector('[role="gridcell"]') as Element;
    early.innerHTML = '<a href="https://ads.tiktok.com/x">Campaign</a>';
    const next = reader.read([early]);
    expectFresh(doc, null, next);
    expect(next.ok && next.extraction.console).toBe('tiktok-ads');
  });
});
