import { readFileSync } from 'node:fs';
import type { DexieOptions } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { allTables, openPlanpilotDb, PlanpilotDb } from '@/lib/db';
import { type Backup, parseBackup } from '@/lib/domain';

export const demoText = readFileSync(new URL('../../fixtures/backups/demo-plan.json', import.meta.url), 'utf8');
export const DEMO_PLAN = 'plan-2026-s2';

/** The demo backup, parsed (a fresh copy each call, safe to change). */
export function demo(): Backup {
  const r = parseBackup(demoText);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

type Row = Record<string, unknown>;
/** A backup file as plain JSON, to corrupt at will. */
export type RawBackup = Row & {
  plans: Row[];
  objectives: Row[];
  actions: Row[];
  campaignLinks: Row[];
  captures: Row[];
  spendEntries: Row[];
  resultEntries: Row[];
  snapshots: Row[];
};

/** The demo file as raw JSON (a fresh copy each call), for tests that corrupt it. */
export function demoJson(): RawBackup {
  return JSON.parse(demoText) as RawBackup;
}

/** rows[i], which the test knows is there. */
export function nth<T>(rows: readonly T[], i: number): T {
  const row = rows[i];
  if (row === undefined) throw new Error(`no row ${i}`);
  return row;
}

export function readFixture<T>(path: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8')) as T;
}

let count = 0;

/** A database of its own: its own in-memory IndexedDB (fake-indexeddb) and its own name. */
export function isolated(): { name: string; options: DexieOptions } {
  count += 1;
  return { name: `planpilot-test-${count}`, options: { indexedDB: new IDBFactory(), IDBKeyRange } };
}

export async function freshDb(): Promise<PlanpilotDb> {
  const { name, options } = isolated();
  return openPlanpilotDb(name, options);
}

/** Every row of every table, in primary-key order: compare two dumps to prove nothing changed. */
export async function dumpAll(db: PlanpilotDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of allTables(db)) out[table.name] = await table.toArray();
  return out;
}

/**
 * A database that counts, per table, the rows the store hands over (query results, get-many
 * results and every cursor step): a full scan of a table shows as that table's row count.
 */
export async function countingDb(): Promise<{ db: PlanpilotDb; reads: Map<string, number>; reset: () => void }> {
  const { name, options } = isolated();
  const db = new PlanpilotDb(name, options);
  const reads = new Map<string, number>();
  const add = (table: string, n: number) => reads.set(table, (reads.get(table) ?? 0) + n);
  db.use({
    stack: 'dbcore',
    name: 'count-reads',
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        // `.then`, not async/await: Dexie keeps its transaction zone on its own promises only.
        return {
          ...table,
          query: (req) =>
            table.query(req).then((res) => {
              add(tableName, res.result.length);
              return res;
            }),
          getMany: (req) =>
            table.getMany(req).then((res) => {
              add(tableName, res.length);
              return res;
            }),
          openCursor: (req) =>
            table.openCursor(req).then((cursor) => {
              if (!cursor) return cursor;
              return Object.create(cursor, {
                start: {
                  value: (onNext: () => void) =>
                    cursor.start(() => {
                      add(tableName, 1);
                      onNext();
                    }),
                },
              });
            }),
        };
      },
    }),
  });
  await db.open();
  return { db, reads, reset: () => reads.clear() };
}
