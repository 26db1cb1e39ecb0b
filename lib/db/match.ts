import type { Table } from 'dexie';
import type { Capture } from '@/lib/domain';
import { rowsWhere } from './query';

/** What identifies a console campaign, on a link, a capture or a row read off a page. */
export type CampaignRef = Pick<Capture, 'console' | 'accountId' | 'campaignId' | 'campaignName'>;

/**
 * DESIGN.md's rule: same console; same account where both are known; where both carry a campaign
 * id the ids decide, otherwise the names must be equal exactly (case and spaces included).
 * Used for capture → link (what feeds an action) and link → link (a campaign feeds one action).
 */
export function sameCampaign(a: CampaignRef, b: CampaignRef): boolean {
  if (a.console !== b.console) return false;
  if (a.accountId !== null && b.accountId !== null && a.accountId !== b.accountId) return false;
  if (a.campaignId !== null && b.campaignId !== null) return a.campaignId === b.campaignId;
  return a.campaignName !== null && a.campaignName === b.campaignName;
}

/**
 * Rows of `table` (captures or campaign links, both indexed by [console+campaignId] and
 * [console+campaignName]) that are the same campaign as one of `refs`, found through those two
 * indexes, never by scanning the table. Any match has an equal id or an equal name, so the two
 * index look-ups hold every match; `sameCampaign` then keeps the right ones.
 * Returned in primary-key order, each row once.
 */
export async function rowsForCampaigns<T extends CampaignRef & { id: string }>(
  table: Table<T, string, T>,
  refs: readonly CampaignRef[],
): Promise<T[]> {
  const byId = refs.filter((r) => r.campaignId !== null).map((r) => [r.console, r.campaignId as string]);
  const byName = refs.filter((r) => r.campaignName !== null).map((r) => [r.console, r.campaignName as string]);
  const lists = await Promise.all([rowsWhere(table, '[console+campaignId]', byId), rowsWhere(table, '[console+campaignName]', byName)]);
  const found = new Map<string, T>();
  for (const row of lists.flat()) {
    if (!found.has(row.id) && refs.some((ref) => sameCampaign(ref, row))) found.set(row.id, row);
  }
  return [...found.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
