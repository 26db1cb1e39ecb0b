import { useEffect, useState } from 'react';
import browser from 'webextension-polyfill';
import { sendMessage } from '@/lib/messaging/client';
import type { TabReading } from '@/lib/messaging/protocol';

/** The tab the popup reports on: `?tabId=` when opened as a page, else the active tab of its window. */
async function currentTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export type TabState = { status: 'loading' } | { status: 'none'; tabId: number | null } | { status: 'read'; reading: TabReading };

/** What the background read on the current tab, kept current while the popup is open. */
export function useTabReading(): [TabState, () => void] {
  const [state, setState] = useState<TabState>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` asks for a re-read.
  useEffect(() => {
    let live = true;
    const load = async () => {
      const tabId = await currentTabId();
      const reading = tabId === null ? null : await sendMessage('tab:reading', { tabId }).catch(() => null);
      if (live) setState(reading ? { status: 'read', reading } : { status: 'none', tabId });
    };
    void load();
    // The background keeps each tab's reading in session storage: re-read when it changes.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && Object.keys(changes).some((k) => k.startsWith('tab:'))) void load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [tick]);
  return [state, () => setTick((n) => n + 1)];
}
