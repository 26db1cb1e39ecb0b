import { z } from 'zod';
import { isoDateTime } from './dates';
import {
  actionSchema,
  campaignLinkSchema,
  captureSchema,
  objectiveSchema,
  planSchema,
  resultEntrySchema,
  spendEntrySchema,
  weeklySnapshotSchema,
} from './entities';

export const BACKUP_FORMAT = 'planpilot-backup';
export const BACKUP_VERSION = 1;

/** Backup file, version 1 (DESIGN.md). `resultEntries` may be absent. */
export const backupV1Schema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    exportedAt: isoDateTime,
    plans: z.array(planSchema),
    objectives: z.array(objectiveSchema),
    actions: z.array(actionSchema),
    campaignLinks: z.array(campaignLinkSchema),
    captures: z.array(captureSchema),
    spendEntries: z.array(spendEntrySchema),
    resultEntries: z.array(resultEntrySchema).default([]),
    snapshots: z.array(weeklySnapshotSchema).default([]),
  })
  .superRefine(checkReferences);
export type Backup = z.infer<typeof backupV1Schema>;

type Issue = { path: (string | number)[]; message: string };

/** Ids are unique per table and every reference points at something in the file. */
function checkReferences(b: z.infer<typeof backupV1Schema>, ctx: z.RefinementCtx): void {
  const issues: Issue[] = [];
  const ids = (table: keyof Backup & string, rows: { id: string }[]) => {
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      if (seen.has(row.id)) issues.push({ path: [table, i, 'id'], message: `duplicate id "${row.id}"` });
      seen.add(row.id);
    });
    return seen;
  };
  const plans = ids('plans', b.plans);
  const objectives = ids('objectives', b.objectives);
  const actions = ids('actions', b.actions);
  ids('campaignLinks', b.campaignLinks);
  ids('captures', b.captures);
  ids('spendEntries', b.spendEntries);
  ids('resultEntries', b.resultEntries);
  ids('snapshots', b.snapshots);
  const ref = (table: string, rows: Record<string, unknown>[], field: string, known: Set<string>, what: string) => {
    for (const [i, row] of rows.entries()) {
      const value = row[field];
      if (typeof value === 'string' && !known.has(value)) {
        issues.push({ path: [table, i, field], message: `refers to a missing ${what} "${value}"` });
      }
    }
  };
  ref('objectives', b.objectives, 'planId', plans, 'plan');
  ref('actions', b.actions, 'planId', plans, 'plan');
  for (const [i, a] of b.actions.entries()) {
    for (const [j, o] of a.objectiveIds.entries()) {
      if (!objectives.has(o)) issues.push({ path: ['actions', i, 'objectiveIds', j], message: `refers to a missing objective "${o}"` });
    }
  }
  ref('campaignLinks', b.campaignLinks, 'actionId', actions, 'action');
  ref('spendEntries', b.spendEntries, 'actionId', actions, 'action');
  ref('resultEntries', b.resultEntries, 'actionId', actions, 'action');
  ref('snapshots', b.snapshots, 'planId', plans, 'plan');
  for (const issue of issues) ctx.addIssue({ code: 'custom', ...issue });
}

/** "actions[3].targets.cpc" — the path users and logs read. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/** The largest backup file Planpilot reads, in characters (50 MB: some 120,000 captures in compact JSON). */
export const MAX_BACKUP_CHARS = 50 * 1024 * 1024;

/**
 * A backup's file text: compact JSON (indentation would make a large backup a third bigger, nearer the limit a
 * restore reads). `fits`: a restore will read it back whole.
 */
export function backupText(backup: Backup): { text: string; fits: boolean; mb: number } {
  const text = JSON.stringify(backup);
  return { text, fits: text.length <= MAX_BACKUP_CHARS, mb: Math.ceil(text.length / 1024 / 1024) };
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string; path: string };

/**
 * Reads a backup file's text: JSON, then format and version, then every field.
 * A refusal names the first bad field, so the user can find it.
 */
export function parseBackup(text: string): ParseResult<Backup> {
  // Refused before JSON.parse: a file this size would hold the page for seconds and its memory many times over.
  if (text.length > MAX_BACKUP_CHARS) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return {
      ok: false,
      path: '',
      error: `this file is too large for a Planpilot backup (${mb(text.length)} MB; the limit is ${mb(MAX_BACKUP_CHARS)} MB)`,
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, path: '', error: `not a JSON file (${(e as Error).message})` };
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, path: 'format', error: 'not a Planpilot backup (format is not "planpilot-backup")' };
  }
  const version = (raw as { version?: unknown }).version;
  if (version !== BACKUP_VERSION) {
    return {
      ok: false,
      path: 'version',
      error: `unknown backup version ${JSON.stringify(version)} (this Planpilot reads version ${BACKUP_VERSION})`,
    };
  }
  const parsed = backupV1Schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const first = parsed.error.issues[0];
  const path = formatPath(first?.path ?? []);
  return { ok: false, path, error: `${path || 'file'}: ${first?.message ?? 'invalid'}` };
}
