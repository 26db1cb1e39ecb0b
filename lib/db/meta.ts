import { z } from 'zod';
import { isoDate, isoDateTime, STATUSES } from '@/lib/domain';
import type { PlanpilotDb } from './database';
import { validate } from './errors';

/**
 * The meta table's keys and what each holds. A value is validated on the way in and on the way
 * out (a value that no longer fits reads as absent), so callers get typed values.
 */
export const metaSchemas = {
  /** When the background last ran the weekly snapshot job (ISO time with offset). */
  lastSnapshotRun: isoDateTime,
  /** The latest plan glance per plan (lib/kpi/glance.ts), for the popup's instant first render. */
  glances: z.record(
    z.string(),
    z.object({
      planId: z.string(),
      asOf: isoDate,
      rows: z.array(
        z.object({ actionId: z.string(), spendToDate: z.number(), pacing: z.number().nullable(), pacingStatus: z.enum(STATUSES) }),
      ),
    }),
  ),
} as const;
export type MetaKey = keyof typeof metaSchemas;
export type MetaValue<K extends MetaKey> = z.output<(typeof metaSchemas)[K]>;

export async function getMeta<K extends MetaKey>(db: PlanpilotDb, key: K): Promise<MetaValue<K> | undefined> {
  const row = await db.meta.get(key);
  if (!row) return undefined;
  // The union of every key's schema loses the link to K; each key's value is parsed with its own.
  const parsed = metaSchemas[key].safeParse(row.value);
  return parsed.success ? (parsed.data as MetaValue<K>) : undefined;
}

export async function setMeta<K extends MetaKey>(db: PlanpilotDb, key: K, value: MetaValue<K>): Promise<void> {
  await db.meta.put({ key, value: validate(metaSchemas[key], value, `meta "${key}"`) });
}
