/**
 * The plan template CSV: one line per action (code, name, channel, owner, dates, budget, targets…) that
 * creates or updates the plan's actions, matched by code. Read with papaparse (`;`, `,` or tab; UTF-8 with
 * or without BOM), previewed, then written in one transaction. Every line that cannot be used is reported
 * with its line number and the reasons, as message keys with parameters (the side panel words them in the
 * user's language); the other lines still go through.
 *
 * Cells: an empty cell leaves the stored value as it is (for a new action: unset). Numbers in French or
 * English writing (`12 000,50`, `12,000.50`); rates as `4,5 %` or as a fraction (`0.045`), and a rate above 1
 * without `%` (`4.5`) is read as a percentage, since a CTR of 450 % is not a thing. Dates `YYYY-MM-DD`, or
 * as the user's spreadsheet writes them (`31/12/2026` in French).
 */
import Papa from 'papaparse';
import {
  ACTION_STATUSES,
  type Action,
  actionSchema,
  CHANNELS,
  LEVERS,
  PRIORITIES,
  RATE_KEYS,
  TARGET_KEYS,
  type TargetKey,
  type Targets,
} from '@/lib/domain';
import type { MessageKey } from '@/lib/i18n/messages';
import { DICTIONARIES } from '@/lib/i18n/messages';
import { parseDecimal } from '@/lib/ledger/numbers';
import { parseDay } from '@/lib/readers/dates';
import { MAX_IMPORT_BYTES, MAX_IMPORT_MB } from './limits';

