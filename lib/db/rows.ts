import { z } from 'zod';
import {
  type Action,
  actionSchema,
  type Capture,
  campaignLinkSchema,
  captureSchema,
  type Objective,
  objectiveSchema,
  planSchema,
  resultEntrySchema,
  spendEntrySchema,
  weeklySnapshotSchema,
} from '@/lib/domain';

/**
 * Stored rows = domain entities (lib/domain) + the store's bookkeeping fields (see database.ts).
 * These schemas extend the domain ones; they do not redefine them.
 */
const position = z.number().int().min(0);
export const storedObjectiveSchema = objectiveSchema.extend({ order: position });
export const storedActionSchema = actionSchema.safeExtend({ order: position });
export const storedCaptureSchema = captureSchema.extend({ seq: z.number().int().min(1) });

export type StoredObjective = z.infer<typeof storedObjectiveSchema>;
export type StoredAction = z.infer<typeof storedActionSchema>;
export type StoredCapture = z.infer<typeof storedCaptureSchema>;

/** The schema every row of each table must satisfy (the migration test checks them all). */
export const rowSchemas = {
  plans: planSchema,
  objectives: storedObjectiveSchema,
  actions: storedActionSchema,
  campaignLinks: campaignLinkSchema,
  captures: storedCaptureSchema,
  spendEntries: spendEntrySchema,
  resultEntries: resultEntrySchema,
  snapshots: weeklySnapshotSchema,
} as const;

export function toObjective({ order: _order, ...objective }: StoredObjective): Objective {
  return objective;
}
export function toAction({ order: _order, ...action }: StoredAction): Action {
  return action;
}
export function toCapture({ seq: _seq, ...capture }: StoredCapture): Capture {
  return capture;
}

/** Ascending by a string key, then id — the order lists without a stored order use. */
export function byKeyThenId<T extends { id: string }>(key: (row: T) => string) {
  return (a: T, b: T): number => compare(key(a), key(b)) || compare(a.id, b.id);
}
export function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
