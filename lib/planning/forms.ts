/**
 * The editor's forms: what the user typed (strings, in their locale) turned into domain rows, and rows
 * turned back into what an input shows. Validation is the domain's zod schemas (lib/domain), run on the
 * rows these functions build; lib/i18n/zod-errors.ts words their issues.
 */
import type { z } from 'zod';
import {
  type ACTION_STATUSES,
  type Action,
  type CHANNELS,
  dateRange,
  type LEVERS,
  MONEY_KEYS,
  type Objective,
  type Plan,
  type PRIORITIES,
  RATE_KEYS,
  TARGET_KEYS,
  type TargetKey,
  type Targets,
} from '@/lib/domain';

/**
 * A number as typed: "1 500,50" or "1500.5" in French, "1,500.50" in English, with or without a
 * currency or percent sign. `undefined` for an empty input, `NaN` for anything that is not a number
 * (zod then says so, in words).
 */
export function parseDecimal(text: string, locale: string): number | undefined {
  const cleaned = text.replace(/[\s\u00a0\u202f'’]/g, '').replace(/[€$£%×x]|[A-Z]{3}$/gi, '');
  if (cleaned === '') return undefined;
  const decimalComma = decimalSeparator(locale) === ',';
  const lastComma = cleaned.lastIndexOf(',');
  const lastDot = cleaned.lastIndexOf('.');
  let normal: string;
  if (lastComma >= 0 && lastDot >= 0) {
    // Both: the last one is the decimal separator, the other groups thousands.
    normal = lastComma > lastDot ? cleaned.replace(/\./g, '').replace(',', '.') : cleaned.replace(/,/g, '');
  } else if (lastComma >= 0) {
    // "1,500" groups thousands in English; in French a comma is the decimal separator.
    normal = decimalComma || !/^-?\d{1,3}(,\d{3})+$/.test(cleaned) ? cleaned.replace(',', '.') : cleaned.replace(/,/g, '');
  } else {
    normal = cleaned;
  }
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(normal)) return Number.NaN;
  return Number(normal);
}

export function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

/** A number as an input shows it: the locale's decimal separator, no grouping, no trailing zeros. */
export function decimalInput(value: number | undefined, locale: string, maxDigits = 6): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: maxDigits }).format(value);
}

/** How a target is typed: rates as percentages ("4,5" for 4.5 %), ROAS as a multiple, costs as money, volumes as counts. */
export type TargetUnit = 'percent' | 'money' | 'multiple' | 'count';
export function targetUnit(key: TargetKey): TargetUnit {
  if ((RATE_KEYS as readonly string[]).includes(key)) return 'percent';
  if ((MONEY_KEYS as readonly string[]).includes(key)) return 'money';
  return key === 'roas' ? 'multiple' : 'count';
}

/** What an input holds for a stored value (rates are fractions, typed as percentages). */
export function inputValueOf(value: number | undefined, unit: TargetUnit | 'fraction', locale: string): string {
  if (value === undefined) return '';
  return unit === 'percent' || unit === 'fraction' ? decimalInput(value * 100, locale, 4) : decimalInput(value, locale);
}

/** The stored value for what an input holds (percentages back to fractions). */
export function storedValueOf(text: string, unit: TargetUnit | 'fraction', locale: string): number | undefined {
  const value = parseDecimal(text, locale);
  if (value === undefined || Number.isNaN(value)) return value;
  return unit === 'percent' || unit === 'fraction' ? value / 100 : value;
}

// ── Drafts: a form's state, every field as the input holds it ─────────────────────────────────────────

export type PlanDraft = {
  name: string;
  start: string;
  end: string;
  currency: string;
  locale: string;
  /** A percentage ("10" for 0.1). */
  tolerance: string;
  weekStartsOn: string;
  freezeDelayDays: string;
  review: string;
  notes: string;
};

export function planDraftOf(plan: Plan, locale: string): PlanDraft {
  return {
    name: plan.name,
    start: plan.start,
    end: plan.end,
    currency: plan.currency,
    locale: plan.locale,
    tolerance: inputValueOf(plan.tolerance, 'fraction', locale),
    weekStartsOn: String(plan.weekStartsOn),
    freezeDelayDays: plan.freezeDelayDays === undefined ? '' : String(plan.freezeDelayDays),
    review: plan.review,
    notes: plan.notes,
  };
}

/** The row to validate: the stored plan with the draft's fields (numbers still possibly NaN or missing). */
export function planFromDraft(base: Plan, draft: PlanDraft, locale: string): unknown {
  const freeze = parseDecimal(draft.freezeDelayDays, locale);
  return {
    ...base,
    name: draft.name.trim(),
    start: draft.start,
    end: draft.end,
    currency: draft.currency.trim().toUpperCase(),
    locale: draft.locale,
    tolerance: storedValueOf(draft.tolerance, 'fraction', locale),
    weekStartsOn: Number(draft.weekStartsOn),
    freezeDelayDays: freeze,
    review: draft.review,
    notes: draft.notes,
  };
}

export type ObjectiveDraft = { name: string; metric: string; target: string; deadline: string; description: string };

