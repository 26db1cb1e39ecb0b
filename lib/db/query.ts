import type { IndexableType, Table } from 'dexie';

/**
 * Rows whose `index` equals one of `keys`: one `equals` look-up per distinct key, run together,
 * results in key order then index order. Used instead of Dexie's `anyOf`, whose cursor walk
 * measured ~50× slower loading a 200-action plan under fake-indexeddb (5.3 s against 0.1 s);
 * not measured in a browser yet (bench/ is the place).
 */
export async function rowsWhere<T, K>(table: Table<T, K, T>, index: string, keys: readonly IndexableType[]): Promise<T[]> {
  const distinct = [...new Map(keys.map((k) => [JSON.stringify(k), k])).values()];
  const lists = await Promise.all(distinct.map((key) => table.where(index).equals(key).toArray()));
  return lists.flat();
}
