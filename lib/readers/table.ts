/**
 * From a grid's cells to rows and totals: the layer shared by pages (cells are elements) and exports (cells
 * are strings). Grid discovery (grid.ts, exports.ts) hands over a {@link SourceTable}; this file maps its
 * columns, reads its figures, tells data rows from summary rows and applies the contract's rules on keys.
 */
import type { DateRange } from '../domain/dates';
import { type MetricKey, MONEY_KEYS, RATE_KEYS } from '../domain/metrics';
import type { ConsoleAdapter } from './consoles/types';
import { resolveSymbol } from './currency';
import { parseDay } from './dates';
import type { ExtractionRow } from './extraction';
import { type ColumnPlan, type ColumnRole, type Entity, type PlannedMetric, planColumns, RATE_OF, roleOfHeader } from './headers';
import {
  type DecimalSep,
  decideDecimal,
  type Figure,
  NO_FIGURE,
  newFigure,
  noVotes,
  type Reading,
  readFigure,
  restIsUnit,
  settle,
  type Votes,
} from './numbers';
import { fold, squish, visibleLines, visibleText } from './text';

/** A cell: an element of a page, or a field of an export. */
export type Cell = Element | string;
export type SourceRow = {
  cells: (Cell | undefined)[];
  /** In a footer (`<tfoot>`, a console's footer row group): a summary row whatever its label. */
  footer?: boolean;
  /** The page's row element (its first part, where the row is split over containers): what the live reader tracks. */
  el?: Element;
  /** Every part of a row split over containers (pinned + scrolling), where it is. */
  parts?: Element[];
  /** Its row index attribute (ARIA grids: `aria-rowindex`…), which joins the parts of a split row. */
  index?: string | null;
  /** Its tree level (`aria-level`), when a tree grid gives one: only the top level is read (grid.ts). */
  level?: number | null;
};
export type SourceTable = {
  headers: string[];
  /** Stable hooks naming each column (Google's `essfield`), where the page has them. */
  hooks: (string | null)[];
  rows: SourceRow[];
  /** The element holding the grid (facts such as the date range are looked for outside it). */
  root: Element | null;
  /** How the page built it: an HTML table, an ARIA grid, cells keyed by a column attribute, record cards. */
  kind?: 'table' | 'aria' | 'keyed' | 'cards';
};

export type Metrics = Partial<Record<MetricKey, number>>;
export type Assembled = {
  rows: ExtractionRow[];
  totals: Metrics | null;
  currency: string | null;
  account: string | null;
  dateRange: DateRange | null;
};

export type AssembleOptions = {
  adapter: ConsoleAdapter | null;
  lang: string | null;
  /** An export: rates without `%` may be percent units (Meta), names are kept exactly as written. */
  fromExport?: boolean;
};

// ── cells ──

export function cellText(c: Cell | undefined): string {
  if (c === undefined) return '';
  return typeof c === 'string' ? c : (c.textContent ?? '');
}

function cellLines(c: Cell | undefined): string[] {
  if (c === undefined) return [];
  if (typeof c === 'string') {
    const t = c.trim();
    return t ? [t] : [];
  }
  return visibleLines(c, { skipControls: true });
}

/**
 * The name as the user reads it (a link's text first; else the first line without controls) and the link.
 * `inherited`: the address is a `role=link`'s enclosing `<a href>`, which may stand outside the cell.
 */
export function cellIdentity(c: Cell | undefined, exact = false): { name: string; href: string | null; inherited?: boolean } {
  if (c === undefined) return { name: '', href: null };
  if (typeof c === 'string') return { name: exact ? c : squish(c), href: null };
  const first = c.firstElementChild;
  const link = firstLink(c, first);
  if (link) {
    // A plain link (text only) is read in one go; one with markup inside, as the user reads it.
    const name = link.firstElementChild === null ? squish(link.textContent ?? '') : visibleText(link);
    if (name) {
      const own = link.getAttribute('href');
      return own !== null ? { name, href: own } : { name, href: link.closest('a[href]')?.getAttribute('href') ?? null, inherited: true };
    }
  }
  if (first === null) return { name: squish(c.textContent ?? ''), href: null };
  const name = visibleLines(c, { skipControls: true })[0] ?? visibleLines(c)[0] ?? '';
  return { name, href: null };
}

