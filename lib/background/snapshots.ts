/**
 * The weekly snapshot job in the service worker. MV3 workers stop when idle and browsers restart, so
 * nothing is kept in memory: `browser.alarms` wakes the worker (an hourly alarm, plus a one-shot alarm at the
 * next due moment), and each run works out from the store what is due (lib/snapshots: every complete week
 * since the last snapshot, so weeks missed while the browser was closed are caught up).
 */
import browser, { type Alarms } from 'webextension-polyfill';
import { planpilotDb } from '@/lib/db';
import { runCatchUp } from '@/lib/snapshots';

/** Hourly: catches up after sleep or a clock change, even when the one-shot alarm was lost. */
export const SNAPSHOT_ALARM = 'planpilot-snapshots';
/** One shot, at the next moment a week becomes due. */
export const SNAPSHOT_NEXT_ALARM = 'planpilot-snapshots-next';
const PERIOD_MINUTES = 60;

let running: Promise<void> | null = null;

/** Runs the catch-up (one run at a time in this worker), then sets the next one-shot alarm. */
export function runSnapshotJob(): Promise<void> {
  running ??= (async () => {
    try {
      const result = await runCatchUp(planpilotDb, new Date());
      for (const f of result.failed) console.warn(`Planpilot: snapshots of plan ${f.planId} not taken: ${f.error}`);
      if (result.nextDueAt) await browser.alarms.create(SNAPSHOT_NEXT_ALARM, { when: result.nextDueAt.getTime() + 60_000 });
    } catch (e) {
      console.warn('Planpilot: the weekly snapshot job failed; it runs again within the hour.', e);
    } finally {
      running = null;
    }
  })();
  return running;
}

/** The hourly alarm, created once (re-creating it on every wake would push its next run back). */
async function ensureHourlyAlarm(): Promise<void> {
  const existing = await browser.alarms.get(SNAPSHOT_ALARM);
  // Start-up and install run the job themselves; the hourly alarm covers the time in between.
  if (!existing) await browser.alarms.create(SNAPSHOT_ALARM, { delayInMinutes: PERIOD_MINUTES, periodInMinutes: PERIOD_MINUTES });
}

function onAlarm(alarm: Alarms.Alarm): void {
  if (alarm.name === SNAPSHOT_ALARM || alarm.name === SNAPSHOT_NEXT_ALARM) void runSnapshotJob().then(ensureHourlyAlarm);
}

/** Listeners first, synchronously (a waking event must find them); then the alarm, if it was lost. */
export function registerSnapshots(): void {
  browser.alarms.onAlarm.addListener(onAlarm);
  browser.runtime.onInstalled.addListener(() => void ensureHourlyAlarm().then(runSnapshotJob));
  browser.runtime.onStartup.addListener(() => void ensureHourlyAlarm().then(runSnapshotJob));
  void ensureHourlyAlarm().catch((e: unknown) => console.warn('Planpilot: cannot set the snapshot alarm', e));
}
