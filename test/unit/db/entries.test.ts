import { beforeEach, describe, expect, it } from 'vitest';
import {
  addResultEntry,
  addSpendEntry,
  deleteResultEntry,
  deleteSpendEntry,
  listResultEntries,
  listSpendEntries,
  type PlanpilotDb,
  StoreError,
  updateResultEntry,
  updateSpendEntry,
  upsertAction,
  upsertPlan,
} from '@/lib/db';
import type { ResultEntry, SpendEntry } from '@/lib/domain';
import { action, planB } from './fixtures';
import { dumpAll, freshDb } from './helpers';

const spend = (id: string, extra: Partial<SpendEntry> = {}): SpendEntry => ({
  id,
  actionId: 'a1',
  date: '2026-03-02',
  amount: 1000,
  category: 'events',
  note: 'Stand',
  source: 'manual',
  ...extra,
});

describe('spend entries', () => {
  let db: PlanpilotDb;
  beforeEach(async () => {
    db = await freshDb();
    await upsertPlan(db, planB);
    await upsertAction(db, action('a1', 'plan-b'));
    await addSpendEntry(db, spend('s1'));
  });

  it.each([
    ['a day that does not exist', spend('s2', { date: '2026-02-30' }), 'date'],
    ['an amount that is not a number', { ...spend('s2'), amount: Number.NaN }, 'amount'],
    ['an amount written as text', { ...spend('s2'), amount: '1 200,00' } as unknown as SpendEntry, 'amount'],
    ['an unknown category', { ...spend('s2'), category: 'misc' } as unknown as SpendEntry, 'category'],
    ['an unknown source', { ...spend('s2'), source: 'guess' } as unknown as SpendEntry, 'source'],
    ['an empty id', spend(''), 'id'],
    ['a missing action', spend('s2', { actionId: 'nope' }), 'actionId'],
    ['an id already stored', spend('s1', { amount: 5 }), 'id'],
  ])('refuses %s and writes nothing', async (_what, entry, path) => {
    const before = await dumpAll(db);
    const error = await addSpendEntry(db, entry).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ path });
    expect(await dumpAll(db)).toEqual(before);
  });

  it('adds, edits and deletes, listing by date', async () => {
    await addSpendEntry(db, spend('s0', { date: '2026-01-15', amount: 300 }));
    expect((await listSpendEntries(db, 'a1')).map((e) => e.id)).toEqual(['s0', 's1']);
    await updateSpendEntry(db, spend('s1', { amount: 1100 }));
    expect((await db.spendEntries.get('s1'))?.amount).toBe(1100);
    await expect(updateSpendEntry(db, spend('s9'))).rejects.toMatchObject({ path: 'id' });
    await expect(updateSpendEntry(db, spend('s1', { date: '2026-13-01' }))).rejects.toMatchObject({ path: 'date' });
    expect((await db.spendEntries.get('s1'))?.date).toBe('2026-03-02');
    const deleted = await deleteSpendEntry(db, 's1');
    expect(deleted).toEqual(spend('s1', { amount: 1100 }));
    expect(await deleteSpendEntry(db, 's1')).toBeUndefined();
    // Undo: add it back.
    if (deleted) await addSpendEntry(db, deleted);
    expect(await db.spendEntries.count()).toBe(2);
  });
});

describe('result entries', () => {
  it('accepts volume metrics only, and edits and deletes', async () => {
    const db = await freshDb();
    await upsertPlan(db, planB);
    await upsertAction(db, action('a1', 'plan-b', { channel: 'event' }));
    const entry: ResultEntry = { id: 'r1', actionId: 'a1', date: '2026-03-03', metric: 'leads', value: 41, note: 'Jour 1' };
    await addResultEntry(db, entry);
    await expect(addResultEntry(db, { ...entry, id: 'r2', metric: 'ctr' } as unknown as ResultEntry)).rejects.toMatchObject({
      path: 'metric',
    });
    await updateResultEntry(db, { ...entry, value: 43 });
    expect(await listResultEntries(db, 'a1')).toEqual([{ ...entry, value: 43 }]);
    expect(await deleteResultEntry(db, 'r1')).toEqual({ ...entry, value: 43 });
    expect(await db.resultEntries.count()).toBe(0);
  });
});