export const TEMPLATE_FIELDS = [
  'code',
  'name',
  'channel',
  'lever',
  'owner',
  'start',
  'end',
  'priority',
  'status',
  'budget',
  ...TARGET_KEYS,
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/** A reason in words: a message key of lib/i18n/parts/ledger.ts and its parameters. */
export type Issue = { key: MessageKey; params?: Record<string, string | number> };
export type RejectedLine = { line: number; code: string; issues: Issue[] };

/** What one line of the file sets (absent: keep the stored value). */
export type ActionPatch = Partial<Omit<Action, 'id' | 'planId' | 'objectiveIds' | 'schedule' | 'targets'>> & { targets: Targets };

export type TemplateChange = {
  line: number;
  kind: 'create' | 'update';
  /** The action as it will be stored. */
  action: Action;
  /** The stored action it updates. */
  before: Action | null;
  /** Fields whose value changes (every field the line sets, for a new action). */
  changed: string[];
  patch: ActionPatch;
};

export type TemplatePreview =
  | { ok: true; changes: TemplateChange[]; rejected: RejectedLine[]; columns: TemplateField[]; ignoredColumns: string[] }
  | { ok: false; issue: Issue };

/** Header words per field (folded: lower case, no accents), French and English. */
const HEADER_WORDS: Record<TemplateField, string[]> = {
  code: ['code', 'code action', 'action code', 'ref', 'reference'],
  name: ['name', 'nom', 'action', 'libelle', 'intitule', 'action name', "nom de l'action"],
  channel: ['channel', 'canal', 'media'],
  lever: ['lever', 'levier', 'mix', 'p'],
  owner: ['owner', 'responsable', 'pilote', 'proprietaire'],
  start: ['start', 'debut', 'date de debut', 'start date', 'du'],
  end: ['end', 'fin', 'date de fin', 'end date', 'au'],
  priority: ['priority', 'priorite'],
  status: ['status', 'statut', 'etat'],
  budget: ['budget', 'budget ht', 'budget (ht)', 'budget excl. tax', 'budget (excl. tax)', 'budget excluding tax'],
  cpc: ['cpc', 'cpc max', 'max cpc', 'cpc maximum'],
  cpa: ['cpa', 'cpa cible', 'target cpa', 'cpa objectif'],
  cpl: ['cpl', 'cpl cible', 'target cpl', 'cpl objectif'],
  cpm: ['cpm', 'cpm max', 'max cpm'],
  ctr: ['ctr', 'ctr min', 'min ctr', 'ctr minimum'],
  conversionRate: ['conversion rate', 'taux de conversion', 'taux de conversion min', 'min conversion rate', 'conversionrate'],
  openRate: ["taux d'ouverture", "taux d'ouverture min", 'open rate', 'min open rate', 'openrate'],
  clickRate: ['taux de clic', 'taux de clic min', 'click rate', 'min click rate', 'clickrate'],
  roas: ['roas', 'roas min', 'min roas'],
  conversions: ['conversions', 'objectif conversions', 'target conversions'],
  leads: ['leads', 'objectif leads', 'target leads', 'prospects'],
  clicks: ['clicks', 'clics', 'objectif clics', 'target clicks'],
  impressions: ['impressions', 'objectif impressions', 'target impressions'],
};

/** The headers a template written by Planpilot uses. */
const TEMPLATE_HEADERS: Record<TemplateField, { fr: string; en: string }> = {
  code: { fr: 'Code', en: 'Code' },
  name: { fr: 'Nom', en: 'Name' },
  channel: { fr: 'Canal', en: 'Channel' },
  lever: { fr: 'Levier', en: 'Lever' },
  owner: { fr: 'Responsable', en: 'Owner' },
  start: { fr: 'Début', en: 'Start' },
  end: { fr: 'Fin', en: 'End' },
  priority: { fr: 'Priorité', en: 'Priority' },
  status: { fr: 'Statut', en: 'Status' },
  budget: { fr: 'Budget HT', en: 'Budget (excl. tax)' },
  cpc: { fr: 'CPC max', en: 'Max CPC' },
  cpa: { fr: 'CPA cible', en: 'Target CPA' },
  cpl: { fr: 'CPL cible', en: 'Target CPL' },
  cpm: { fr: 'CPM max', en: 'Max CPM' },
  ctr: { fr: 'CTR min', en: 'Min CTR' },
  conversionRate: { fr: 'Taux de conversion min', en: 'Min conversion rate' },
  openRate: { fr: "Taux d'ouverture min", en: 'Min open rate' },
  clickRate: { fr: 'Taux de clic min', en: 'Min click rate' },
  roas: { fr: 'ROAS min', en: 'Min ROAS' },
  conversions: { fr: 'Conversions', en: 'Conversions' },
  leads: { fr: 'Leads', en: 'Leads' },
  clicks: { fr: 'Clics', en: 'Clicks' },
  impressions: { fr: 'Impressions', en: 'Impressions' },
};

/** A field's column header in a template, in `lang`. */
export function templateHeader(field: TemplateField, lang: 'fr' | 'en'): string {
  return TEMPLATE_HEADERS[field][lang];
}

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[\s\u00a0\u202f_]+/g, ' ')
    .replace(/\s*\*$/, '')
    .trim();
}

const FIELD_OF_HEADER = new Map<string, TemplateField>();
for (const field of TEMPLATE_FIELDS) {
  for (const word of [...HEADER_WORDS[field], field.toLowerCase(), TEMPLATE_HEADERS[field].fr, TEMPLATE_HEADERS[field].en]) {
    FIELD_OF_HEADER.set(fold(word), field);
  }
}

/** Words that name a spelling (the stored one, its French and English labels, common aliases). */
function wordsFor<T extends string>(values: readonly T[], prefix: string, aliases: Record<string, T> = {}): Map<string, T> {
  const map = new Map<string, T>();
  for (const value of values) {
    map.set(fold(value), value);
    for (const lang of ['fr', 'en'] as const) {
      const label = (DICTIONARIES[lang] as Record<string, string>)[`${prefix}.${value}`];
      if (label) map.set(fold(label), value);
    }
  }
  for (const [alias, value] of Object.entries(aliases)) map.set(fold(alias), value);
  return map;
}

