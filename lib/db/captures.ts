import type { Capture, DateRange } from '@/lib/domain';
import { captureSchema, sameMetrics } from '@/lib/domain';
import type { PlanpilotDb } from './database';
import { validate } from './errors';
import { rowsForCampaigns, sameCampaign } from './match';
import { type StoredCapture, toCapture } from './rows';

export type AddCaptureResult =
  /** Stored as a new reading. */
  | { stored: true; capture: Capture }
  /** Not stored: the latest stored reading of that campaign and range (`latest`) has the same figures. */
  | { stored: false; capture: Capture; latest: Capture };

/**
 * Stores a reading unless it repeats the latest one (DESIGN.md): among the stored captures of the
 * same campaign (`sameCampaign`) and the same date range, the last stored; when its currency and
 * every figure are equal (same keys, same values), nothing is stored. Captures are immutable:
 * an id that is already stored is refused.
 */
export async function addCapture(db: PlanpilotDb, capture: Capture): Promise<AddCaptureResult> {
  const [result] = await addCaptures(db, [capture]);
  if (!result) throw new Error('unreachable: one capture in, one result out');
  return result;
}

/** `addCapture` for the rows of one page, in one transaction (all or nothing), in order. */
export async function addCaptures(db: PlanpilotDb, captures: readonly Capture[]): Promise<AddCaptureResult[]> {
  const rows = captures.map((c, i) => validate(captureSchema, c, `capture ${i + 1}`));
  return db.transaction('rw', db.captures, async () => {
    const results: AddCaptureResult[] = [];
    let seq = await lastSeq(db);
    for (const capture of rows) {
      const latest = await latestReading(db, capture);
      if (latest && sameFigures(latest, capture)) {
        results.push({ stored: false, capture, latest: toCapture(latest) });
        continue;
      }
      seq += 1;
      await db.captures.add({ ...capture, seq });
      results.push({ stored: true, capture });
    }
    return results;
  });
}

/** The highest `seq` stored (0 when there is no capture). */
export async function lastSeq(db: PlanpilotDb): Promise<number> {
  return (await db.captures.orderBy('seq').last())?.seq ?? 0;
}

async function latestReading(db: PlanpilotDb, capture: Capture): Promise<StoredCapture | undefined> {
  const same = (await rowsForCampaigns(db.captures, [capture])).filter(
    (c) => sameCampaign(c, capture) && c.dateRange.start === capture.dateRange.start && c.dateRange.end === capture.dateRange.end,
  );
  return same.reduce<StoredCapture | undefined>((best, c) => (!best || c.seq > best.seq ? c : best), undefined);
}

function sameFigures(a: Capture, b: Capture): boolean {
  return a.currency === b.currency && sameMetrics(a.metrics, b.metrics);
}

/** Captures whose range lies inside `range` (both ends included), in stored order; uses the `dateRange.start` index. */
export async function listCapturesWithin(db: PlanpilotDb, range: DateRange): Promise<Capture[]> {
  const rows = await db.captures
    .where('dateRange.start')
    .between(range.start, range.end, true, true)
    .filter((c) => c.dateRange.end <= range.end)
    .toArray();
  return rows.sort((a, b) => a.seq - b.seq).map(toCapture);
}