export function objectiveDraftOf(objective: Objective, locale: string): ObjectiveDraft {
  return {
    name: objective.name,
    metric: objective.metric,
    target: decimalInput(objective.target, locale),
    deadline: objective.deadline,
    description: objective.description,
  };
}

export function objectiveFromDraft(base: Objective, draft: ObjectiveDraft, locale: string): unknown {
  return {
    ...base,
    name: draft.name.trim(),
    metric: draft.metric,
    target: parseDecimal(draft.target, locale),
    deadline: draft.deadline,
    description: draft.description,
  };
}

export type ActionDraft = {
  code: string;
  name: string;
  channel: (typeof CHANNELS)[number];
  lever: (typeof LEVERS)[number];
  owner: string;
  start: string;
  end: string;
  priority: (typeof PRIORITIES)[number];
  status: (typeof ACTION_STATUSES)[number];
  budget: string;
  objectiveIds: string[];
  targets: Record<TargetKey, string>;
};

export function targetsDraftOf(targets: Targets, locale: string): Record<TargetKey, string> {
  return Object.fromEntries(TARGET_KEYS.map((k) => [k, inputValueOf(targets[k], targetUnit(k), locale)])) as Record<TargetKey, string>;
}

/** Targets as stored: empty inputs are no target (never 0). */
export function targetsFromDraft(draft: Record<TargetKey, string>, locale: string): Record<string, number> {
  const targets: Record<string, number> = {};
  for (const key of TARGET_KEYS) {
    const value = storedValueOf(draft[key], targetUnit(key), locale);
    if (value !== undefined) targets[key] = value;
  }
  return targets;
}

export function actionDraftOf(action: Action, locale: string): ActionDraft {
  return {
    code: action.code,
    name: action.name,
    channel: action.channel,
    lever: action.lever,
    owner: action.owner,
    start: action.start,
    end: action.end,
    priority: action.priority,
    status: action.status,
    budget: decimalInput(action.budget, locale),
    objectiveIds: [...action.objectiveIds],
    targets: targetsDraftOf(action.targets, locale),
  };
}

export function actionFromDraft(base: Action, draft: ActionDraft, locale: string): unknown {
  return {
    ...base,
    code: draft.code.trim(),
    name: draft.name.trim(),
    channel: draft.channel,
    lever: draft.lever,
    owner: draft.owner.trim(),
    start: draft.start,
    end: draft.end,
    priority: draft.priority,
    status: draft.status,
    budget: parseDecimal(draft.budget, locale),
    objectiveIds: draft.objectiveIds,
    targets: targetsFromDraft(draft.targets, locale),
  };
}

/** Codes must tell actions apart: a code another action of the plan uses is refused (empty codes are allowed). */
export function duplicateCodeIssue(code: string, actionId: string, actions: readonly Action[]): z.core.$ZodIssue | null {
  const trimmed = code.trim();
  if (trimmed === '') return null;
  const other = actions.find((a) => a.id !== actionId && a.code.trim().toLowerCase() === trimmed.toLowerCase());
  return other
    ? { code: 'custom', path: ['code'], message: 'duplicate code', input: trimmed, params: { reason: 'duplicateCode', other: other.name } }
    : null;
}

/**
 * The domain's "ends before it starts" check on a row's dates, on its own: zod runs an object's refinement
 * only once every field is valid, and a user fixing a form wants every problem at once.
 */
export function periodIssue(row: { start?: unknown; end?: unknown }): z.core.$ZodIssue | null {
  const parsed = dateRange.safeParse({ start: row.start, end: row.end });
  if (parsed.success) return null;
  return parsed.error.issues.find((i) => i.code === 'custom' && i.path.join('.') === 'end') ?? null;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: z.core.$ZodIssue[] };

/** Runs a domain schema on a form's row, keeping each issue's input (zod-errors reads it to tell "missing" from "wrong"). */
export function validateRow<S extends z.ZodType>(
  schema: S,
  row: unknown,
  extra: readonly (z.core.$ZodIssue | null)[] = [],
): Validated<z.output<S>> {
  const parsed = schema.safeParse(row, { reportInput: true });
  const more = extra.filter((i): i is z.core.$ZodIssue => i !== null);
  if (parsed.success && more.length === 0) return { ok: true, value: parsed.data };
  const issues = [...(parsed.success ? [] : parsed.error.issues)];
  // A row with dates gets its period checked even when other fields already failed.
  const dated = typeof row === 'object' && row !== null && 'start' in row && 'end' in row ? periodIssue(row) : null;
  if (dated && !issues.some((i) => i.path.join('.') === 'end')) issues.push(dated);
  return { ok: false, issues: [...issues, ...more] };
}

/** Issues by field ("end", "targets.cpc"), the first issue of each field only. */
export function issuesByField(issues: readonly z.core.$ZodIssue[]): Map<string, z.core.$ZodIssue> {
  const byField = new Map<string, z.core.$ZodIssue>();
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    if (!byField.has(field)) byField.set(field, issue);
  }
  return byField;
}
