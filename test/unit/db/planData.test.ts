import { describe, expect, it } from 'vitest';
import { exportBackup, loadActionsData, loadPlanData, restoreBackup } from '@/lib/db';
import type { Backup, CampaignLink, Capture } from '@/lib/domain';
import { action, capture, planB, seedPlanB } from './fixtures';
import { countingDb, DEMO_PLAN, demo, demoText, freshDb } from './helpers';

/** DESIGN.md's matching rule, written out plainly for the test (a full scan of the file). */
function belongs(c: Capture, l: CampaignLink): boolean {
  if (c.console !== l.console) return false;
  if (c.accountId && l.accountId && c.accountId !== l.accountId) return false;
  if (c.campaignId !== null && l.campaignId !== null) return c.campaignId === l.campaignId;
  return c.campaignName !== null && c.campaignName === l.campaignName;
}

describe('loadPlanData', () => {
  it('returns the demo plan: 8 actions in stored order, and exactly the captures of their links', async () => {
    const db = await freshDb();
    await seedPlanB(db); // another plan, with its own captures, in the same store
    await restoreBackup(db, demoText);
    const file = demo();
    const data = await loadPlanData(db, DEMO_PLAN);
    if (!data) throw new Error('plan not found');

    expect({ ...data.plan, freezeDelayDays: undefined }).toEqual({ ...file.plans[0], freezeDelayDays: undefined });
    expect(data.actions).toEqual(file.actions);
    expect(data.actions.map((a) => a.code)).toEqual(['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08']);
    expect(data.objectives).toEqual(file.objectives);
    expect(data.campaignLinks).toEqual(file.campaignLinks);

    const expected = file.captures.filter((c) => file.campaignLinks.some((l) => belongs(c, l)));
    expect(expected).toHaveLength(138);
    expect(data.captures).toEqual(expected); // same rows, in stored (file) order
    const ids = new Set(data.captures.map((c) => c.id));
    const find = (p: (c: Capture) => boolean) => file.captures.filter(p).map((c) => c.id);
    // The Google campaign id of another client account does not match…
    expect(find((c) => c.accountId === '731-004-2291').some((id) => ids.has(id))).toBe(false);
    // …LinkedIn read with no account matches by name, the same name in another account does not.
    expect(find((c) => c.console === 'linkedin-ads' && c.accountId === null).every((id) => ids.has(id))).toBe(true);
    expect(find((c) => c.accountId === '508900001').some((id) => ids.has(id))).toBe(false);
    // A capture in another currency is kept: lib/kpi leaves it out and flags it.
    expect(data.captures.some((c) => c.currency === 'USD')).toBe(true);

    expect(new Set(data.spendEntries)).toEqual(new Set(file.spendEntries));
    expect(new Set(data.resultEntries)).toEqual(new Set(file.resultEntries));
    expect(await loadPlanData(db, 'nope')).toBeUndefined();
  });
});

describe('loadActionsData (the popup)', () => {
  it('returns only the asked actions, with their links, captures and entries', async () => {
    const db = await freshDb();
    await seedPlanB(db);
    await restoreBackup(db, demoText);
    const [data, ...rest] = await loadActionsData(db, ['act-a04', 'act-a01', 'unknown']);
    expect(rest).toEqual([]);
    if (!data) throw new Error('no data');
    expect(data.actions.map((a) => a.id)).toEqual(['act-a01', 'act-a04']); // stored order
    expect(data.campaignLinks.map((l) => l.id)).toEqual(['lnk-01', 'lnk-02', 'lnk-05']);
    expect(data.captures).toHaveLength(39 + 27 + 17);
    expect(data.spendEntries.map((e) => e.actionId).sort()).toEqual(['act-a01', 'act-a01', 'act-a01', 'act-a04', 'act-a04']);
    expect(data.objectives).toHaveLength(3);

    const both = await loadActionsData(db, ['b-act-1', 'act-a08']);
    expect(both.map((d) => [d.plan.id, d.actions.map((a) => a.id), d.captures.length])).toEqual([
      ['plan-2026-s2', ['act-a08'], 6],
      ['plan-b', ['b-act-1'], 2],
    ]);
  });

  it('reads by index only: on a 200-action plan it touches the rows of the asked actions, not the plan', async () => {
    const { db, reads, reset } = await countingDb();
    const actions = Array.from({ length: 200 }, (_, i) => action(`big-${String(i).padStart(3, '0')}`, 'plan-b'));
    const backup: Backup = {
      format: 'planpilot-backup',
      version: 1,
      exportedAt: '2026-03-31T18:00:00+02:00',
      plans: [planB],
      objectives: [],
      actions,
      campaignLinks: actions.map((a, i) => ({
        id: `l-${a.id}`,
        actionId: a.id,
        console: 'google-ads',
        accountId: '111-222-3333',
        campaignId: `c${i}`,
        campaignName: `Campaign ${i}`,
      })),
      captures: actions.flatMap((_, i) =>
        Array.from({ length: 10 }, (_, w) =>
          capture(`cap-${i}-${w}`, {
            campaignId: `c${i}`,
            campaignName: `Campaign ${i}`,
            dateRange: { start: `2026-03-${String(w + 1).padStart(2, '0')}`, end: `2026-03-${String(w + 1).padStart(2, '0')}` },
          }),
        ),
      ),
      spendEntries: actions.map((a) => ({
        id: `s-${a.id}`,
        actionId: a.id,
        date: '2026-03-01',
        amount: 10,
        category: 'media',
        note: '',
        source: 'manual',
      })),
      resultEntries: [],
      snapshots: [],
    };
    const restored = await restoreBackup(db, JSON.stringify(backup));
    expect(restored).toMatchObject({ ok: true, written: { actions: 200, captures: 2000 } });

    // The counter sees a scan: loading the whole plan reads all 2000 captures.
    reset();
    const whole = await loadPlanData(db, 'plan-b');
    expect(whole?.captures).toHaveLength(2000);
    expect(reads.get('captures')).toBeGreaterThanOrEqual(2000);

    reset();
    const [popup] = await loadActionsData(db, ['big-017', 'big-150']);
    expect(popup?.actions.map((a) => a.id)).toEqual(['big-017', 'big-150']);
    expect(popup?.captures.map((c) => c.id)).toEqual([
      ...Array.from({ length: 10 }, (_, w) => `cap-17-${w}`),
      ...Array.from({ length: 10 }, (_, w) => `cap-150-${w}`),
    ]);
    // 20 captures, each met twice (through the id and the name index): far from 2000.
    expect(reads.get('captures')).toBeLessThanOrEqual(40);
    expect(reads.get('actions') ?? 0).toBeLessThanOrEqual(2);
    expect(reads.get('spendEntries') ?? 0).toBeLessThanOrEqual(2);
    expect(reads.get('campaignLinks') ?? 0).toBeLessThanOrEqual(2);

    // And the export of that plan is the file back.
    const out = await exportBackup(db, ['plan-b']);
    expect(out.actions).toEqual(actions);
    expect(out.captures).toEqual(backup.captures);
  });
});
