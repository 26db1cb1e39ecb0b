/**
 * Point 5: failures. Storage full in the middle of a write, two writers at once, a database left by a newer
 * Planpilot, an upgrade that fails half-way, and upgrades from every earlier schema version with data.
 * Each leaves the store exactly as it was (or whole and upgraded), and the user reads one clear sentence.
 */
import { Dexie, type DexieOptions } from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  addCaptures,
  allTables,
  linkCampaign,
  openPlanpilotDb,
  PlanpilotDb,
  restoreBackup,
  rowSchemas,
  SCHEMA_VERSION,
  STORES_V1,
  STORES_V2,
  StoreError,
} from '@/lib/db';
import { classifyStoreError, describeStoreError } from '@/lib/db/store-errors';
import type { Capture } from '@/lib/domain';
import { capture, seedPlanB } from '../db/fixtures';
import { demo, demoText, dumpAll, isolated } from '../db/helpers';

/**
 * A store whose disk fills up: the `room`-th write from now on fails with IndexedDB's QuotaExceededError, in
 * whatever transaction it falls (Dexie then aborts that transaction).
 */
function fillingUp(db: PlanpilotDb) {
  const state = { room: Number.POSITIVE_INFINITY, writes: 0 };
  db.use({
    stack: 'dbcore',
    name: 'quota',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            state.writes += 1;
            if (state.writes > state.room) return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return {
    /** Lets `n` more writes through, then refuses every one. */
    fullAfter: (n: number) => {
      state.writes = 0;
      state.room = n;
    },
    /** Writes since the last fullAfter. */
    writes: () => state.writes,
  };
}

async function seededFillingUp() {
  const { name, options } = isolated();
  const db = new PlanpilotDb(name, options);
  const disk = fillingUp(db);
  await db.open();
  expect(await restoreBackup(db, demoText)).toMatchObject({ ok: true });
  await seedPlanB(db);
  return { db, disk };
}

const QUOTA_FR = /^Le stockage du navigateur est plein : rien n'a été enregistré\. Faites une sauvegarde/;
const QUOTA_EN = /^The browser's storage is full: nothing was saved\. Back up/;

describe('storage full in the middle of a write', () => {
  const page = (n: number): Capture[] =>
    Array.from({ length: n }, (_, i) =>
      capture(`cap-q-${i}`, { campaignId: `q-${i}`, campaignName: `Quota ${i}`, metrics: { cost: i + 1 } }),
    );

  it('a page of captures: none is stored, and the sentence says the storage is full', async () => {
    const { db, disk } = await seededFillingUp();
    const before = await dumpAll(db);
    disk.fullAfter(3); // the 4th of 10 captures fails
    const error = await addCaptures(db, page(10)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    expect(classifyStoreError(error)).toBe('quota');
    expect(describeStoreError(error, 'fr')).toMatch(QUOTA_FR);
    expect(describeStoreError(error, 'en')).toMatch(QUOTA_EN);
    expect(await dumpAll(db)).toEqual(before);
  });

  // Another version of the demo plan: restoring it deletes the stored one first, then writes the file's rows.
  const variant = () => {
    const b = demo();
    b.actions = b.actions.map((a) => ({ ...a, name: `${a.name} (v2)` }));
    return JSON.stringify(b);
  };

  it('a restore that fills the disk at any of its writes keeps every plan as it was', async () => {
    // How many writes a whole restore makes (deletes, then one bulk write per table).
    const dry = await seededFillingUp();
    dry.disk.fullAfter(Number.POSITIVE_INFINITY);
    expect(await restoreBackup(dry.db, variant())).toMatchObject({ ok: true });
    const total = dry.disk.writes();
    expect(total).toBeGreaterThan(5);
    for (let n = 0; n < total; n++) {
      const { db, disk } = await seededFillingUp();
      const before = await dumpAll(db);
      disk.fullAfter(n);
      const error = await restoreBackup(db, variant()).then(
        () => null,
        (e: unknown) => e,
      );
      expect(describeStoreError(error, 'en'), `failing at write ${n + 1} of ${total}`).toMatch(QUOTA_EN);
      expect(await dumpAll(db), `failing at write ${n + 1} of ${total}`).toEqual(before);
    }
  });

  it('moving a link (delete + add) that fails leaves the old link in place', async () => {
    const { db, disk } = await seededFillingUp();
    const before = await dumpAll(db);
    disk.fullAfter(1);
    await expect(
      linkCampaign(db, {
        id: 'lnk-moved',
        actionId: 'b-act-2',
        console: 'google-ads',
        accountId: '111-222-3333',
        campaignId: 'camp-b1',
        campaignName: 'Brand B',
      }),
    ).rejects.toThrow();
    expect(await dumpAll(db)).toEqual(before);
  });
});

describe('the sentences', () => {
  it.each([
    [
      'Dexie wrapping a quota error',
      Object.assign(new Error('AbortError'), { name: 'AbortError', inner: new DOMException('q', 'QuotaExceededError') }),
      'quota',
    ],
    [
      'a closed database after a newer version',
      Object.assign(new Error('closed'), { name: 'DatabaseClosedError', inner: new DOMException('v', 'VersionError') }),
      'newer-version',
    ],
    ['an aborted transaction', new DOMException('aborted', 'AbortError'), 'interrupted'],
    ['no IndexedDB (private mode)', Object.assign(new Error('x'), { name: 'MissingAPIError' }), 'unavailable'],
    ['a row the schema refuses', new StoreError('invalid capture 1: metrics.cost: expected number', 'metrics.cost'), 'invalid'],
    ['anything else', new TypeError('boom'), 'other'],
  ])('%s', (_what, error, kind) => {
    expect(classifyStoreError(error)).toBe(kind);
    for (const lang of ['fr', 'en'] as const) {
      const s = describeStoreError(error, lang);
      expect(s.split('\n')).toHaveLength(1);
      expect(s).toMatch(kind === 'invalid' ? /metrics\.cost/ : kind === 'other' ? /boom/ : /\S/);
      expect(s).not.toMatch(/\bat .*\.ts:\d+/); // no stack
    }
  });
});

describe('two writers at once', () => {
  const same = (prefix: string, n: number, cost: number): Capture[] =>
    Array.from({ length: n }, (_, i) => capture(`${prefix}-${i}`, { campaignId: `tw-${i}`, campaignName: `Twin ${i}`, metrics: { cost } }));

  it('two connections (two tabs, the popup and the worker) storing the same page: each capture once', async () => {
    const { name, options } = isolated();
    const [a, b] = await Promise.all([openPlanpilotDb(name, options), openPlanpilotDb(name, options)]);
    // 20 writes race: 10 per connection, each the same 30 campaigns with the same figures (new ids each time).
    const writes = Array.from({ length: 20 }, (_, i) => addCaptures(i % 2 ? a : b, same(`w${i}`, 30, 7)));
    const results = await Promise.all(writes);
    expect(results.flat().filter((r) => r.stored)).toHaveLength(30);
    expect(await a.captures.count()).toBe(30);
    // Store order stays a sequence: 1…30, no gap, no duplicate.
    expect((await a.captures.orderBy('seq').toArray()).map((c) => c.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    a.close();
    b.close();
  });

  it('two writers with different figures: both readings stored whole, never interleaved', async () => {
    const { name, options } = isolated();
    const [a, b] = await Promise.all([openPlanpilotDb(name, options), openPlanpilotDb(name, options)]);
    await Promise.all([addCaptures(a, same('x', 50, 1)), addCaptures(b, same('y', 50, 2))]);
    const seqOf = new Map((await a.captures.toArray()).map((c) => [c.id, c.seq]));
    const span = (prefix: string) => [...seqOf].filter(([id]) => id.startsWith(prefix)).map(([, s]) => s);
    const [xs, ys] = [span('x-'), span('y-')];
    expect(xs).toHaveLength(50);
    expect(ys).toHaveLength(50);
    // One transaction each: one reading's seq numbers are all before the other's.
    expect(Math.max(...xs) < Math.min(...ys) || Math.max(...ys) < Math.min(...xs)).toBe(true);
    a.close();
    b.close();
  });
});

// ── schema versions ──

/** Raw IndexedDB: the version and every row, independent of Dexie and of lib/db. */
async function rawDump(name: string, options: DexieOptions): Promise<{ version: number; rows: Record<string, unknown[]> }> {
  const factory = options.indexedDB as IDBFactory;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = factory.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const rows: Record<string, unknown[]> = {};
  for (const store of [...db.objectStoreNames]) {
    rows[store] = await new Promise<unknown[]>((resolve, reject) => {
      const req = db.transaction(store).objectStore(store).getAll();
      req.onsuccess = () => resolve(req.result as unknown[]);
      req.onerror = () => reject(req.error);
    });
  }
  const version = db.version;
  db.close();
  return { version, rows };
}

describe('a database left by a newer Planpilot', () => {
  /** What a future version 3 could look like: a table dropped, an index changed, a new table, rows it migrated. */
  async function createFuture() {
    const { name, options } = isolated();
    const future = new Dexie(name, options);
    future.version(SCHEMA_VERSION + 1).stores({ ...STORES_V2, snapshots: null, plans: 'id, name', budgets: 'id, planId' });
    await future.open();
    await future.table('plans').add({ id: 'plan-x', name: 'Plan from the future', schemaV3: true });
    await future.table('budgets').add({ id: 'bud-1', planId: 'plan-x', amount: 1000 });
    future.close();
    return { name, options };
  }

  it('is refused on open with a sentence asking to update Planpilot, and is left exactly as it was', async () => {
    const { name, options } = await createFuture();
    const before = await rawDump(name, options);
    expect(before.version).toBe((SCHEMA_VERSION + 1) * 10);
    const error = await openPlanpilotDb(name, options).then(
      () => null,
      (e: unknown) => e,
    );
    expect(classifyStoreError(error)).toBe('newer-version');
    expect(describeStoreError(error, 'en')).toBe(
      'This data was saved by a newer version of Planpilot: update Planpilot to open it. Nothing was changed.',
    );
    expect(describeStoreError(error, 'fr')).toMatch(/version plus récente de Planpilot : mettez Planpilot à jour/);
    // Same version, same tables (the dropped one not recreated), same rows.
    expect(await rawDump(name, options)).toEqual(before);
  });

  it('the shared instance, opened on first use, rejects its queries too (it does not hang), and writes nothing', async () => {
    const { name, options } = await createFuture();
    const before = await rawDump(name, options);
    const db = new PlanpilotDb(name, options);
    const attempt = db.plans.put({ ...demo().plans[0], id: 'plan-old' } as never);
    const outcome = await Promise.race([
      attempt.then(
        () => 'written',
        (e: unknown) => classifyStoreError(e),
      ),
      new Promise((r) => setTimeout(() => r('hung'), 5_000)),
    ]);
    expect(outcome).toBe('newer-version');
    expect(await rawDump(name, options)).toEqual(before);
  });
});

/**
 * Every earlier schema version, with data: its stores exactly as database.ts declared them, and rows as that
 * version wrote them. A new schema version must add its predecessor here (the first test says so).
 */
const EARLIER: Record<number, { stores: Record<string, string>; rows: () => Record<string, unknown[]> }> = {
  1: {
    stores: STORES_V1,
    rows: () => {
      const b = demo();
      // Version 1 had no result entries and no stored order, seq or freezeDelayDays.
      return {
        plans: b.plans.map(({ freezeDelayDays: _f, ...p }) => p),
        objectives: b.objectives,
        actions: b.actions,
        campaignLinks: b.campaignLinks,
        captures: b.captures,
        spendEntries: b.spendEntries,
        snapshots: [],
      };
    },
  },
};

describe('upgrades from every earlier schema version', () => {
  it('every version before the current one has a database to upgrade from', () => {
    expect(Object.keys(EARLIER).map(Number)).toEqual(Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1));
  });

  async function createAt(version: number) {
    const { name, options } = isolated();
    const old = new Dexie(name, options);
    const spec = EARLIER[version];
    if (!spec) throw new Error(`no version ${version}`);
    old.version(version).stores(spec.stores);
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of Object.entries(spec.rows())) await old.table(table).bulkAdd(rows);
    });
    old.close();
    return { name, options, spec };
  }

  it.each(Object.keys(EARLIER).map(Number))('version %i → current: every row kept and valid', async (version) => {
    const { name, options, spec } = await createAt(version);
    const db = await openPlanpilotDb(name, options);
    expect(db.verno).toBe(SCHEMA_VERSION);
    for (const [table, rows] of Object.entries(spec.rows())) expect(await db.table(table).count()).toBe(rows.length);
    for (const [table, schema] of Object.entries(rowSchemas)) {
      for (const row of await db.table(table).toArray()) expect(schema.safeParse(row).success, `${table}`).toBe(true);
    }
    db.close();
  });

  it.each(Object.keys(EARLIER).map(Number))('version %i: an upgrade that fails half-way leaves the old database whole', async (version) => {
    const { name, options } = await createAt(version);
    const before = await rawDump(name, options);
    const db = new PlanpilotDb(name, options);
    fillingUp(db).fullAfter(2); // the disk fills up while the upgrade rewrites rows
    await expect(db.open()).rejects.toThrow();
    expect(await rawDump(name, options)).toEqual(before);
    // With room again, the upgrade runs to the end.
    const again = await openPlanpilotDb(name, options);
    expect(again.verno).toBe(SCHEMA_VERSION);
    expect(await again.captures.count()).toBe(before.rows.captures?.length);
    again.close();
  });

  it('the tables of the current version are the last declared ones', () => {
    expect(
      allTables(new PlanpilotDb('names-only'))
        .map((t) => t.name)
        .sort(),
    ).toEqual(Object.keys({ ...STORES_V1, ...STORES_V2 }).sort());
  });
});
