/**
 * What the trust tests need beside the shared harness: Planpilot loaded next to another (forging) extension,
 * the service worker stopped the way Chromium stops an idle one, a tab's reading as the background keeps it,
 * and the page's own measure of its main thread (test/e2e/pages/hostile/perf.js).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page, type Worker } from 'playwright-core';
import { assertChromium, CHROMIUM_PATH, type ExtensionSession, TEST_BUILD_DIR } from './browser';

/** A tiny MV3 extension whose service worker only waits to be told what to send. */
export function writeForgerExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'planpilot-forger-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'Forger', version: '1.0', background: { service_worker: 'sw.js' } }),
  );
  writeFileSync(join(dir, 'sw.js'), 'self.forged = [];\n');
  return dir;
}

export type TwoExtensions = ExtensionSession & { forger: Worker; forgerId: string };

/** Planpilot's test build and the forger, side by side (--load-extension=a,b), in one fresh profile. */
export async function launchWithForger(): Promise<TwoExtensions> {
  assertChromium();
  const forgerDir = writeForgerExtension();
  const userDataDir = mkdtempSync(join(tmpdir(), 'planpilot-chromium-'));
  const both = `${TEST_BUILD_DIR},${forgerDir}`;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale: 'fr-FR',
    args: [
      `--disable-extensions-except=${both}`,
      `--load-extension=${both}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  const workerOf = async (file: string): Promise<Worker> => {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const found = context.serviceWorkers().find((w) => w.url().endsWith(`/${file}`));
      if (found) return found;
      await context.waitForEvent('serviceworker', { timeout: 2_000 }).catch(() => undefined);
    }
    throw new Error(`no service worker ${file}`);
  };
  const serviceWorker = await workerOf('background.js');
  const forger = await workerOf('sw.js');
  // As launchExtension: pages opened before the console content script is registered would not be read.
  const deadline = Date.now() + 20_000;
  while (
    !(await serviceWorker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length > 0).catch(() => false))
  ) {
    if (Date.now() > deadline) throw new Error('the console content script was never registered');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    forger,
    forgerId: new URL(forger.url()).host,
    extensionUrl: (page) => `chrome-extension://${extensionId}/${page}`,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
      rmSync(forgerDir, { recursive: true, force: true });
    },
  };
}

/**
 * Stops Planpilot's service worker as Chromium does when it idles (DevTools' ServiceWorker.stopAllWorkers, from
 * one of our pages: same storage partition). The next message starts it again. Resolves once it is stopped.
 */
export async function stopServiceWorker(extensionPage: Page): Promise<void> {
  const cdp = await extensionPage.context().newCDPSession(extensionPage);
  try {
    let stopped: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      stopped = resolve;
    });
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { runningStatus: string }[] }) => {
      if (e.versions.some((v) => v.runningStatus === 'stopped')) stopped();
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

type ChromeForTests = {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
};

/**
 * The rows of the latest reading of `page`'s tab, as the background keeps it for the popup (rows -1: none yet).
 * Asked from one of our pages, not from the service worker: the trust tests stop the worker.
 */
/** Runs in an extension page: the background's latest reading of the tab showing `url`. */
async function readingIn(url: string): Promise<{ rows: number; names: string[]; keys: string[] }> {
  const api = (globalThis as unknown as { chrome: ChromeForTests }).chrome;
  const tabId = (await api.tabs.query({})).find((t) => t.url === url)?.id;
  if (tabId === undefined) throw new Error(`no tab shows ${url}`);
  const key = `tab:${tabId}`;
  const reading = (await api.storage.session.get(key))[key] as
    | { extraction: { rows: { campaign: { name: string }; metrics: Record<string, number> }[] } }
    | undefined;
  if (!reading) return { rows: -1, names: [], keys: [] };
  const rows = reading.extraction.rows;
  return {
    rows: rows.length,
    names: rows.map((r) => r.campaign.name),
    keys: [...new Set(rows.flatMap((r) => Object.keys(r.metrics)))].sort(),
  };
}

/**
 * The rows of the latest reading of `page`'s tab, as the background keeps it for the popup (rows -1: none yet).
 * Asked from one of our pages, not from the service worker: the trust tests stop the worker.
 */
export async function readingRows(session: ExtensionSession, page: Page): Promise<{ rows: number; names: string[]; keys: string[] }> {
  const popup = await session.context.newPage();
  try {
    await popup.goto(session.extensionUrl('popup.html'));
    // Session storage is open to our pages (never to content scripts): the background keeps `tab:<id>` there.
    return await popup.evaluate(readingIn, page.url());
  } finally {
    await popup.close();
  }
}

/**
 * One extension page kept open to look at Planpilot's store and the background's tab readings, with the raw
 * IndexedDB API (independent of lib/db): polling with a new page each time is slow on a shared runner.
 */
export class StoreProbe {
  private constructor(
    private readonly session: ExtensionSession,
    private page: Page,
  ) {}

  static async open(session: ExtensionSession): Promise<StoreProbe> {
    const page = await session.context.newPage();
    await page.goto(session.extensionUrl('popup.html'));
    return new StoreProbe(session, page);
  }

  private async ready(): Promise<Page> {
    if (this.page.isClosed()) {
      this.page = await this.session.context.newPage();
      await this.page.goto(this.session.extensionUrl('popup.html'));
    }
    return this.page;
  }

  /** Every row of a table (opened and closed each time, so a newer version can open the database meanwhile). */
  async rows<T = Record<string, unknown>>(table: string): Promise<T[]> {
    const page = await this.ready();
    return page.evaluate(
      (name) =>
        new Promise<T[]>((resolve, reject) => {
          const open = indexedDB.open('planpilot');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains(name)) {
              db.close();
              return resolve([]);
            }
            const req = db.transaction(name).objectStore(name).getAll();
            req.onsuccess = () => {
              resolve(req.result as T[]);
              db.close();
            };
            req.onerror = () => reject(req.error);
          };
        }),
      table,
    );
  }

  /** The latest reading the background keeps for the tab showing `page`. */
  async reading(page: Page): Promise<{ rows: number; names: string[]; keys: string[] }> {
    const probe = await this.ready();
    return probe.evaluate(readingIn, page.url());
  }

  async close(): Promise<void> {
    if (!this.page.isClosed()) await this.page.close();
  }
}

export type MainThread = { longtask: number; gap: number; frames: number; since: number; walk: number };

/** The page's main thread since it said it was ready: longest task, longest frame gap, frames; and the machine's pace. */
export async function mainThread(page: Page): Promise<MainThread> {
  return page.evaluate(() => {
    const perf = (window as unknown as { __perf: { worst: () => Omit<MainThread, 'walk'>; bareWalk: () => number } }).__perf;
    return { ...perf.worst(), walk: perf.bareWalk() };
  });
}

export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      (window as unknown as { __perf?: { readyAt: number } }).__perf?.readyAt !== undefined &&
      (window as unknown as { __perf: { readyAt: number } }).__perf.readyAt >= 0,
    null,
    {
      timeout: 120_000,
    },
  );
}
