import browser from 'webextension-polyfill';

type ChromeSidePanel = { sidePanel?: { open: (options: { windowId: number }) => Promise<void> } };
type FirefoxSidebar = { sidebarAction?: { open: () => Promise<void> } };

/** Opens the side panel (Chromium) or the sidebar (Firefox); must run in a user gesture. */
export async function openSidePanel(): Promise<void> {
  const chromeApi = (globalThis as { chrome?: ChromeSidePanel }).chrome;
  if (chromeApi?.sidePanel) {
    const win = await browser.windows.getCurrent();
    if (win.id !== undefined) await chromeApi.sidePanel.open({ windowId: win.id });
    return;
  }
  const firefox = browser as unknown as FirefoxSidebar;
  if (firefox.sidebarAction) await firefox.sidebarAction.open();
}