const CHANNEL_WORDS = wordsFor(CHANNELS, 'channel', {
  google: 'google-ads',
  adwords: 'google-ads',
  'google search': 'google-ads',
  meta: 'meta-ads',
  facebook: 'meta-ads',
  'facebook ads': 'meta-ads',
  instagram: 'meta-ads',
  microsoft: 'microsoft-ads',
  bing: 'microsoft-ads',
  'bing ads': 'microsoft-ads',
  linkedin: 'linkedin-ads',
  tiktok: 'tiktok-ads',
  email: 'emailing',
  'e-mail': 'emailing',
  newsletter: 'emailing',
  salon: 'event',
  'salon professionnel': 'event',
  evenement: 'event',
  'trade show': 'event',
  imprime: 'print',
  autre: 'other',
});
const LEVER_WORDS = wordsFor(LEVERS, 'lever', { communication: 'promotion', distribution: 'place', prix: 'price', produit: 'product' });
const PRIORITY_WORDS = wordsFor(PRIORITIES, 'priority', { haute: 'high', moyenne: 'medium', basse: 'low', normale: 'medium' });
const STATUS_WORDS = wordsFor(ACTION_STATUSES, 'actionStatus', { prevue: 'planned', 'en cours': 'running', terminee: 'done' });

const RATE_FIELDS = new Set<string>(RATE_KEYS);

type Row = { line: number; cells: string[] };

/** Rows with the line of the file each starts on (a quoted cell may span lines). */
function readRows(text: string): { rows: Row[]; delimiter: string } {
  const body = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(body, { delimitersToGuess: [';', ',', '\t', '|'], skipEmptyLines: false });
  const starts = [1];
  let line = 1;
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n') {
      line += 1;
      if (!quoted) starts.push(line);
    }
  }
  const rows = parsed.data.filter((r): r is string[] => Array.isArray(r)).map((cells, i) => ({ line: starts[i] ?? line, cells }));
  return { rows, delimiter: parsed.meta.delimiter };
}

type CellReader = { lang: 'fr' | 'en'; dateLang: string };

function readNumber(text: string, field: TemplateField, header: string, r: CellReader, issues: Issue[]): number | undefined {
  const percent = /%\s*$/.test(text);
  const value = parseDecimal(text, r.lang);
  if (value === null) {
    issues.push({ key: 'import.tpl.err.badNumber', params: { column: header, value: text } });
    return undefined;
  }
  if (value < 0) {
    issues.push({ key: 'import.tpl.err.negative', params: { column: header, value: text } });
    return undefined;
  }
  // 1,1 % is 0.011, not 0.011000000000000001.
  const fraction = (v: number) => Number((v / 100).toPrecision(12));
  if (percent) return fraction(value);
  if (RATE_FIELDS.has(field) && value > 1) return fraction(value);
  return value;
}

function readDate(text: string, header: string, r: CellReader, issues: Issue[]): string | undefined {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : parseDay(text, r.dateLang);
  if (!iso || parseDay(iso, r.dateLang) !== iso) {
    issues.push({ key: 'import.tpl.err.badDate', params: { column: header, value: text } });
    return undefined;
  }
  return iso;
}

function readWord<T extends string>(text: string, words: Map<string, T>, key: MessageKey, header: string, issues: Issue[]): T | undefined {
  const value = words.get(fold(text));
  if (value === undefined) issues.push({ key, params: { column: header, value: text } });
  return value;
}

