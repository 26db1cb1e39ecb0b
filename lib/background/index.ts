import browser from 'webextension-polyfill';
import { syncContentScripts } from './content-scripts';
import { registerMessages } from './messages';
import { forgetTab } from './readings';
import { registerSnapshots } from './snapshots';

/**
 * Everything the service worker does, registered synchronously at start-up (listeners must exist
 * before the worker's first event, or a waking event is lost).
 */
export function registerBackground(): void {
  browser.runtime.onInstalled.addListener(() => void syncContentScripts());
  browser.runtime.onStartup.addListener(() => void syncContentScripts());
  browser.permissions.onAdded.addListener(() => void syncContentScripts());
  browser.permissions.onRemoved.addListener(() => void syncContentScripts());
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  registerMessages();
  registerSnapshots();
}
