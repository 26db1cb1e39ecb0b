import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { ExtensionSession } from './browser';

export const DEMO_BACKUP = resolve(import.meta.dirname, '../../fixtures/backups/demo-plan.json');

/** The side panel, opened as a page. */
export class SidePanelPage {
  constructor(readonly page: Page) {}

  static async open(session: ExtensionSession): Promise<SidePanelPage> {
    const page = await session.context.newPage();
    await page.goto(session.extensionUrl('sidepanel.html'));
    await page.locator('.pp-header').waitFor();
    return new SidePanelPage(page);
  }

  async tab(name: string | RegExp): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** Restores a backup through the UI: choose the file, read the preview, confirm. */
  async restore(file: string = DEMO_BACKUP): Promise<string> {
    await this.page.getByRole('tab', { name: /Sauvegarde|Backup/ }).click();
    await this.page.getByTestId('restore-input').setInputFiles(file);
    await this.page.getByTestId('restore-confirm').click();
    return (await this.page.getByTestId('restore-message').textContent()) ?? '';
  }

  actionRows() {
    return this.page.getByTestId('actions-table').locator('tbody tr');
  }

  /** A real side panel is narrow (≈420 px); the same page also runs full width. */
  async setWidth(width: number, height = 900): Promise<void> {
    await this.page.setViewportSize({ width, height });
  }

  /** The tab panel's content (what the chosen tab shows). */
  tabPanel() {
    return this.page.locator('#pp-tabpanel');
  }

  /** The undo bar a deletion shows, and its "undo" button. */
  undoBar() {
    return this.page.getByTestId('undo-bar');
  }
}

/** The popup, opened as a page (`?tabId=` names the console tab it reports on). */
export class PopupPage {
  constructor(readonly page: Page) {}

  static async open(session: ExtensionSession, tabId?: number): Promise<PopupPage> {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 560, height: 700 });
    await page.goto(session.extensionUrl(`popup.html${tabId === undefined ? '' : `?tabId=${tabId}`}`));
    await page.locator('.pp-header').waitFor();
    return new PopupPage(page);
  }

  actionRows() {
    return this.page.getByTestId('actions-table').locator('tbody tr');
  }
}

/** Rows of a Planpilot IndexedDB table, read with the raw IndexedDB API from an extension page (independent of lib/db). */
export async function readStore<T = Record<string, unknown>>(session: ExtensionSession, table: string): Promise<T[]> {
  const page = await session.context.newPage();
  try {
    await page.goto(session.extensionUrl('popup.html'));
    return await page.evaluate(
      (name) =>
        new Promise<T[]>((resolve, reject) => {
          const open = indexedDB.open('planpilot');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains(name)) return resolve([]);
            const req = db.transaction(name).objectStore(name).getAll();
            req.onsuccess = () => resolve(req.result as T[]);
            req.onerror = () => reject(req.error);
          };
        }),
      table,
    );
  } finally {
    await page.close();
  }
}

/** The browser's id of the tab showing `page` (asked from the service worker). */
export async function tabIdOf(session: ExtensionSession, page: Page): Promise<number> {
  const url = page.url();
  const id = await session.serviceWorker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Clicks something that downloads a file; returns the file's suggested name and its text (UTF-8, BOM kept). */
export async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  return { name: download.suggestedFilename(), text: (await readFile(path)).toString('utf8') };
}

/** The popup's quick add: opens it, fills a spend (optionally incl. tax at the default VAT) and saves; returns the message shown. */
export async function quickSpend(
  popup: PopupPage,
  entry: { amount: string; date?: string; includesTax?: boolean; category?: string; note?: string },
): Promise<string> {
  const page = popup.page;
  if ((await page.getByTestId('quick-open').getAttribute('aria-expanded')) !== 'true') await page.getByTestId('quick-open').click();
  const form = page.getByTestId('quick-spend-form');
  if (entry.date) await form.getByLabel(/^Date$/).fill(entry.date);
  if (entry.includesTax) await form.getByLabel(/TTC \(avec TVA\)|Incl\. VAT/).check();
  await form.getByLabel(/^Montant (HT|TTC)$|^Amount (excl|incl)\. tax$/).fill(entry.amount);
  if (entry.category) await form.getByLabel(/^Catégorie$|^Category$/).selectOption(entry.category);
  if (entry.note) await form.getByLabel(/^Note$/).fill(entry.note);
  await form.getByRole('button', { name: /Enregistrer|Save/ }).click();
  const notice = page.getByTestId('ledger-notice');
  await notice.waitFor();
  return (await notice.textContent()) ?? '';
}

/** Weekly snapshots tab: takes (or retakes) a week by hand and waits until it is shown; returns its version. */
export async function takeSnapshotByHand(panel: SidePanelPage, weekStart: string): Promise<number> {
  const page = panel.page;
  await panel.tab(/Bilans hebdo|Weekly/);
  await page.locator('[data-testid=snapshots-view][data-loaded=true]').waitFor();
  await page.getByTestId('snap-week-select').selectOption(weekStart);
  await page.getByTestId('snap-take').click();
  const notice = page.getByTestId('ledger-notice').filter({ hasText: /version \d+/ });
  await notice.waitFor();
  const version = Number(/version (\d+)/.exec((await notice.textContent()) ?? '')?.[1]);
  await page.locator(`[data-testid=snap-detail][data-week="${weekStart}"][data-version="${version}"]`).waitFor();
  return version;
}
