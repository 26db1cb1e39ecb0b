import { describe, expect, it } from 'vitest';
import type { PlanData } from '@/lib/domain';
import { parseScheduleLines, plannedVsActual } from '@/lib/ledger';
import { action, plan, spend } from '../kpi/plan-builder';

const data = (over: Partial<PlanData> = {}): PlanData => ({
  plan: plan(),
  objectives: [],
  actions: [
    action({
      id: 'show',
      code: 'A06',
      start: '2026-10-01',
      end: '2026-11-30',
      budget: 10_000,
      channel: 'event',
      schedule: [
        { date: '2026-10-05', amount: 4000, note: 'Acompte' },
        { date: '2026-11-10', amount: 5000, note: 'Solde' },
        { date: '2026-11-17', amount: 1000, note: 'Relances' },
        { date: '2026-12-15', amount: 700, note: 'Hors dates' },
      ],
    }),
  ],
  campaignLinks: [],
  captures: [],
  spendEntries: [
    spend('2026-10-06', 4000, { actionId: 'show' }),
    spend('2026-11-12', 3000, { actionId: 'show' }),
    spend('2026-11-12', 999, { actionId: 'show', source: 'capture' }),
  ],
  resultEntries: [],
  ...over,
});

describe('planned against actual, by date', () => {
  it('follows the schedule, not a straight line, and counts spend as the engine does', () => {
    const pva = plannedVsActual(data(), 'show', '2026-11-14');
    expect(pva?.rows.map((r) => [r.date, r.planned, r.entries, r.plannedToDate, r.actualToDate])).toEqual([
      ['2026-10-05', 4000, 0, 4000, 0],
      ['2026-10-06', 0, 4000, 4000, 4000],
      ['2026-11-10', 5000, 0, 9000, 4000],
      ['2026-11-12', 0, 3000, 9000, 7000],
      ['2026-11-14', 0, 0, 9000, 7000],
      ['2026-11-17', 1000, 0, 10_000, null],
      ['2026-12-15', 700, 0, 10_000, null],
    ]);
    expect(pva?.rows.at(-1)?.outside).toBe(true);
    expect(pva?.scheduledTotal).toBe(10_700);
    expect(pva?.outsideTotal).toBe(700);
    expect(pva?.plannedToDate).toBe(9000);
    expect(pva?.actualToDate).toBe(7000);
  });

  it('without a schedule, planned is the budget on a straight line', () => {
    const d = data();
    const [only] = d.actions;
    if (!only) throw new Error('no action');
    const pva = plannedVsActual({ ...d, actions: [{ ...only, schedule: undefined }] }, 'show', '2026-10-31');
    // 31 of 61 days elapsed.
    expect(pva?.plannedToDate).toBeCloseTo((10_000 * 31) / 61, 6);
  });

  it('reads typed lines, sorted by date, and says what is wrong per line', () => {
    const ok = parseScheduleLines(
      [
        { date: '2026-11-10', amount: '5 000', note: 'Solde' },
        { date: '', amount: '', note: '' },
        { date: '2026-10-05', amount: '4000,50', note: 'Acompte' },
      ],
      'fr',
    );
    expect(ok).toEqual({
      ok: true,
      value: [
        { date: '2026-10-05', amount: 4000.5, note: 'Acompte' },
        { date: '2026-11-10', amount: 5000, note: 'Solde' },
      ],
    });
    const bad = parseScheduleLines(
      [
        { date: '2026-13-01', amount: '5000', note: '' },
        { date: '2026-11-10', amount: 'cinq', note: '' },
      ],
      'fr',
    );
    expect(bad).toEqual({ ok: false, errors: [{ date: 'ledger.err.date' }, { amount: 'ledger.err.number' }] });
  });
});
