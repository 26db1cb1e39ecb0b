import { isoWithOffset } from '@/lib/clock';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  backupV1Schema,
  type Capture,
  formatPath,
  type PlanData,
  parseBackup,
} from '@/lib/domain';
import { lastSeq } from './captures';
import { allTables, type PlanpilotDb } from './database';
import { StoreError } from './errors';
import { loadPlanData } from './planData';
import { type DeletedBundle, deleteRows, listPlans, rowsOfPlans, withPlanDefaults } from './plans';
import { type StoredCapture, toCapture } from './rows';
import { listSnapshots } from './snapshots';

export type TableName = 'plans' | 'objectives' | 'actions' | 'campaignLinks' | 'captures' | 'spendEntries' | 'resultEntries' | 'snapshots';
export type TableCounts = Record<TableName, number>;
export type Refusal = { ok: false; error: string; path: string };

// ── Export ───────────────────────────────────────────────────────────────────

/**
 * The backup file (version 1) of the given plans, or of every plan when `planIds` is absent.
 * Rows come in stored order (plans as listPlans; per plan its objectives, actions, then links,
 * spend and result entries grouped by action; snapshots by week and version; captures by `seq`).
 *
 * Captures: exporting everything exports every capture (unlinked ones too: they may be linked
 * later, and a full backup must lose nothing); exporting chosen plans exports only the captures
 * that belong to those plans' links — a file for one plan carries no other client's figures.
 *
 * The result is checked with backupV1Schema, so what we write we can read back.
 */
export async function exportBackup(db: PlanpilotDb, planIds?: readonly string[], now: Date = new Date()): Promise<Backup> {
  return db.transaction('r', allTables(db), async () => {
    const plans = planIds ? [...new Set(planIds)] : (await listPlans(db)).map((p) => p.id);
    const data: PlanData[] = [];
    for (const id of plans) {
      const one = await loadPlanData(db, id);
      if (!one) throw new StoreError(`plan "${id}" does not exist`);
      data.push(one);
    }
    const captures = planIds ? uniqueById(data.flatMap((d) => d.captures)) : await allCaptures(db);
    const snapshots = [];
    for (const id of plans) snapshots.push(...(await listSnapshots(db, id)));
    const backup: Backup = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: isoWithOffset(now),
      plans: data.map((d) => d.plan),
      objectives: data.flatMap((d) => d.objectives),
      actions: data.flatMap((d) => d.actions),
      campaignLinks: data.flatMap((d) => d.campaignLinks),
      captures,
      spendEntries: data.flatMap((d) => byAction(d, d.spendEntries)),
      resultEntries: data.flatMap((d) => byAction(d, d.resultEntries)),
      snapshots,
    };
    const checked = backupV1Schema.safeParse(backup);
    if (!checked.success) {
      const first = checked.error.issues[0];
      const path = formatPath(first?.path ?? []);
      throw new StoreError(`the store holds a row a backup cannot carry: ${path}: ${first?.message ?? 'invalid'}`, path);
    }
    return checked.data;
  });
}

async function allCaptures(db: PlanpilotDb): Promise<Capture[]> {
  return (await db.captures.orderBy('seq').toArray()).map(toCapture);
}

function uniqueById<T extends { id: string }>(rows: T[]): T[] {
  return [...new Map(rows.map((r) => [r.id, r])).values()];
}

/** Entries grouped by action (stored order); within an action, as given (date, then id). */
function byAction<E extends { actionId: string }>(d: PlanData, entries: E[]): E[] {
  return d.actions.flatMap((a) => entries.filter((e) => e.actionId === a.id));
}

// ── Preview and restore ──────────────────────────────────────────────────────

