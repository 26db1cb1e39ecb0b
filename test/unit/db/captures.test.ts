import { describe, expect, it } from 'vitest';
import { addCapture, addCaptures, listCapturesWithin, StoreError } from '@/lib/db';
import { capture } from './fixtures';
import { dumpAll, freshDb } from './helpers';

describe('addCapture', () => {
  it('does not store a reading identical to the latest one of the same campaign and range', async () => {
    const db = await freshDb();
    expect(await addCapture(db, capture('c1'))).toMatchObject({ stored: true });
    // Read again an hour later, figures unchanged (keys in another order): not stored.
    const again = await addCapture(db, capture('c2', { capturedAt: '2026-03-08T10:00:00+01:00', metrics: { clicks: 50, cost: 100 } }));
    expect(again).toMatchObject({ stored: false, latest: { id: 'c1' } });
    expect(await db.captures.count()).toBe(1);
  });

  it('stores a reading whose figures, range, currency or campaign differ', async () => {
    const db = await freshDb();
    await addCapture(db, capture('c1'));
    const cases = [
      capture('late-conversion', { metrics: { cost: 100, clicks: 50, conversions: 1 } }),
      capture('other-range', { dateRange: { start: '2026-03-01', end: '2026-03-08' }, metrics: { cost: 100, clicks: 50 } }),
      capture('other-currency', { currency: 'USD', metrics: { cost: 100, clicks: 50, conversions: 1 } }),
      capture('other-account', { accountId: '999-999-9999', metrics: { cost: 100, clicks: 50, conversions: 1 } }),
      capture('other-campaign', { campaignId: 'camp-b2', metrics: { cost: 100, clicks: 50, conversions: 1 } }),
    ];
    for (const c of cases) expect(await addCapture(db, c), c.id).toMatchObject({ stored: true });
    expect(await db.captures.count()).toBe(6);
  });

  it('compares with the latest stored reading only: figures that come back are stored again', async () => {
    const db = await freshDb();
    await addCapture(db, capture('a'));
    await addCapture(db, capture('b', { metrics: { cost: 120, clicks: 55 } }));
    expect(await addCapture(db, capture('c', { metrics: { cost: 100, clicks: 50 } }))).toMatchObject({ stored: true });
    expect(await addCapture(db, capture('d', { metrics: { cost: 100, clicks: 50 } }))).toMatchObject({
      stored: false,
      latest: { id: 'c' },
    });
    // A figure missing is not a figure equal to zero, nor to the one before.
    expect(await addCapture(db, capture('e', { metrics: { cost: 100 } }))).toMatchObject({ stored: true });
    expect(await addCapture(db, capture('f', { metrics: { cost: 100, clicks: 0 } }))).toMatchObject({ stored: true });
  });

  it('recognises the same campaign read without its id (an export) by its exact name', async () => {
    const db = await freshDb();
    await addCapture(db, capture('page'));
    expect(await addCapture(db, capture('export', { campaignId: null }))).toMatchObject({ stored: false });
    expect(await addCapture(db, capture('renamed', { campaignId: null, campaignName: 'brand b' }))).toMatchObject({ stored: true });
  });

  it('stores a page of rows in order in one transaction, deduplicating inside the batch too', async () => {
    const db = await freshDb();
    const results = await addCaptures(db, [capture('p1'), capture('p2', { campaignId: 'camp-b2' }), capture('p3')]);
    expect(results.map((r) => r.stored)).toEqual([true, true, false]);
    expect((await db.captures.orderBy('seq').toArray()).map((c) => [c.id, c.seq])).toEqual([
      ['p1', 1],
      ['p2', 2],
    ]);
  });

  it('refuses an invalid reading, or a stored id, and writes nothing of the batch', async () => {
    const db = await freshDb();
    await addCapture(db, capture('c1'));
    const before = await dumpAll(db);
    const bad = capture('bad', { dateRange: { start: '2026-03-07', end: '2026-03-01' } });
    await expect(addCaptures(db, [capture('ok', { campaignId: 'x' }), bad])).rejects.toThrow(StoreError);
    await expect(addCaptures(db, [capture('ok', { campaignId: 'x' }), bad])).rejects.toMatchObject({ path: 'dateRange.end' });
    await expect(addCaptures(db, [capture('ok', { campaignId: 'x' }), capture('c1', { campaignId: 'y' })])).rejects.toThrow();
    expect(await dumpAll(db)).toEqual(before);
  });
});

describe('listCapturesWithin', () => {
  it('returns the captures whose range lies inside the period, in stored order', async () => {
    const db = await freshDb();
    await addCaptures(db, [
      capture('w10', { dateRange: { start: '2026-03-02', end: '2026-03-08' } }),
      capture('march', { dateRange: { start: '2026-03-01', end: '2026-03-31' } }),
      capture('w11', { dateRange: { start: '2026-03-09', end: '2026-03-15' } }),
      capture('w09', { dateRange: { start: '2026-02-23', end: '2026-03-01' } }),
    ]);
    const ids = async (start: string, end: string) => (await listCapturesWithin(db, { start, end })).map((c) => c.id);
    expect(await ids('2026-03-02', '2026-03-15')).toEqual(['w10', 'w11']);
    expect(await ids('2026-03-01', '2026-03-31')).toEqual(['w10', 'march', 'w11']);
    expect(await ids('2026-03-03', '2026-03-14')).toEqual([]);
  });
});
