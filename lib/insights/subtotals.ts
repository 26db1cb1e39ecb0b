/**
 * Plan totals and subtotals (per channel, per lever…) of the engine's action figures. Sums and blended
 * KPIs come from lib/kpi's `totalsOf`, so a subtotal follows the same rules as the report's totals.
 */
import type { Action } from '@/lib/domain';
import { type ActionOverview, type Totals, type TotalsInput, totalsOf } from '@/lib/kpi';

/** One action's row as `totalsOf` reads it (to date, as of the overview's day). */
export function totalsInputOf(row: ActionOverview): TotalsInput {
  return {
    budget: row.action.budget,
    spendWeek: row.week.spend,
    spendToDate: row.toDate.spend,
    expectedSpendToDate: row.expectedSpendToDate,
    metrics: row.toDate.volumes,
  };
}

export function planTotals(rows: readonly ActionOverview[]): Totals {
  return totalsOf(rows.map(totalsInputOf));
}

export type Group<K extends string> = { readonly key: K; readonly rows: readonly ActionOverview[]; readonly totals: Totals };

/** Rows grouped by `keyOf`, groups in the order of `order` (keys with no action are left out). */
export function groupTotals<K extends string>(
  rows: readonly ActionOverview[],
  keyOf: (action: Action) => K,
  order: readonly K[],
): Group<K>[] {
  const byKey = new Map<K, ActionOverview[]>();
  for (const row of rows) {
    const key = keyOf(row.action);
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  const known = order.filter((key) => byKey.has(key));
  const others = [...byKey.keys()].filter((key) => !order.includes(key));
  return [...known, ...others].map((key) => {
    const groupRows = byKey.get(key) ?? [];
    return { key, rows: groupRows, totals: planTotals(groupRows) };
  });
}
