import browser from 'webextension-polyfill';
import { isoWithOffset } from '../clock';
import { addCaptures, newId, type PlanpilotDb } from '../db';
import type { DateRange } from '../domain';
import type { ReadingOutcome, TabReading } from '../messaging/protocol';
import { tabReadingSchema } from '../messaging/protocol';
import type { Extraction } from '../readers/extraction';
import { capturesFromExtraction } from '../readers/to-captures';

/**
 * The latest reading of each tab lives in session storage: it survives the service worker's
 * shutdowns (the popup may open minutes later) and is gone when the browser closes.
 */
const key = (tabId: number) => `tab:${tabId}`;

export async function getTabReading(tabId: number): Promise<TabReading | null> {
  const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)];
  const parsed = tabReadingSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

async function setTabReading(reading: TabReading): Promise<void> {
  await browser.storage.session.set({ [key(reading.tabId)]: reading });
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}

async function store(db: PlanpilotDb, extraction: Extraction, range: DateRange, url: string, now: Date): Promise<ReadingOutcome> {
  const captures = capturesFromExtraction(extraction, range, { url, capturedAt: isoWithOffset(now), newId: () => newId('cap') });
  const results = await addCaptures(db, captures);
  const stored = results.filter((r) => r.stored).length;
  return { stored, unchanged: results.length - stored, awaitingRange: false };
}

/** A content script's reading: stored as Captures when the page shows its range, else kept until the user confirms one. */
export async function receiveReading(
  db: PlanpilotDb,
  tabId: number,
  url: string,
  extraction: Extraction,
  now = new Date(),
): Promise<ReadingOutcome> {
  const outcome = extraction.dateRange
    ? await store(db, extraction, extraction.dateRange, url, now)
    : { stored: 0, unchanged: 0, awaitingRange: true };
  const previous = await getTabReading(tabId);
  const sameAsBefore = previous?.url === url && JSON.stringify(previous.extraction) === JSON.stringify(extraction);
  await setTabReading({
    tabId,
    url,
    readAt: isoWithOffset(now),
    extraction,
    stored: outcome.stored + (sameAsBefore ? previous.stored : 0),
    awaitingRange: outcome.awaitingRange,
  });
  return outcome;
}

/** The user confirmed a range for a range-less reading (an e-mail list): store it now. */
export async function confirmRange(db: PlanpilotDb, tabId: number, range: DateRange, now = new Date()): Promise<ReadingOutcome> {
  const reading = await getTabReading(tabId);
  if (!reading) throw new Error('nothing was read on this tab');
  const outcome = await store(db, reading.extraction, range, reading.url, now);
  await setTabReading({
    ...reading,
    extraction: { ...reading.extraction, dateRange: range },
    stored: outcome.stored,
    awaitingRange: false,
  });
  return outcome;
}
