import { describe, expect, it } from 'vitest';
import { isoWithOffset } from '@/lib/clock';
import { addSnapshotVersion, exportBackup, loadPlanData, previewRestore, restoreBackup, upsertAction } from '@/lib/db';
import { isoDateTime } from '@/lib/domain';
import { planB, planBRows, report, seedPlanB } from './fixtures';
import { DEMO_PLAN, demo, demoJson, demoText, dumpAll, freshDb, nth } from './helpers';

const ALL_ZERO = { plans: 0, objectives: 0, actions: 0, campaignLinks: 0, captures: 0, spendEntries: 0, resultEntries: 0, snapshots: 0 };
const DEMO_COUNTS = {
  plans: 1,
  objectives: 3,
  actions: 8,
  campaignLinks: 7,
  captures: 148,
  spendEntries: 20,
  resultEntries: 6,
  snapshots: 0,
};

/** The demo with one more snapshot and one action fewer: a different version of the same plan. */
function demoVariant(): string {
  const b = demoJson();
  b.actions = b.actions.filter((a) => a.id !== 'act-a08');
  b.campaignLinks = b.campaignLinks.filter((l) => l.actionId !== 'act-a08');
  b.spendEntries = b.spendEntries.filter((e) => e.actionId !== 'act-a08');
  b.snapshots = [
    {
      id: 'snap-v',
      planId: DEMO_PLAN,
      weekStart: '2026-11-09',
      version: 1,
      takenAt: '2026-11-17T06:00:00+01:00',
      report: report(DEMO_PLAN, '2026-11-09', '2026-11-15'),
    },
  ];
  return JSON.stringify(b);
}

