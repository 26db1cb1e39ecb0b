import type { Table } from 'dexie';
import type { z } from 'zod';
import { type ResultEntry, resultEntrySchema, type SpendEntry, spendEntrySchema } from '@/lib/domain';
import type { PlanpilotDb } from './database';
import { StoreError, validate } from './errors';
import { byKeyThenId } from './rows';

type Entry = { id: string; actionId: string; date: string };

/**
 * Writes an entry after validating it with its zod schema and checking that its action exists;
 * `mode` says whether the id must be new (`add`) or already stored (`update`). A refusal throws
 * a StoreError naming the bad field, and nothing is written.
 */
async function writeEntry<E extends Entry>(
  db: PlanpilotDb,
  table: Table<E, string, E>,
  schema: z.ZodType<E>,
  what: string,
  entry: E,
  mode: 'add' | 'update',
): Promise<E> {
  const row = validate(schema, entry, what);
  return db.transaction('rw', db.actions, table, async () => {
    if (!(await db.actions.get(row.actionId))) throw new StoreError(`action "${row.actionId}" does not exist`, 'actionId');
    const existing = await table.get(row.id);
    if (mode === 'add' && existing) throw new StoreError(`${what} "${row.id}" already exists`, 'id');
    if (mode === 'update' && !existing) throw new StoreError(`${what} "${row.id}" does not exist`, 'id');
    await table.put(row);
    return row;
  });
}

async function removeEntry<E extends Entry>(db: PlanpilotDb, table: Table<E, string, E>, id: string): Promise<E | undefined> {
  return db.transaction('rw', table, async () => {
    const existing = await table.get(id);
    if (existing) await table.delete(id);
    return existing;
  });
}

async function entriesOf<E extends Entry>(table: Table<E, string, E>, actionId: string): Promise<E[]> {
  return (await table.where('actionId').equals(actionId).toArray()).sort(byKeyThenId((e) => e.date));
}

/** Logs a cost (amount excluding tax). */
export const addSpendEntry = (db: PlanpilotDb, entry: SpendEntry): Promise<SpendEntry> =>
  writeEntry(db, db.spendEntries, spendEntrySchema, 'spend entry', entry, 'add');
/** Edits a logged cost, by id. */
export const updateSpendEntry = (db: PlanpilotDb, entry: SpendEntry): Promise<SpendEntry> =>
  writeEntry(db, db.spendEntries, spendEntrySchema, 'spend entry', entry, 'update');
/** Deletes a logged cost; returns it (to undo: addSpendEntry), or undefined when there was none. */
export const deleteSpendEntry = (db: PlanpilotDb, id: string): Promise<SpendEntry | undefined> => removeEntry(db, db.spendEntries, id);
/** An action's spend entries by date, then id. */
export const listSpendEntries = (db: PlanpilotDb, actionId: string): Promise<SpendEntry[]> => entriesOf(db.spendEntries, actionId);

/** Logs a result no console shows (leads met at a trade show…). */
export const addResultEntry = (db: PlanpilotDb, entry: ResultEntry): Promise<ResultEntry> =>
  writeEntry(db, db.resultEntries, resultEntrySchema, 'result entry', entry, 'add');
export const updateResultEntry = (db: PlanpilotDb, entry: ResultEntry): Promise<ResultEntry> =>
  writeEntry(db, db.resultEntries, resultEntrySchema, 'result entry', entry, 'update');
export const deleteResultEntry = (db: PlanpilotDb, id: string): Promise<ResultEntry | undefined> => removeEntry(db, db.resultEntries, id);
/** An action's result entries by date, then id. */
export const listResultEntries = (db: PlanpilotDb, actionId: string): Promise<ResultEntry[]> => entriesOf(db.resultEntries, actionId);