/**
 * The cell's first link the user can read (`a[href]` or `role=link`), searched depth first by hand: the name
 * cell of each of thousands of rows, so no selector engine. Hidden parts and buttons are not searched.
 */
function firstLink(el: Element, first: Element | null = el.firstElementChild): Element | null {
  const tag = el.tagName;
  if ((tag === 'A' || tag === 'a') && el.hasAttribute('href')) return el;
  if (el.getAttribute('role') === 'link') return el;
  for (let c = first; c; c = c.nextElementSibling) {
    if (
      c.getAttribute('aria-hidden') === 'true' ||
      c.hasAttribute('hidden') ||
      c.getAttribute('role') === 'button' ||
      c.tagName.toUpperCase() === 'BUTTON'
    )
      continue;
    const found = firstLink(c);
    if (found) return found;
  }
  return null;
}

/**
 * A cell's figure: its text read in one go (textContent), and only when words are left over (a sub-label, a
 * hidden helper) its visible lines, whose first carries the figure. `null` and `NO_FIGURE` both mean "no figure".
 */
function figureOf(c: Cell | undefined, into?: Figure): Reading {
  if (c === undefined) return NO_FIGURE;
  const f = readFigure(cellText(c), into);
  if (f === NO_FIGURE || (f !== null && f.rest === '')) return f;
  if (typeof c !== 'string') {
    const g = readFigure(cellLines(c)[0] ?? '', into);
    if (g === NO_FIGURE || g === null) return g;
    return restIsUnit(g.rest) ? g : null;
  }
  return f !== null && restIsUnit(f.rest) ? f : null;
}

// ── ids ──