describe('restoreBackup', () => {
  it('restores the demo plan, and exporting it gives the file back', async () => {
    const db = await freshDb();
    const r = await restoreBackup(db, demoText);
    expect(r).toEqual({ ok: true, plans: [DEMO_PLAN], written: DEMO_COUNTS, replaced: ALL_ZERO });

    const file = demo();
    const out = await exportBackup(db, undefined, new Date('2026-12-01T10:00:00Z'));
    expect(isoDateTime.safeParse(out.exportedAt).success).toBe(true);
    // The store always holds freezeDelayDays; the demo file has none, so the export carries the default.
    expect(out).toEqual({ ...file, exportedAt: out.exportedAt, plans: file.plans.map((p) => ({ ...p, freezeDelayDays: 2 })) });
  });

  it('is idempotent: restoring twice leaves the same store', async () => {
    const db = await freshDb();
    await restoreBackup(db, demoText);
    const once = await dumpAll(db);
    const r = await restoreBackup(db, demoText);
    expect(r).toMatchObject({ ok: true, replaced: { ...DEMO_COUNTS, plans: 1 } });
    expect(await dumpAll(db)).toEqual(once);
  });

  it('replaces the plan with everything it owns, and leaves a second plan alone', async () => {
    const db = await freshDb();
    await seedPlanB(db);
    const before = await planBRows(db);
    expect(before.captures).toHaveLength(2);

    await restoreBackup(db, demoText);
    expect(await planBRows(db)).toEqual(before);

    // Restoring another version of the demo plan: act-a08 and its rows go, the snapshot comes.
    const r = await restoreBackup(db, demoVariant());
    expect(r).toMatchObject({ ok: true, replaced: { actions: 8, campaignLinks: 7, snapshots: 0 }, written: { actions: 7, snapshots: 1 } });
    expect(await db.actions.get('act-a08')).toBeUndefined();
    expect(await db.campaignLinks.get('lnk-07')).toBeUndefined();
    expect(await db.spendEntries.get('dep-20')).toBeUndefined();
    expect(await db.snapshots.where('planId').equals(DEMO_PLAN).count()).toBe(1);
    expect(await db.captures.count()).toBe(150); // captures are shared, never dropped with a plan
    expect(await planBRows(db)).toEqual(before);

    // And back: the file has no snapshot, so the plan has none any more.
    expect(await restoreBackup(db, demoText)).toMatchObject({ ok: true, replaced: { snapshots: 1, actions: 7 } });
    expect(await db.snapshots.where('planId').equals(DEMO_PLAN).count()).toBe(0);
    expect(await planBRows(db)).toEqual(before);
  });

  const corruptions: [string, () => string, RegExp, string][] = [
    ['truncated JSON', () => demoText.slice(0, demoText.length / 2), /not a JSON file/, ''],
    [
      'a wrong type deep inside',
      () => {
        const b = demoJson();
        (b.captures[40] as { metrics: Record<string, unknown> }).metrics.clicks = '1 200';
        return JSON.stringify(b);
      },
      /captures\[40\]\.metrics\.clicks/,
      'captures[40].metrics.clicks',
    ],
    ['an unknown version', () => JSON.stringify({ ...demoJson(), version: 2 }), /unknown backup version 2/, 'version'],
    ['another format', () => JSON.stringify({ ...demoJson(), format: 'other-app' }), /not a Planpilot backup/, 'format'],
    [
      'duplicate ids',
      () => {
        const b = demoJson();
        b.actions[5] = { ...b.actions[5], id: 'act-a02' };
        return JSON.stringify(b);
      },
      /duplicate id "act-a02"/,
      'actions[5].id',
    ],
    [
      'a reference to a missing plan',
      () => {
        const b = demoJson();
        b.objectives[1] = { ...b.objectives[1], planId: 'plan-nope' };
        return JSON.stringify(b);
      },
      /missing plan "plan-nope"/,
      'objectives[1].planId',
    ],
    [
      'an action serving another plan’s objective',
      () => {
        const b = demoJson();
        b.plans.push({ ...b.plans[0], id: 'plan-2' });
        b.objectives.push({ ...b.objectives[0], id: 'obj-2', planId: 'plan-2' });
        b.actions[3] = { ...b.actions[3], objectiveIds: ['obj-2'] };
        return JSON.stringify(b);
      },
      /belongs to another plan/,
      'actions[3].objectiveIds[0]',
    ],
    [
      'two snapshots of the same week and version',
      () => {
        const b = demoJson();
        const s = {
          planId: DEMO_PLAN,
          weekStart: '2026-11-09',
          version: 1,
          takenAt: '2026-11-17T06:00:00+01:00',
          report: report(DEMO_PLAN, '2026-11-09', '2026-11-15'),
        };
        b.snapshots = [
          { id: 's1', ...s },
          { id: 's2', ...s },
        ];
        return JSON.stringify(b);
      },
      /appears twice/,
      'snapshots[1].version',
    ],
    [
      'an id another plan of this browser uses',
      () => {
        const b = demoJson();
        b.spendEntries[7] = { ...b.spendEntries[7], id: 'b-dep-1' };
        return JSON.stringify(b);
      },
      /"b-dep-1" is already used in this browser by another plan \("plan-b"\)/,
      'spendEntries[7].id',
    ],
  ];

  it.each(corruptions)('refuses %s whole, with a clear message, and changes nothing', async (_what, file, message, path) => {
    const db = await freshDb();
    await seedPlanB(db);
    await restoreBackup(db, demoVariant()); // the store holds another version of the demo plan
    const before = await dumpAll(db);

    const preview = await previewRestore(db, file());
    expect(preview).toMatchObject({ ok: false, path });
    if (!preview.ok) expect(preview.error).toMatch(message);

    const r = await restoreBackup(db, file());
    expect(r).toMatchObject({ ok: false, path });
    if (!r.ok) expect(r.error).toMatch(message);
    expect(await dumpAll(db)).toEqual(before);
  });

  it('leaves the store exactly as it was when a write fails in the middle of the transaction', async () => {
    const db = await freshDb();
    await seedPlanB(db);
    await restoreBackup(db, demoVariant());
    const before = await dumpAll(db);

    // By the time result entries are written, the old plan is deleted and the new rows are in.
    let written = 0;
    const fail = (_key: string, row: { id: string }) => {
      written += 1;
      if (row.id === 'res-004') throw new Error('disk full (simulated)');
    };
    db.resultEntries.hook('creating', fail);
    await expect(restoreBackup(db, demoText)).rejects.toThrow(/disk full/);
    db.resultEntries.hook('creating').unsubscribe(fail);

    expect(written).toBeGreaterThanOrEqual(4);
    expect(await dumpAll(db)).toEqual(before);
    expect(await db.actions.get('act-a08')).toBeUndefined();
    // …and the store still works.
    expect(await restoreBackup(db, demoText)).toMatchObject({ ok: true });
    expect(await db.actions.get('act-a08')).toBeDefined();
  });

  it('keeps the stored order: actions as in the file, captures new to the store after those already there', async () => {
    const db = await freshDb();
    await seedPlanB(db);
    const b = demoJson();
    b.actions = [nth(b.actions, 7), ...b.actions.slice(0, 7)];
    await restoreBackup(db, JSON.stringify(b));
    const data = await loadPlanData(db, DEMO_PLAN);
    expect(data?.actions.map((a) => a.code)).toEqual(['A08', 'A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07']);
    const seqs = new Map((await db.captures.toArray()).map((c) => [c.id, c.seq]));
    expect(seqs.get('b-cap-1')).toBe(1);
    expect(seqs.get('b-cap-2')).toBe(2);
    expect(seqs.get('cap-001')).toBe(3);
    expect(seqs.get('cap-148')).toBe(150);
    // A new action added later goes last.
    await upsertAction(db, { ...nth(demo().actions, 0), id: 'act-new', code: 'A09' });
    expect((await loadPlanData(db, DEMO_PLAN))?.actions.at(-1)?.code).toBe('A09');
  });
});