export type RestorePreview =
  | {
      ok: true;
      backup: Backup;
      /** The file's plans; `replaces` is the stored plan of the same id (replaced with all it owns), or null when new. */
      plans: { id: string; name: string; replaces: { id: string; name: string } | null }[];
      /** Rows the file holds, per table. */
      incoming: TableCounts;
      /** Stored rows that will be deleted (those of the file's plans) or, for captures, overwritten by id. */
      replaced: TableCounts;
    }
  | Refusal;

export type RestoreResult = { ok: true; plans: string[]; written: TableCounts; replaced: TableCounts } | Refusal;

/** What restoring `text` would do, without changing anything; or why it would be refused. */
export async function previewRestore(db: PlanpilotDb, text: string): Promise<RestorePreview> {
  const parsed = readBackup(text);
  if (!parsed.ok) return parsed;
  const backup = parsed.value;
  return db.transaction('r', allTables(db), async () => {
    const owned = await rowsOfPlans(
      db,
      backup.plans.map((p) => p.id),
    );
    const conflict = await findConflict(db, backup, owned);
    if (conflict) return conflict;
    const stored = new Map(owned.plans.map((p) => [p.id, p]));
    return {
      ok: true,
      backup,
      plans: backup.plans.map((p) => {
        const old = stored.get(p.id);
        return { id: p.id, name: p.name, replaces: old ? { id: old.id, name: old.name } : null };
      }),
      incoming: countsOf(backup),
      replaced: countsOf({ ...owned, captures: await storedCaptures(db, backup) }),
    };
  });
}

/**
 * Restores a backup file: parsed first (a bad file is refused whole, with the path of its first
 * bad field, before anything is touched); then, in ONE read-write transaction over every table,
 * the plans the file contains are deleted (by id) with everything that belongs to them, and the
 * file's rows are written. Other plans are left alone. Captures belong to no plan: the file's are
 * put by id (an existing one keeps its place in stored order, new ones go last, in file order).
 * A refusal resolves `{ ok: false }`; a storage failure rejects. Either way nothing changed.
 */
export async function restoreBackup(db: PlanpilotDb, text: string): Promise<RestoreResult> {
  const parsed = readBackup(text);
  if (!parsed.ok) return parsed;
  const backup = parsed.value;
  const planIds = backup.plans.map((p) => p.id);
  try {
    return await db.transaction('rw', allTables(db), async () => {
      const owned = await rowsOfPlans(db, planIds);
      const conflict = await findConflict(db, backup, owned);
      if (conflict) throw new Refused(conflict);
      const existing = await storedCaptures(db, backup);
      await deleteRows(db, owned);
      await db.plans.bulkAdd(backup.plans.map(withPlanDefaults));
      await db.objectives.bulkAdd(inPlanOrder(backup.objectives));
      await db.actions.bulkAdd(inPlanOrder(backup.actions));
      await db.campaignLinks.bulkAdd(backup.campaignLinks);
      await db.spendEntries.bulkAdd(backup.spendEntries);
      await db.resultEntries.bulkAdd(backup.resultEntries);
      await db.snapshots.bulkAdd(backup.snapshots);
      const kept = new Map(existing.map((c) => [c.id, c.seq]));
      let seq = await lastSeq(db);
      await db.captures.bulkPut(backup.captures.map((c): StoredCapture => ({ ...c, seq: kept.get(c.id) ?? ++seq })));
      return {
        ok: true as const,
        plans: planIds,
        written: countsOf(backup),
        replaced: countsOf({ ...owned, captures: existing }),
      };
    });
  } catch (e) {
    if (e instanceof Refused) return e.refusal;
    throw e;
  }
}

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.error);
  }
}

