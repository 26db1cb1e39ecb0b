export { type CampaignRef, sameCampaign } from '@/lib/domain';

import type { Table } from 'dexie';
import { type CampaignRef, sameCampaign } from '@/lib/domain';
import { rowsWhere } from './query';

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
