/**
 * Point 3, below the browser: how much of a hostile page one reading may take (lib/readers/limits.ts), and the
 * live reader's memory of rows on a page that renames its rows on every render. The same pages are driven in
 * Chromium by test/e2e/trust.e2e.ts, which measures the tab's main thread.
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveReader } from '@/lib/content/live-reader';
import type { Extraction } from '@/lib/readers/extraction';
import { MAX_COLUMNS, MAX_ROWS } from '@/lib/readers/limits';
import { readPage } from '@/lib/readers/read-page';

const page = (body: string) =>
  parseHTML(`<!DOCTYPE html><html lang="en"><head><title>Console</title></head><body>${body}</body></html>`)
    .document as unknown as Document;

const table = (rows: number, footer = '') =>
  `<table><thead><tr><th>Campaign</th><th>Cost</th><th>Clicks</th></tr></thead><tbody>${Array.from(
    { length: rows },
    (_, r) => `<tr><td>Campaign ${r}</td><td>$${r + 1}.00</td><td>${r + 10}</td></tr>`,
  ).join('')}</tbody>${footer}</table>`;

describe('a reading takes a bounded part of a huge grid', () => {
  it(`a 20,000-row table: the first ${MAX_ROWS.toLocaleString('en')} rows, and the total in its footer`, () => {
    const doc = page(table(20_000, '<tfoot><tr><td>Total</td><td>$999.00</td><td>5</td></tr></tfoot>'));
    const read = readPage(doc, null);
    expect(read.rows).toHaveLength(MAX_ROWS);
    expect(read.rows.at(-1)?.campaign.name).toBe(`Campaign ${MAX_ROWS - 1}`);
    expect(read.totals).toEqual({ cost: 999, clicks: 5 });
  });

  it(`a 20,000-row ARIA grid: the first ${MAX_ROWS.toLocaleString('en')} rows`, () => {
    const row = (cells: string[], role = 'gridcell') =>
      `<div role="row">${cells.map((c) => `<div role="${role}">${c}</div>`).join('')}</div>`;
    const rows = Array.from({ length: 20_000 }, (_, r) => row([`Campaign ${r}`, `$${r + 1}.00`, String(r)]));
    const doc = page(`<div role="grid">${row(['Campaign', 'Cost', 'Clicks'], 'columnheader')}${rows.join('')}</div>`);
    expect(readPage(doc, null).rows).toHaveLength(MAX_ROWS);
  });

  it(`a 1,000-column table: columns past the first ${MAX_COLUMNS} are not read`, () => {
    const heads = ['Campaign', 'Cost', ...Array.from({ length: 997 }, (_, c) => `Custom ${c}`), 'Leads'];
    const doc = page(
      `<table><thead><tr>${heads.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${Array.from(
        { length: 3 },
        (_, r) => `<tr>${heads.map((_, c) => `<td>${c === 0 ? `Campaign ${r}` : c === 1 ? '$5.00' : '7'}</td>`).join('')}</tr>`,
      ).join('')}</tbody></table>`,
    );
    const read = readPage(doc, null);
    expect(read.rows).toHaveLength(3);
    expect(read.rows[0]?.metrics).toEqual({ cost: 5 }); // `Leads`, column 1,000, is past the bound
  });

  it(`a list of 20,000 record cards: the first ${MAX_ROWS.toLocaleString('en')} cards, each with its own figures`, () => {
    // Without a table or grid, the page's blocks are searched for labelled figures: in one pass per label, not
    // label against label (20,000 cards × 3 labels searched pairwise would outlast the test's time limit).
    const cards = Array.from(
      { length: 20_000 },
      (_, i) =>
        `<li><h3>Newsletter ${i}</h3><p><span>Recipients</span> <b>${1000 + i}</b></p><p><span>Opens</span> <b>${i}</b></p><p><span>Clicks</span> <b>${i % 7}</b></p></li>`,
    );
    const read = readPage(page(`<ul>${cards.join('')}</ul>`), null);
    expect(read.rows).toHaveLength(MAX_ROWS);
    expect(read.rows[4_321]).toEqual({
      campaign: { id: null, name: 'Newsletter 4321' },
      metrics: { sent: 5321, opens: 4321, clicks: 4321 % 7 },
    });
  });

  it('a grid at the bottom of a 2,000-deep DOM is read', () => {
    const open = Array.from({ length: 2_000 }, (_, i) => (i % 2 ? '<div>' : '<section>')).join('');
    const close = Array.from({ length: 2_000 }, (_, i) => (i % 2 ? '</div>' : '</section>'))
      .reverse()
      .join('');
    const read = readPage(page(`<p>Nov 1 – 23, 2026</p>${open}${table(2)}${close}`), null);
    expect(read.rows.map((r) => r.campaign.name)).toEqual(['Campaign 0', 'Campaign 1']);
    expect(read.dateRange).toEqual({ start: '2026-11-01', end: '2026-11-23' });
  });

  it('names that look like markup are read as the text the page shows', () => {
    const names = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'a\u202Egnp.exe', 'Ω'.repeat(10_000)];
    const asText = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    const doc = page(
      `<table><thead><tr><th>Campaign</th><th>Cost</th></tr></thead><tbody>${names.map((n) => `<tr><td>${asText(n)}</td><td>$1.00</td></tr>`).join('')}</tbody></table>`,
    );
    // The RTL override is dropped as the user reads the name (text.ts); the rest is kept exactly.
    expect(readPage(doc, null).rows.map((r) => r.campaign.name)).toEqual([names[0], names[1], 'agnp.exe', names[3]]);
  });
});

describe('the live reader on a page that renames its rows on every render', () => {
  type Callback = (records: { target: Node }[]) => void;
  let observers: Callback[] = [];
  beforeEach(() => {
    observers = [];
    vi.stubGlobal(
      'MutationObserver',
      class {
        constructor(readonly callback: Callback) {
          observers.push(callback);
        }
        observe() {}
        disconnect() {}
      },
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it(`keeps at most ${MAX_ROWS.toLocaleString('en')} rows, the rows on screen first`, () => {
    const doc = page('<p>Nov 1 – 23, 2026</p><main></main>');
    const main = doc.querySelector('main') as Element;
    let generation = 0;
    const render = () => {
      generation += 1;
      main.innerHTML = table(300).replaceAll('Campaign ', `Gen ${generation} campaign `);
    };
    render();
    // A window whose frames and timers run when the test says, on a clock that never moves (no throttling wait).
    let queue: (() => void)[] = [];
    const later = (f: () => void) => {
      queue.push(f);
      return queue.length;
    };
    const flush = () => {
      const due = queue;
      queue = [];
      for (const f of due) f();
    };
    const win = {
      requestAnimationFrame: (f: (t: number) => void) => later(() => f(0)),
      cancelAnimationFrame: () => undefined,
      setTimeout: (f: () => void) => later(f),
      clearTimeout: () => undefined,
      performance: { now: () => 0 },
    } as unknown as Window;
    const readings: Extraction[] = [];
    const reader = new LiveReader({ doc, win, url: () => 'https://console.example/campaigns', onReading: (x) => readings.push(x) });
    reader.start();
    flush();
    for (let i = 0; i < 40; i++) {
      render();
      for (const callback of observers) callback([{ target: main }]);
      flush();
    }
    reader.stop();
    expect(readings.length).toBeGreaterThan(30);
    const last = readings.at(-1) as Extraction;
    expect(last.rows.length).toBeLessThanOrEqual(MAX_ROWS);
    expect(last.rows[0]?.campaign.name).toBe(`Gen ${generation} campaign 0`);
    // 41 renders × 300 names were seen: the oldest went first.
    expect(last.rows.some((r) => r.campaign.name.startsWith('Gen 1 '))).toBe(false);
  });

  it("reads a page that rewrites itself every frame a fifth of the time at most, the overlay's work included", () => {
    const doc = page(`<p>Nov 1 – 23, 2026</p><main>${table(50)}</main>`);
    const main = doc.querySelector('main') as Element;
    let clock = 0;
    const frames: (() => void)[] = [];
    const timers: { f: () => void; delay: number }[] = [];
    const win = {
      requestAnimationFrame: (f: (t: number) => void) => frames.push(() => f(clock)),
      cancelAnimationFrame: () => undefined,
      setTimeout: (f: () => void, delay: number) => timers.push({ f, delay }),
      clearTimeout: () => undefined,
      performance: { now: () => clock },
    } as unknown as Window;
    // Each reading costs 30 ms of main thread (the clock moves while the reader works).
    const reader = new LiveReader({
      doc,
      win,
      url: () => 'https://console.example/campaigns',
      onReading: () => {
        clock += 30;
      },
    });
    const runFrames = () => {
      for (const f of frames.splice(0)) f();
    };
    const rewrite = (from: string, to: string) => {
      main.innerHTML = table(50).replace(from, to);
      for (const callback of observers) callback([{ target: main }]);
    };
    reader.start();
    runFrames();
    // The page rewrites its grid at once: the next reading waits 4 × 30 ms after the last one ended (20 % of the time).
    rewrite('Campaign 0', 'Campaign zero');
    expect(frames).toHaveLength(0);
    expect(timers.map((t) => t.delay)).toEqual([120]);
    clock += 120;
    timers.splice(0)[0]?.f();
    runFrames();
    // That reading's overlay update took 20 ms more: the next wait is 4 × 50 ms.
    reader.charge(20);
    rewrite('Campaign 1', 'Campaign one');
    rewrite('Campaign 2', 'Campaign two');
    expect(timers.map((t) => t.delay)).toEqual([200]); // one wait at a time, however many changes
    reader.stop();
  });
});