describe('previewRestore', () => {
  it('says what a restore will add and replace, without changing anything', async () => {
    const db = await freshDb();
    await seedPlanB(db);
    const empty = await previewRestore(db, demoText);
    expect(empty).toMatchObject({
      ok: true,
      plans: [{ id: DEMO_PLAN, name: 'Plan marketing opérationnel 2026 – S2', replaces: null }],
      incoming: DEMO_COUNTS,
      replaced: ALL_ZERO,
    });

    await restoreBackup(db, demoVariant());
    const before = await dumpAll(db);
    const p = await previewRestore(db, demoText);
    expect(p).toMatchObject({
      ok: true,
      plans: [{ id: DEMO_PLAN, replaces: { id: DEMO_PLAN, name: 'Plan marketing opérationnel 2026 – S2' } }],
      incoming: DEMO_COUNTS,
      replaced: { plans: 1, objectives: 3, actions: 7, campaignLinks: 6, captures: 148, spendEntries: 19, resultEntries: 6, snapshots: 1 },
    });
    expect(await dumpAll(db)).toEqual(before);
  });
});

describe('exportBackup', () => {
  it('exports chosen plans with only the captures of their links; everything with every capture', async () => {
    const db = await freshDb();
    await seedPlanB(db);
    await restoreBackup(db, demoText);

    const one = await exportBackup(db, [DEMO_PLAN]);
    expect(one.plans.map((p) => p.id)).toEqual([DEMO_PLAN]);
    expect(one.captures).toHaveLength(138); // 148 minus the 10 that match no link of the plan
    expect(one.captures.some((c) => c.id.startsWith('b-'))).toBe(false);
    expect(one.captures.some((c) => c.accountId === '731-004-2291')).toBe(false); // same id, other client account

    const b = await exportBackup(db, ['plan-b']);
    expect(b).toMatchObject({ plans: [planB], actions: [{ id: 'b-act-1' }, { id: 'b-act-2' }], snapshots: [{ id: 'b-snap-1' }] });
    expect(b.captures.map((c) => c.id)).toEqual(['b-cap-1', 'b-cap-2']);

    const all = await exportBackup(db);
    expect(all.plans.map((p) => p.id)).toEqual(['plan-b', DEMO_PLAN]); // by start date
    expect(all.captures).toHaveLength(150);
    await expect(exportBackup(db, ['plan-nope'])).rejects.toThrow(/plan "plan-nope" does not exist/);
  });

  it('round-trips through a fresh store, snapshots included', async () => {
    const db = await freshDb();
    await seedPlanB(db);
    await addSnapshotVersion(db, {
      planId: 'plan-b',
      weekStart: '2026-03-02',
      takenAt: '2026-03-12T06:00:00+01:00',
      report: report('plan-b', '2026-03-02', '2026-03-08', 5),
    });
    const file = JSON.stringify(await exportBackup(db));
    const copy = await freshDb();
    expect(await restoreBackup(copy, file)).toMatchObject({ ok: true });
    expect(await dumpAll(copy)).toEqual(await dumpAll(db));
  });

  it('writes exportedAt as a local time with its offset', () => {
    const s = isoWithOffset(new Date('2026-11-30T17:30:00Z'));
    expect(s).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(new Date(s).getTime()).toBe(Date.parse('2026-11-30T17:30:00Z'));
  });
});
