import browser from 'webextension-polyfill';
import { ALL_CONSOLE_HOSTS, matchesPattern, TEST_HOSTS } from '../consoles';

const SCRIPT_ID = 'planpilot-console';
const SCRIPT_FILE = 'content-scripts/console.js';
const KNOWN_PATTERNS = [...ALL_CONSOLE_HOSTS, ...TEST_HOSTS];

/** The console host patterns the user granted (the test build also holds 127.0.0.1 from install). */
export async function grantedConsolePatterns(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return KNOWN_PATTERNS.filter((p) => origins.includes(p));
}

export async function isEnabledConsoleUrl(url: string): Promise<boolean> {
  return (await grantedConsolePatterns()).some((p) => matchesPattern(url, p));
}

/**
 * The content script runs only where host access was granted: it is registered at runtime
 * for exactly those patterns, and re-registered whenever the user grants or removes one.
 */
export async function syncContentScripts(): Promise<string[]> {
  const matches = await grantedConsolePatterns();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length) {
    await browser.scripting.registerContentScripts([
      { id: SCRIPT_ID, js: [SCRIPT_FILE], matches, runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  return matches;
}
