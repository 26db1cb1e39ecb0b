import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The test build: the shipped extension plus host access to 127.0.0.1 (see wxt.config.ts). */
export const TEST_BUILD_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3-test');

export type ExtensionSession = {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  extensionUrl: (page: string) => string;
  close: () => Promise<void>;
};

/** Fails loudly, never silently, when the browser is missing. */
export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with: sudo apt-get update && sudo apt-get install -y chromium ` +
        '(or set CHROMIUM_PATH to a Chromium binary).',
    );
  }
  if (!existsSync(join(TEST_BUILD_DIR, 'manifest.json'))) {
    throw new Error(`No test build at ${TEST_BUILD_DIR}. Run: npm run build:test`);
  }
}

/** Launches Debian's Chromium with the unpacked test build; the extension id comes from the service worker's URL. */
export async function launchExtension(options: { headless?: boolean; extensionDir?: string } = {}): Promise<ExtensionSession> {
  assertChromium();
  const extensionDir = options.extensionDir ?? TEST_BUILD_DIR;
  const userDataDir = mkdtempSync(join(tmpdir(), 'planpilot-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 800 },
    locale: 'fr-FR',
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=fr-FR',
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 60_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  // The console content script is registered at install for the granted hosts (127.0.0.1 in the
  // test build); pages opened before that would not be read.
  await waitFor(
    () => serviceWorker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length > 0),
    'content script registration',
    30_000,
  );
  return {
    context,
    extensionId,
    serviceWorker,
    extensionUrl: (page) => `chrome-extension://${extensionId}/${page}`,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
