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
