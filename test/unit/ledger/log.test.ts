import { beforeEach, describe, expect, it } from 'vitest';
import {
  addSpendEntry,
  deleteSpendEntry,
  listSpendEntries,
  loadPlanData,
  type PlanpilotDb,
  restoreBackup,
  StoreError,
  updateSpendEntry,
} from '@/lib/db';
import type { SpendEntry } from '@/lib/domain';
import { figuresToDate, indexPlan, planDataFromBackup } from '@/lib/kpi';
import { buildWeeklyReport } from '@/lib/kpi/report';
import { filterResults, filterSpend, parseSpendForm, presetRange, resultTotals, spendTotals } from '@/lib/ledger';
import { DEMO_PLAN, demo, demoText, dumpAll, freshDb } from '../db/helpers';

describe('filters and totals of the log', () => {
  const entries = demo().spendEntries;

  it('filters by action, period (both ends included) and category', () => {
    const a06 = filterSpend(entries, { actionId: 'act-a06', from: null, to: null, category: null });
    expect(a06.length).toBeGreaterThan(0);
    expect(a06.every((e) => e.actionId === 'act-a06')).toBe(true);
    const nov = filterSpend(entries, { actionId: null, from: '2026-11-02', to: '2026-11-08', category: null });
    expect(nov.every((e) => e.date >= '2026-11-02' && e.date <= '2026-11-08')).toBe(true);
    expect(nov.some((e) => e.date === '2026-11-02')).toBe(true);
    const fees = filterSpend(entries, { actionId: null, from: null, to: null, category: 'agency-fees' });
    expect(fees.every((e) => e.category === 'agency-fees')).toBe(true);
  });

  it('never counts a copy of a capture, and shows it apart', () => {
    const copies = entries.filter((e) => e.source === 'capture');
    expect(copies.length).toBe(2);
    const t = spendTotals(entries);
    const counted = entries.filter((e) => e.source !== 'capture').reduce((s, e) => s + e.amount, 0);
    expect(t.counted).toBeCloseTo(counted, 6);
    expect(t.copies).toBeCloseTo(
      copies.reduce((s, e) => s + e.amount, 0),
      6,
    );
    expect(Object.values(t.byCategory).reduce((s, v) => s + (v ?? 0), 0)).toBeCloseTo(counted, 6);
  });

  it('sets apart entries dated outside their action, as the engine does', () => {
    const b = demo();
    const dates = new Map(b.actions.map((a) => [a.id, a]));
    const t = spendTotals(b.spendEntries, dates);
    const outside = b.spendEntries.filter((e) => {
      const a = dates.get(e.actionId);
      return e.source !== 'capture' && a !== undefined && (e.date < a.start || e.date > a.end);
    });
    expect(outside.map((e) => e.note)).toContain("Frais de port (après la fin de l'action)");
    expect(t.outside).toBeCloseTo(
      outside.reduce((s, e) => s + e.amount, 0),
      6,
    );
    expect(t.counted + t.outside).toBeCloseTo(spendTotals(b.spendEntries).counted, 6);
    // What is left equals the engine's spend of the actions without campaigns, over the whole plan.
    const data = planDataFromBackup(b, DEMO_PLAN);
    if (!data) throw new Error('no plan');
    const noLinks = b.actions.filter((a) => !b.campaignLinks.some((l) => l.actionId === a.id));
    const engine = noLinks.reduce((s, a) => s + figuresToDate(indexPlan(data), a, '2027-01-31').spend, 0);
    const mine = spendTotals(
      b.spendEntries.filter((e) => noLinks.some((a) => a.id === e.actionId)),
      dates,
    ).counted;
    expect(mine).toBeCloseTo(engine, 6);
  });

  it('sums results per metric', () => {
    const results = filterResults(demo().resultEntries, { actionId: 'act-a06', from: null, to: null, metric: 'leads' });
    expect(resultTotals(results).leads).toBe(results.reduce((s, e) => s + e.value, 0));
  });

  it('turns presets into dates with the plan’s weeks', () => {
    expect(presetRange('thisWeek', '2026-11-24', 1)).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(presetRange('lastWeek', '2026-11-24', 0)).toEqual({ from: '2026-11-15', to: '2026-11-21' });
    expect(presetRange('lastMonth', '2026-03-31', 1)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetRange('all', '2026-03-31', 1)).toEqual({ from: null, to: null });
  });
});

describe('logging spend in the store', () => {
  let db: PlanpilotDb;
  beforeEach(async () => {
    db = await freshDb();
    await restoreBackup(db, demoText);
  });

  const entry = (): SpendEntry => {
    const r = parseSpendForm(
      {
        actionId: 'act-a06',
        date: '2026-11-18',
        amount: '600',
        amountIncludesTax: true,
        vatRate: '20',
        category: 'events',
        note: 'Navettes',
      },
      'fr',
      'sp-new',
    );
    if (!r.ok) throw new Error('form refused');
    return r.value;
  };

  it('a logged cost moves the week’s spend of an action without links by exactly its amount excl. tax', async () => {
    const before = buildWeeklyReport((await loadPlanData(db, DEMO_PLAN)) ?? demoFail(), '2026-11-16');
    await addSpendEntry(db, entry());
    const after = buildWeeklyReport((await loadPlanData(db, DEMO_PLAN)) ?? demoFail(), '2026-11-16');
    const a06 = (r: typeof before) => r.actions.find((a) => a.actionId === 'act-a06');
    expect((a06(after)?.spendWeek ?? 0) - (a06(before)?.spendWeek ?? 0)).toBeCloseTo(500, 6);
    expect(after.totals.spendWeek - before.totals.spendWeek).toBeCloseTo(500, 6);
  });

  it('edits and deletes; the deletion is undone by adding the entry back, as it was', async () => {
    await addSpendEntry(db, entry());
    await updateSpendEntry(db, { ...entry(), amount: 450, note: 'Navettes (corrigé)' });
    const stored = (await listSpendEntries(db, 'act-a06')).find((e) => e.id === 'sp-new');
    expect(stored).toMatchObject({ amount: 450, note: 'Navettes (corrigé)' });
    const snapshot = await dumpAll(db);
    const removed = await deleteSpendEntry(db, 'sp-new');
    expect((await listSpendEntries(db, 'act-a06')).some((e) => e.id === 'sp-new')).toBe(false);
    if (!removed) throw new Error('nothing removed');
    await addSpendEntry(db, removed);
    expect(await dumpAll(db)).toEqual(snapshot);
  });

  it('a refused write leaves the store as it was', async () => {
    const before = await dumpAll(db);
    await expect(addSpendEntry(db, { ...entry(), actionId: 'act-gone' })).rejects.toBeInstanceOf(StoreError);
    expect(await dumpAll(db)).toEqual(before);
  });
});

function demoFail(): never {
  throw new Error('demo plan missing');
}