/** parseBackup, then what the schema cannot see on its own: rules of the store that hold inside the file. */
function readBackup(text: string): { ok: true; value: Backup } | Refusal {
  const parsed = parseBackup(text);
  if (!parsed.ok) return { ok: false, error: parsed.error, path: parsed.path };
  const b = parsed.value;
  const planOf = new Map(b.objectives.map((o) => [o.id, o.planId]));
  for (const [i, a] of b.actions.entries()) {
    for (const [j, o] of a.objectiveIds.entries()) {
      if (planOf.get(o) !== a.planId) return refusal(['actions', i, 'objectiveIds', j], `objective "${o}" belongs to another plan`);
    }
  }
  const takes = new Set<string>();
  for (const [i, s] of b.snapshots.entries()) {
    const key = JSON.stringify([s.planId, s.weekStart, s.version]);
    if (takes.has(key)) return refusal(['snapshots', i, 'version'], `version ${s.version} of week ${s.weekStart} appears twice`);
    takes.add(key);
  }
  return parsed;
}

function refusal(path: (string | number)[], message: string): Refusal {
  const p = formatPath(path);
  return { ok: false, path: p, error: `${p}: ${message}` };
}

/**
 * A row of the file whose id is stored but belongs to a plan the file does not replace: writing
 * it would take it from that plan, so the restore is refused (the ids were reused across plans).
 */
async function findConflict(db: PlanpilotDb, b: Backup, owned: DeletedBundle): Promise<Refusal | null> {
  const planOfAction = async (actionId: string) => (await db.actions.get(actionId))?.planId;
  const check = async <T extends { id: string }>(
    table: string,
    rows: readonly { id: string }[],
    replaced: readonly T[],
    stored: (ids: string[]) => Promise<(T | undefined)[]>,
    owner: (row: T) => Promise<string | undefined>,
  ): Promise<Refusal | null> => {
    const mine = new Set(replaced.map((r) => r.id));
    const found = await stored(rows.map((r) => r.id));
    for (const [i, row] of found.entries()) {
      if (row && !mine.has(row.id)) {
        const plan = await owner(row);
        return refusal([table, i, 'id'], `"${row.id}" is already used in this browser by another plan${plan ? ` ("${plan}")` : ''}`);
      }
    }
    return null;
  };
  const byPlan = async (r: { planId: string }) => r.planId;
  const byAction = async (r: { actionId: string }) => planOfAction(r.actionId);
  return (
    (await check('objectives', b.objectives, owned.objectives, (ids) => db.objectives.bulkGet(ids), byPlan)) ??
    (await check('actions', b.actions, owned.actions, (ids) => db.actions.bulkGet(ids), byPlan)) ??
    (await check('campaignLinks', b.campaignLinks, owned.campaignLinks, (ids) => db.campaignLinks.bulkGet(ids), byAction)) ??
    (await check('spendEntries', b.spendEntries, owned.spendEntries, (ids) => db.spendEntries.bulkGet(ids), byAction)) ??
    (await check('resultEntries', b.resultEntries, owned.resultEntries, (ids) => db.resultEntries.bulkGet(ids), byAction)) ??
    (await check('snapshots', b.snapshots, owned.snapshots, (ids) => db.snapshots.bulkGet(ids), byPlan))
  );
}

async function storedCaptures(db: PlanpilotDb, b: Backup): Promise<StoredCapture[]> {
  return (await db.captures.bulkGet(b.captures.map((c) => c.id))).filter((c): c is StoredCapture => c !== undefined);
}

/** Gives each row its `order`: its position among the file's rows of the same plan. */
function inPlanOrder<T extends { planId: string }>(rows: T[]): (T & { order: number })[] {
  const next = new Map<string, number>();
  return rows.map((row) => {
    const order = next.get(row.planId) ?? 0;
    next.set(row.planId, order + 1);
    return { ...row, order };
  });
}

function countsOf(rows: Record<TableName, readonly unknown[]>): TableCounts {
  return {
    plans: rows.plans.length,
    objectives: rows.objectives.length,
    actions: rows.actions.length,
    campaignLinks: rows.campaignLinks.length,
    captures: rows.captures.length,
    spendEntries: rows.spendEntries.length,
    resultEntries: rows.resultEntries.length,
    snapshots: rows.snapshots.length,
  };
}