/** One line → what it sets, or its issues. */
function readLine(
  cells: string[],
  columns: (TemplateField | null)[],
  headers: string[],
  r: CellReader,
): { patch: ActionPatch; issues: Issue[] } {
  const patch: ActionPatch = { targets: {} };
  const issues: Issue[] = [];
  columns.forEach((field, i) => {
    const raw = (cells[i] ?? '').trim();
    if (field === null || raw === '') return;
    const header = headers[i] ?? field;
    // A leading apostrophe kept a spreadsheet from running the cell as a formula (planTemplateCsv writes it).
    const text = raw.replace(/^'(?=[=+\-@])/, '');
    switch (field) {
      case 'code':
        patch.code = text;
        break;
      case 'name':
        patch.name = text;
        break;
      case 'owner':
        patch.owner = text;
        break;
      case 'channel':
        patch.channel = readWord(text, CHANNEL_WORDS, 'import.tpl.err.badChannel', header, issues);
        break;
      case 'lever':
        patch.lever = readWord(text, LEVER_WORDS, 'import.tpl.err.badLever', header, issues);
        break;
      case 'priority':
        patch.priority = readWord(text, PRIORITY_WORDS, 'import.tpl.err.badPriority', header, issues);
        break;
      case 'status':
        patch.status = readWord(text, STATUS_WORDS, 'import.tpl.err.badStatus', header, issues);
        break;
      case 'start':
      case 'end':
        patch[field] = readDate(text, header, r, issues);
        break;
      case 'budget':
        patch.budget = readNumber(text, field, header, r, issues);
        break;
      default: {
        const value = readNumber(text, field, header, r, issues);
        if (value !== undefined) patch.targets[field] = value;
      }
    }
  });
  for (const key of Object.keys(patch) as (keyof ActionPatch)[]) if (patch[key] === undefined) delete patch[key];
  return { patch, issues };
}

/** The action a patch makes: the stored one with the line's values, or a new one with plain defaults. */
export function patchedAction(base: Action | null, patch: ActionPatch, planId: string, id: string): Record<string, unknown> {
  const { targets, ...fields } = patch;
  if (base) return { ...base, ...fields, targets: { ...base.targets, ...targets } };
  return {
    id,
    planId,
    objectiveIds: [],
    lever: 'promotion',
    owner: '',
    priority: 'medium',
    status: 'planned',
    ...fields,
    targets,
  };
}

const REQUIRED_FOR_NEW = ['name', 'channel', 'start', 'end', 'budget'] as const;

/**
 * Reads a template against the plan's stored actions (`existing`, stored order): what each usable line
 * creates or updates, and the lines refused with their reasons. Nothing is written.
 * `locale`: the user's (how their spreadsheet writes dates and numbers).
 */
export function previewPlanTemplate(
  text: string,
  planId: string,
  existing: readonly Action[],
  locale: string,
  newId: () => string,
): TemplatePreview {
  // A character is at least a byte: a text this long came from a file over the bound.
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, issue: { key: 'import.tpl.err.tooLarge', params: { mb: MAX_IMPORT_MB } } };
  const { rows, delimiter } = readRows(text);
  const nonEmpty = rows.filter((row) => row.cells.some((c) => c.trim() !== ''));
  const headerRow = nonEmpty[0];
  if (!headerRow) return { ok: false, issue: { key: 'import.tpl.err.empty' } };
  const headers = headerRow.cells.map((h) => h.trim());
  const columns = headers.map((h) => FIELD_OF_HEADER.get(fold(h)) ?? null);
  if (!columns.includes('code')) return { ok: false, issue: { key: 'import.tpl.err.noCodeColumn', params: { line: headerRow.line } } };
  const seenField = new Set<TemplateField>();
  columns.forEach((field, i) => {
    if (field === null) return;
    if (seenField.has(field)) columns[i] = null; // a second column for the same field is ignored (listed below)
    seenField.add(field);
  });
  const lang: 'fr' | 'en' = delimiter === ';' || locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  const reader: CellReader = { lang, dateLang: locale };

  const byCode = new Map<string, Action[]>();
  for (const a of existing) byCode.set(fold(a.code), [...(byCode.get(fold(a.code)) ?? []), a]);
  const firstLineOf = new Map<string, number>();
  const changes: TemplateChange[] = [];
  const rejected: RejectedLine[] = [];

  for (const row of nonEmpty.slice(1)) {
    if (row.cells.length > headers.length && row.cells.slice(headers.length).some((c) => c.trim() !== '')) {
      rejected.push({
        line: row.line,
        code: row.cells[columns.indexOf('code')]?.trim() ?? '',
        issues: [{ key: 'import.tpl.err.tooManyCells', params: { count: row.cells.length, expected: headers.length } }],
      });
      continue;
    }
    const { patch, issues } = readLine(row.cells, columns, headers, reader);
    const code = patch.code ?? '';
    if (!code) issues.unshift({ key: 'import.tpl.err.missingCode' });
    const first = firstLineOf.get(fold(code));
    if (code && first !== undefined) issues.push({ key: 'import.tpl.err.duplicateCode', params: { code, line: first } });
    const matches = code ? (byCode.get(fold(code)) ?? []) : [];
    if (matches.length > 1) issues.push({ key: 'import.tpl.err.ambiguousCode', params: { code, count: matches.length } });
    const base = matches.length === 1 ? (matches[0] as Action) : null;
    if (code && !base && matches.length === 0) {
      for (const field of REQUIRED_FOR_NEW) {
        if (patch[field] === undefined && !issues.some((i) => i.params?.column === headers[columns.indexOf(field)])) {
          issues.push({ key: 'import.tpl.err.missingForNew', params: { column: columnName(field, headers, columns, locale) } });
        }
      }
    }
    if (issues.length === 0) {
      const candidate = patchedAction(base, patch, planId, base?.id ?? newId());
      const parsed = actionSchema.safeParse(candidate);
      if (parsed.success) {
        firstLineOf.set(fold(code), row.line);
        changes.push({
          line: row.line,
          kind: base ? 'update' : 'create',
          action: parsed.data,
          before: base,
          changed: changedFields(base, parsed.data, patch),
          patch,
        });
        continue;
      }
      const bad = parsed.error.issues[0];
      issues.push(
        bad?.path[0] === 'end'
          ? { key: 'import.tpl.err.endBeforeStart', params: { start: String(candidate.start), end: String(candidate.end) } }
          : { key: 'import.tpl.err.invalid', params: { column: String(bad?.path.join('.') ?? ''), reason: bad?.message ?? '' } },
      );
    }
    if (code && first === undefined) firstLineOf.set(fold(code), row.line);
    rejected.push({ line: row.line, code, issues });
  }
  const ignoredColumns = headers.filter((h, i) => columns[i] === null && h !== '');
  return { ok: true, changes, rejected, columns: columns.filter((c): c is TemplateField => c !== null), ignoredColumns };
}