/** Query parameters and path segments that carry a row's id, per entity. */
const ID_PARAM: Record<Exclude<Entity, 'any'>, RegExp> = {
  campaign: /[?&#](?:campaignId|campaign_id|campaignid|selected_campaign_ids|campaign)=([\w-]+)/,
  adgroup: /[?&#](?:adGroupId|adgroupid|ad_group_id|adsetId|adset_id|selected_adset_ids|adgroup_id)=([\w-]+)/,
  ad: /[?&#](?:adId|ad_id|creativeId|selected_ad_ids)=([\w-]+)/,
};
const ID_PATH: Record<Exclude<Entity, 'any'>, RegExp> = {
  campaign: /\/campaigns?\/([\w-]*\d[\w-]*)(?:[/?#]|$)/i,
  adgroup: /\/(?:ad-?groups?|ad-?sets?)\/(\d+)(?:[/?#]|$)/i,
  ad: /\/(?:ads|creatives)\/(\d+)(?:[/?#]|$)/i,
};

/** The id a row's link carries: `campaignId=` or `/campaigns/ID/` (the ad group's for a row of ad groups). */
export function idFromHref(href: string | null, entity: Entity = 'campaign'): string | null {
  if (!href) return null;
  const which = entity === 'any' ? 'campaign' : entity;
  return ID_PARAM[which].exec(href)?.[1] ?? ID_PATH[which].exec(href)?.[1] ?? null;
}

// ── summary rows ──

const TOTAL_WORD =
  /^(?:grand |sub-?)?(?:total|totals|totaux|totale|totali|gesamt|gesamtsumme|insgesamt|summe|totaal|suma|sum|overall)(?=$|[\s:：\-–(])/;
const TOTAL_TAIL =
  /^(?:\s*$|\s*[:：\-–(]|\s+(?:all|alle|alles|tous|toutes|todas|todos|tutte|tutti|campaigns?|campagnes?|kampagnen?|campanas?|campanhas?|campagne|account|compte|konto|cuenta|conta|de|des|du|der|of|van|di|da)\b)/;
const RESULTS_FROM = /^(?:results|resultats|ergebnisse|resultados|risultati|resultaten)\s+(?:from|de|aus|von|di|da|van)\s+\d+/;
const NO_DATA =
  /^(?:no data|no results|nothing to show|no campaigns|aucune donnee|aucun resultat|keine daten|keine ergebnisse|sin datos|no hay datos|nessun dato|nessun risultato|sem dados|nenhum resultado|geen gegevens|geen resultaten)/;

/** Is this label a summary row's (`Total: Campaigns`, `Gesamt`, `Results from 6 campaigns`)? */
export function isSummaryLabel(label: string): boolean {
  const f = fold(label);
  const m = TOTAL_WORD.exec(f);
  if (m) return TOTAL_TAIL.test(f.slice(m[0].length));
  return RESULTS_FROM.test(f);
}

/**
 * How surely a summary row totals the whole grid: 3 for `Total`, `Total: Campaigns`, `Total: all campaigns`,
 * `Results from 6 campaigns` or an unnamed total row; 2 for the account; 1 for a part (`Total: Search`).
 */
export function summaryScope(label: string): number {
  const f = fold(label);
  if (f === '' || RESULTS_FROM.test(f)) return 3;
  const m = TOTAL_WORD.exec(f);
  const rest = m ? f.slice(m[0].length).replace(/^[\s:：\-–(]+/, '') : f;
  if (rest === '') return 3;
  if (/\b(?:all|alle|alles|tous|toutes|todas|todos|tutte|tutti)\b/.test(rest)) return 3;
  if (/\b(?:campaigns|campagnes|kampagnen|campanas|campagne|campanhas)\b/.test(rest)) return 3;
  if (/\b(?:account|compte|konto|cuenta|conta|customer|client)\b/.test(rest)) return 2;
  if (/\b(?:campaign|kampagne|campana|campanha)\b/.test(rest)) return 2;
  return 1;
}

// ── planning ──

/** Roles of a table's columns: a stable hook first (via the adapter), then the header's words. */
export function rolesOf(table: SourceTable, adapter: ConsoleAdapter | null): (ColumnRole | null)[] {
  return table.headers.map((h, i) => {
    const hook = table.hooks[i];
    return (hook && adapter?.hookRole?.(hook)) || roleOfHeader(h);
  });
}

export function planTable(table: SourceTable, adapter: ConsoleAdapter | null): ColumnPlan {
  const plan = planColumns(table.headers, rolesOf(table, adapter), adapter?.email ?? null);
  if (plan.name === null) plan.name = guessNameColumn(table, plan);
  return plan;
}

/** No header says "campaign": the first column whose cells are mostly words (not figures) holds the names. */
function guessNameColumn(table: SourceTable, plan: ColumnPlan): number | null {
  const used = new Set(plan.metrics.flatMap((m) => m.cols));
  const sample = table.rows.slice(0, 20);
  if (sample.length === 0) return null;
  for (let col = 0; col < table.headers.length; col++) {
    if (used.has(col)) continue;
    let words = 0;
    for (const row of sample) {
      const t = squish(cellText(row.cells[col]));
      if (t && readFigure(t) === null) words++;
    }
    if (words >= Math.ceil(sample.length / 2)) return col;
  }
  return null;
}

// ── assembling ──
//
// In two steps, so the content script's incremental reader (incremental.ts) can redo only the second: each row
// is read once into a {@link RowReading} (its figures in a {@link FigureStore}), then {@link combine} takes the
// column-level decisions (decimal separators, percent units, the currency) from those readings and builds the
// rows and totals. {@link assemble} does both for a whole table.

const DASHES = /^[-–—]+$/;
const NO_IDENTITY: { name: string; href: string | null; inherited?: boolean } = { name: '', href: null };
/** Cheap tests before folding a label (NFD) on every row. */
const MAYBE_TOTAL = /^\s*(?:grand|sub|tot|gesamt|summe|insgesamt|suma|sum|overall|r[eé]sult|ergebnis|risultat)/i;
const MAYBE_NO_DATA = /^\s*(?:no |nothing|aucun|keine|sin |no hay|nessun|sem |nenhum|geen )/i;
/** The letters MAYBE_TOTAL's and MAYBE_NO_DATA's words start with. */
const TOTAL_FIRSTS = 'gstiore';
const NO_DATA_FIRSTS = 'naksg';

/**
 * Could a test anchored at the start, whose words begin with one of `firsts`, match this text? Its first
 * character says no for nearly every name, without running the expression (thousands of rows). A space or a
 * character outside ASCII leaves it to the expression.
 */
function mayStart(text: string, firsts: string): boolean {
  let c = text.charCodeAt(0);
  if (c >= 65 && c <= 90) c += 32;
  if (c >= 97 && c <= 122) return firsts.includes(String.fromCharCode(c));
  return c <= 32 || c >= 128;
}

/** DASHES, after a look at the first character. */
const isDashes = (text: string) => {
  const c = text.charCodeAt(0);
  return (c === 45 || c === 0x2013 || c === 0x2014) && DASHES.test(text);
};
const RATE_SET = new Set<string>(RATE_KEYS);
const MONEY_SET = new Set<string>(MONEY_KEYS);
/** Counts never have fractions: an ambiguous `1,234` there groups thousands. */
const INTEGER_KEYS = new Set<string>([
  'impressions',
  'reach',
  'clicks',
  'linkClicks',
  'leads',
  'sent',
  'delivered',
  'opens',
  'unsubscribes',
  'bounces',
]);

// Per cell, figures are kept in typed arrays (a 5,000-row grid allocates no object per cell).
const SHOWN = 1;
const PERCENT = 2;
const AMBIGUOUS_DOT = 4;
const AMBIGUOUS_COMMA = 8;
const SECOND = 16;
/** The decimal separator the figure proves (`1,5`, `1.234.567`). */
const VOTE_DOT = 32;
const VOTE_COMMA = 64;

function settled(value: number, alt: number, flags: number, decimal: DecimalSep | null): number {
  return (decimal === '.' && flags & AMBIGUOUS_DOT) || (decimal === ',' && flags & AMBIGUOUS_COMMA) ? alt : value;
}

/** Currency tokens as small integers (a figure's token is one of CURRENCY_TOKENS: the table stays small). */
const TOKEN_IDS = new Map<string, number>();
const TOKENS: string[] = [''];
let lastToken = '';
let lastId = 0;
function tokenId(token: string): number {
  if (token === lastToken) return lastId;
  lastToken = token;
  let id = TOKEN_IDS.get(token);
  if (id === undefined) {
    id = TOKENS.length;
    TOKENS.push(token);
    TOKEN_IDS.set(token, id);
  }
  lastId = id;
  return id;
}

/** A "No data" line: nothing read, nothing counted. */
export const ROW_SKIPPED = 0;
/** Unnamed and no summary: its figures count as evidence for its columns, the row itself is left out. */
export const ROW_EVIDENCE = 1;
/** A data row or a summary row. */
export const ROW_KEPT = 2;

/** One row read: its figures sit in a {@link FigureStore} from `at`; what else the output needs is here. */
export type RowReading = {
  kind: typeof ROW_SKIPPED | typeof ROW_EVIDENCE | typeof ROW_KEPT;
  at: number;
  name: string;
  id: string | null;
  label: string;
  summary: boolean;
  isLead: boolean;
  /** Squished texts of the plan's fact columns (currency, account, report start and end), in {@link RowReader.factCols} order. */
  facts: string[] | null;
  /** Read beyond its cells (a link's address from an enclosing `<a href>`): never kept across a structural change. */
  beyond: boolean;
  /** The row as last output and the column decisions it was built under: reused while they hold. */
  out: ExtractionRow | null;
  outKey: string;
};

type Arrays = { values: Float64Array; alts: Float64Array; flags: Uint8Array; currency: Uint16Array };
/**
 * The arrays of a store no longer in use, for the next one: a 5,000-row grid takes a megabyte, and fresh memory
 * (zeroed, its pages touched for the first time) costs more in the browser than reading the figures into it. A
 * reused array holds old figures: a row read writes the flags of all its slots, and nothing but a shown
 * figure's slots is ever read.
 */
let spare: Arrays | null = null;

/** The figures of many rows, `slots` per row, in typed arrays. */
export class FigureStore {
  values: Float64Array;
  alts: Float64Array;
  flags: Uint8Array;
  /** The currency token of a money figure: an index in TOKENS, 0 for none. */
  currency: Uint16Array;
  /** Second figures (`5 127 (41,7 %)`), by slot. */
  readonly seconds = new Map<number, Figure>();
  size = 0;

  constructor(
    readonly slots: number,
    rows: number,
  ) {
    const n = Math.max(1, slots * rows);
    const kept = spare;
    if (kept && kept.flags.length >= n) {
      spare = null;
      this.values = kept.values;
      this.alts = kept.alts;
      this.flags = kept.flags;
      this.currency = kept.currency;
    } else {
      this.values = new Float64Array(n);
      this.alts = new Float64Array(n);
      this.flags = new Uint8Array(n);
      this.currency = new Uint16Array(n);
    }
  }

  /** Hands the arrays over to the next store: this one and the readings in it are not used again. */
  release(): void {
    if (!spare || spare.flags.length < this.flags.length) {
      spare = { values: this.values, alts: this.alts, flags: this.flags, currency: this.currency };
    }
    this.seconds.clear();
  }

  /** Room for one more row: its first slot. */
  alloc(): number {
    const at = this.size;
    if (at + this.slots > this.flags.length) this.grow(Math.max(2 * this.flags.length, at + this.slots));
    this.size += this.slots;
    return at;
  }

  /** A row's figures copied from another store (a reading kept when the grid is found again): its first slot here. */
  adopt(from: FigureStore, at: number): number {
    const to = this.alloc();
    const end = at + this.slots;
    this.values.set(from.values.subarray(at, end), to);
    this.alts.set(from.alts.subarray(at, end), to);
    this.flags.set(from.flags.subarray(at, end), to);
    this.currency.set(from.currency.subarray(at, end), to);
    for (let i = at; i < end; i++) {
      const second = (from.flags[i] as number) & SECOND ? from.seconds.get(i) : undefined;
      if (second) this.seconds.set(to + i - at, second);
    }
    return to;
  }

  private grow(n: number): void {
    const values = new Float64Array(n);
    const alts = new Float64Array(n);
    const flags = new Uint8Array(n);
    const currency = new Uint16Array(n);
    values.set(this.values);
    alts.set(this.alts);
    flags.set(this.flags);
    currency.set(this.currency);
    this.values = values;
    this.alts = alts;
    this.flags = flags;
    this.currency = currency;
  }
}

/** Reads rows of one table under one column plan. */
export class RowReader {
  /** One slot per column read (a sum of parts reads several columns for one key). */
  readonly slots: number;
  readonly slotCol: number[] = [];
  readonly slotMetric: number[] = [];
  readonly firstSlot: number[];
  /** The columns whose text is a page fact when every row agrees (currency, account, report start and end). */
  readonly factCols: number[];
  private readonly exact: boolean;
  private readonly isMoney: boolean[];
  private readonly isRate: boolean[];
  private readonly counterpart: (MetricKey | null)[];
  private readonly planned: Set<MetricKey>;
  private readonly resultsIndex: number;
  private readonly scratch = newFigure();

  constructor(
    readonly plan: ColumnPlan,
    readonly opts: AssembleOptions,
  ) {
    plan.metrics.forEach((m, k) => {
      for (const col of m.cols) {
        this.slotCol.push(col);
        this.slotMetric.push(k);
      }
    });
    this.slots = this.slotCol.length;
    this.firstSlot = plan.metrics.map((_, k) => this.slotMetric.indexOf(k));
    this.factCols = [...new Set([plan.currency, plan.account, plan.reportStart, plan.reportEnd])].filter((c) => c !== null);
    this.exact = opts.fromExport === true;
    this.isMoney = plan.metrics.map((m) => MONEY_SET.has(m.key));
    this.isRate = plan.metrics.map((m) => RATE_SET.has(m.key));
    this.planned = new Set(plan.metrics.map((m) => m.key));
    this.counterpart = plan.metrics.map((m) => {
      const rate = m.key === 'clicks' ? (plan.email ? 'clickRate' : 'ctr') : (RATE_OF[m.key] ?? null);
      return rate && !this.planned.has(rate) ? rate : null;
    });
    this.resultsIndex = plan.metrics.findIndex((m) => m.key === 'results');
  }

  /** Reads one row into `store` from slot `at` (a row read again overwrites its own slots). */
  read(row: SourceRow, store: FigureStore, at: number): RowReading {
    const { plan, exact } = this;
    const cells = row.cells;
    const facts = this.factCols.length === 0 ? null : this.factCols.map((col) => squish(cellText(cells[col])));
    const identity = plan.name === null ? NO_IDENTITY : cellIdentity(cells[plan.name], exact);
    const name = identity.name;
    const nameText = exact ? squish(name) : name;
    const unnamed = nameText === '' || isDashes(nameText);
    const label = unnamed ? firstLabel(cells) : nameText;
    const reading: RowReading = {
      kind: ROW_SKIPPED,
      at,
      name,
      id: null,
      label,
      summary: false,
      isLead: false,
      facts,
      beyond: identity.inherited === true,
      out: null,
      outKey: '',
    };
    const S = this.slots;
    const { values, alts, flags, currency, seconds } = store;
    if (
      label !== '' &&
      mayStart(label, NO_DATA_FIRSTS) &&
      MAYBE_NO_DATA.test(label) &&
      NO_DATA.test(fold(label)) &&
      filledCells(cells) <= 2
    ) {
      for (let i = at; i < at + S; i++) {
        if ((flags[i] as number) & SECOND) seconds.delete(i);
        flags[i] = 0;
      }
      return reading;
    }
    let hasFigure = false;
    for (let slot = 0; slot < S; slot++) {
      const i = at + slot;
      if ((flags[i] as number) & SECOND) seconds.delete(i);
      const f = figureOf(cells[this.slotCol[slot] as number], this.scratch);
      if (f === null || f === NO_FIGURE) {
        flags[i] = 0;
        continue;
      }
      hasFigure = true;
      values[i] = f.value;
      alts[i] = f.alt;
      flags[i] =
        SHOWN |
        (f.percent ? PERCENT : 0) |
        (f.ambiguous === '.' ? AMBIGUOUS_DOT : f.ambiguous === ',' ? AMBIGUOUS_COMMA : 0) |
        (f.secondary ? SECOND : 0) |
        (f.vote === '.' ? VOTE_DOT : f.vote === ',' ? VOTE_COMMA : 0);
      if (f.secondary) seconds.set(i, f.secondary);
      currency[i] = f.currency !== null && this.isMoney[this.slotMetric[slot] as number] ? tokenId(f.currency) : 0;
    }
    const summary =
      row.footer === true || (mayStart(label, TOTAL_FIRSTS) && MAYBE_TOTAL.test(label) && isSummaryLabel(label)) || (unnamed && hasFigure);
    if (unnamed && !summary) {
      reading.kind = ROW_EVIDENCE;
      return reading;
    }
    const leadType = this.opts.adapter?.leadResultType ?? null;
    if (leadType) {
      const typeText =
        plan.resultType !== null
          ? cellText(cells[plan.resultType])
          : this.resultsIndex >= 0
            ? cellLines(cells[plan.metrics[this.resultsIndex]?.cols[0] as number])
                .slice(1)
                .join(' ')
            : '';
      reading.isLead = leadType.test(typeText);
    }
    const idText = plan.id !== null ? squish(cellText(cells[plan.id])) : '';
    reading.id = idText && !isDashes(idText) ? idText : idFromHref(identity.href, plan.nameEntity);
    reading.kind = ROW_KEPT;
    reading.summary = summary;
    return reading;
  }

  /** A kept row's metrics under the column decisions. */
  metricsOf(store: FigureStore, reading: RowReading, decimals: (DecimalSep | null)[], percentUnits: boolean[]): Metrics {
    const { plan } = this;
    const { values, alts, flags, seconds } = store;
    const metrics: Metrics = {};
    for (let k = 0; k < plan.metrics.length; k++) {
      const m = plan.metrics[k] as PlannedMetric;
      const decimal = decimals[k] ?? null;
      const base = reading.at + (this.firstSlot[k] as number);
      if (m.cols.length > 1) {
        // A sum of parts (hard + soft bounces) only when every part shows a figure.
        let sum: number | null = 0;
        for (let n = 0; n < m.cols.length && sum !== null; n++) {
          const fl = flags[base + n] as number;
          sum = !(fl & SHOWN) || fl & PERCENT ? null : sum + settled(values[base + n] as number, alts[base + n] as number, fl, decimal);
        }
        if (sum !== null) metrics[m.key] = sum;
        continue;
      }
      const fl = flags[base] as number;
      if (!(fl & SHOWN)) continue;
      const value = settled(values[base] as number, alts[base] as number, fl, decimal);
      if (this.isRate[k]) {
        metrics[m.key] = fl & PERCENT || !percentUnits[k] ? value : scaled(value, -2);
        continue;
      }
      const rate = this.counterpart[k] ?? null;
      if (fl & PERCENT && m.key !== 'roas') {
        // A percentage in a volume's column is that volume's rate (Mailchimp's "Opens 27.8 %").
        if (rate && metrics[rate] === undefined) metrics[rate] = value;
        continue;
      }
      metrics[m.key] = value;
      const second = fl & SECOND ? seconds.get(base) : undefined;
      if (second?.percent && rate) metrics[rate] = settle(second, decimal);
    }
    if (reading.isLead && metrics.results !== undefined) {
      if (!this.planned.has('leads')) metrics.leads = metrics.results;
      if (!this.planned.has('cpl') && metrics.costPerResult !== undefined) metrics.cpl = metrics.costPerResult;
    }
    return metrics;
  }
}

/** Reads a whole table: every row, then the column decisions. */
export function assemble(table: SourceTable, plan: ColumnPlan, opts: AssembleOptions): Assembled {
  const reader = new RowReader(plan, opts);
  const store = new FigureStore(reader.slots, table.rows.length);
  const readings: RowReading[] = [];
  for (const row of table.rows) readings.push(reader.read(row, store, store.alloc()));
  const read = combine(readings, store, reader);
  store.release();
  return read;
}

/**
 * The rows and totals of rows already read, in their order: each column's decimal separator settled once from
 * the evidence of the whole column, rates in percent units found, the currency tallied. A kept row whose output
 * was built under the same decisions is not built again.
 */
export function combine(readings: readonly RowReading[], store: FigureStore, reader: RowReader): Assembled {
  const { plan, opts } = reader;
  const { adapter, lang } = opts;
  const S = reader.slots;
  const { values, alts, flags, currency, seconds } = store;
  const colVotes: Votes[] = plan.metrics.map(() => noVotes());
  const gridVotes = noVotes();
  const tokenCount: number[] = [];
  const tokenOrder: number[] = [];
  let kept = 0;
  for (const r of readings) {
    if (r.kind === ROW_SKIPPED) continue;
    if (r.kind === ROW_KEPT) kept++;
    for (let i = r.at; i < r.at + S; i++) {
      const fl = flags[i] as number;
      if (fl & (VOTE_DOT | VOTE_COMMA | SECOND)) {
        const votes = colVotes[reader.slotMetric[i - r.at] as number] as Votes;
        if (fl & VOTE_DOT) {
          votes.dot++;
          gridVotes.dot++;
        } else if (fl & VOTE_COMMA) {
          votes.comma++;
          gridVotes.comma++;
        }
        const second = fl & SECOND ? seconds.get(i) : undefined;
        if (second?.vote === '.') {
          votes.dot++;
          gridVotes.dot++;
        } else if (second?.vote === ',') {
          votes.comma++;
          gridVotes.comma++;
        }
      }
      const c = currency[i] as number;
      if (c !== 0 && fl & SHOWN) {
        if (tokenCount[c] === undefined) {
          tokenCount[c] = 1;
          tokenOrder.push(c);
        } else tokenCount[c]++;
      }
    }
  }
  const decimals = plan.metrics.map((m, k) =>
    decideDecimal(colVotes[k] as Votes, { integer: INTEGER_KEYS.has(m.key), grid: gridVotes, lang }),
  );
  // Rates printed without `%`: Meta's exports write percent units; elsewhere a value above 1 gives it away.
  const percentUnits = plan.metrics.map((m, k) => {
    if (!RATE_SET.has(m.key)) return false;
    if (opts.fromExport && adapter?.exportRatesInPercentUnits) return true;
    let anyPercent = false;
    let above = false;
    for (const r of readings) {
      if (r.kind !== ROW_KEPT) continue;
      const at = r.at + (reader.firstSlot[k] as number);
      const fl = flags[at] as number;
      if (!(fl & SHOWN)) continue;
      if (fl & PERCENT) anyPercent = true;
      else if (Math.abs(settled(values[at] as number, alts[at] as number, fl, decimals[k] ?? null)) > 1) above = true;
    }
    return !anyPercent && above;
  });
  const key = `${decimals.join('|')}/${percentUnits.join('|')}`;

  const rows: ExtractionRow[] = [];
  let totals: { scope: number; metrics: Metrics } | null = null;
  for (const r of readings) {
    if (r.kind !== ROW_KEPT) continue;
    if (r.summary) {
      const metrics = reader.metricsOf(store, r, decimals, percentUnits);
      const scope = isSummaryLabel(r.label) ? summaryScope(r.label) : 3;
      if (Object.keys(metrics).length > 0 && (!totals || scope > totals.scope)) totals = { scope, metrics };
      continue;
    }
    if (r.out === null || r.outKey !== key) {
      r.out = { campaign: { id: r.id, name: r.name }, metrics: reader.metricsOf(store, r, decimals, percentUnits) };
      r.outKey = key;
    }
    rows.push(r.out);
  }

  const tally = new Map<string, number>();
  for (const c of tokenOrder) {
    const iso = resolveSymbol(TOKENS[c] as string, lang);
    if (iso) tally.set(iso, (tally.get(iso) ?? 0) + (tokenCount[c] as number));
  }
  const fact = (col: number | null) => (col === null ? null : uniform(readings, reader.factCols.indexOf(col)));
  return {
    rows,
    totals: (totals as { metrics: Metrics } | null)?.metrics ?? null,
    currency: currencyOf(plan, fact(plan.currency), kept, tally),
    account: fact(plan.account),
    dateRange: reportRange(fact(plan.reportStart), fact(plan.reportEnd), lang),
  };
}

/** A value moved by `shift` powers of ten, exactly (`1.5117689881` % units → 0.015117689881). */
function scaled(v: number, shift: number): number {
  const [mantissa = '0', exp = '0'] = v.toExponential().split('e');
  return Number(`${mantissa}e${Number(exp) + shift}`);
}

function filledCells(cells: (Cell | undefined)[]): number {
  let n = 0;
  for (const c of cells) if (c !== undefined && squish(cellText(c)) !== '') n++;
  return n;
}

function firstLabel(cells: (Cell | undefined)[]): string {
  for (let i = 0; i < Math.min(cells.length, 3); i++) {
    const t = squish(cellText(cells[i]));
    if (t && !DASHES.test(t)) return t;
  }
  return '';
}

/** A column whose data rows all say the same thing (the currency code, the account) gives a page fact. */
function uniform(readings: readonly RowReading[], index: number): string | null {
  let value: string | null = null;
  for (const r of readings) {
    const t = r.facts?.[index] ?? '';
    if (!t || DASHES.test(t)) continue;
    if (value === null) value = t;
    else if (value !== t) return null;
  }
  return value;
}

function currencyOf(plan: ColumnPlan, column: string | null, rowCount: number, tally: Map<string, number>): string | null {
  const fromColumn = column?.toUpperCase();
  if (fromColumn && /^[A-Z]{3}$/.test(fromColumn)) return fromColumn;
  const fromHeader = plan.metrics.find((m) => m.currency && MONEY_SET.has(m.key))?.currency;
  if (fromHeader) return fromHeader;
  if (rowCount === 0) return null;
  let best: string | null = null;
  let most = 0;
  for (const [iso, n] of tally) {
    if (n > most) {
      best = iso;
      most = n;
    }
  }
  return best;
}

/** Meta's `Reporting starts`/`Reporting ends`, when every row shares them. */
function reportRange(start: string | null, end: string | null, lang: string | null): DateRange | null {
  if (!start || !end) return null;
  const s = parseDay(start, lang);
  const e = parseDay(end, lang);
  return s && e && s <= e ? { start: s, end: e } : null;
}