function columnName(field: TemplateField, headers: string[], columns: (TemplateField | null)[], locale: string): string {
  const i = columns.indexOf(field);
  return i >= 0 ? (headers[i] ?? field) : TEMPLATE_HEADERS[field][locale.toLowerCase().startsWith('fr') ? 'fr' : 'en'];
}

function changedFields(before: Action | null, after: Action, patch: ActionPatch): string[] {
  if (before === null) return [...Object.keys(patch).filter((k) => k !== 'targets'), ...Object.keys(patch.targets)];
  const fields = ['code', 'name', 'channel', 'lever', 'owner', 'start', 'end', 'priority', 'status', 'budget'] as const;
  const out: string[] = fields.filter((f) => before[f] !== after[f]);
  for (const k of TARGET_KEYS) if (after.targets[k] !== before.targets[k]) out.push(k);
  return out;
}

/** The plan's actions as a template file (headers in the user's language, Excel-ready), to edit and import back. */
export function planTemplateCsv(actions: readonly Action[], locale: string): string {
  const fr = locale.toLowerCase().startsWith('fr');
  const lang = fr ? 'fr' : 'en';
  const mark = fr ? ',' : '.';
  const num = (v: number | undefined) => (v === undefined ? '' : String(Number(v.toPrecision(12))).replace('.', mark));
  const rate = (v: number | undefined) => (v === undefined ? '' : `${num(Number((v * 100).toPrecision(12)))} %`);
  const fields = TEMPLATE_FIELDS;
  const data = actions.map((a) =>
    fields.map((f) => {
      switch (f) {
        case 'code':
        case 'name':
        case 'owner':
        case 'channel':
        case 'lever':
        case 'priority':
        case 'status':
        case 'start':
        case 'end':
          return neutralize(a[f]);
        case 'budget':
          return num(a.budget);
        default:
          return RATE_FIELDS.has(f) ? rate(a.targets[f]) : num(a.targets[f as TargetKey]);
      }
    }),
  );
  return `\uFEFF${Papa.unparse({ fields: fields.map((f) => TEMPLATE_HEADERS[f][lang]), data }, { delimiter: fr ? ';' : ',', newline: '\r\n' })}`;
}

/** A text cell a spreadsheet will not run as a formula. */
function neutralize(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
