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
  addVote,
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
};
export type SourceTable = {
  headers: string[];
  /** Stable hooks naming each column (Google's `essfield`), where the page has them. */
  hooks: (string | null)[];
  rows: SourceRow[];
  /** The element holding the grid (facts such as the date range are looked for outside it). */
  root: Element | null;
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

/** The name as the user reads it (a link's text first; else the first line without controls) and the link. */
export function cellIdentity(c: Cell | undefined, exact = false): { name: string; href: string | null } {
  if (c === undefined) return { name: '', href: null };
  if (typeof c === 'string') return { name: exact ? c : squish(c), href: null };
  const link = firstLink(c);
  if (link) {
    // A plain link (text only) is read in one go; one with markup inside, as the user reads it.
    const name = link.firstElementChild === null ? squish(link.textContent ?? '') : visibleText(link);
    if (name) return { name, href: link.getAttribute('href') ?? link.closest('a[href]')?.getAttribute('href') ?? null };
  }
  if (c.firstElementChild === null) return { name: squish(c.textContent ?? ''), href: null };
  const name = visibleLines(c, { skipControls: true })[0] ?? visibleLines(c)[0] ?? '';
  return { name, href: null };
}

/**
 * The cell's first link the user can read (`a[href]` or `role=link`), searched depth first by hand: the name
 * cell of each of thousands of rows, so no selector engine. Hidden parts and buttons are not searched.
 */
function firstLink(el: Element): Element | null {
  const tag = el.tagName;
  if ((tag === 'A' || tag === 'a') && el.hasAttribute('href')) return el;
  if (el.getAttribute('role') === 'link') return el;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
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

type Work = {
  name: string;
  id: string | null;
  label: string;
  summary: boolean;
  isLead: boolean;
};

const DASHES = /^[-–—]+$/;
const NO_IDENTITY = { name: '', href: null };
/** Cheap tests before folding a label (NFD) on every row. */
const MAYBE_TOTAL = /^\s*(?:grand|sub|tot|gesamt|summe|insgesamt|suma|sum|overall|r[eé]sult|ergebnis|risultat)/i;
const MAYBE_NO_DATA = /^\s*(?:no |nothing|aucun|keine|sin |no hay|nessun|sem |nenhum|geen )/i;
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

function settled(value: number, alt: number, flags: number, decimal: DecimalSep | null): number {
  return (decimal === '.' && flags & AMBIGUOUS_DOT) || (decimal === ',' && flags & AMBIGUOUS_COMMA) ? alt : value;
}

export function assemble(table: SourceTable, plan: ColumnPlan, opts: AssembleOptions): Assembled {
  const { adapter, lang } = opts;
  const exact = opts.fromExport === true;
  const nameCol = plan.name;
  const leadType = adapter?.leadResultType ?? null;
  const resultsIndex = plan.metrics.findIndex((m) => m.key === 'results');
  // One slot per column read (a sum of parts reads several columns for one key).
  const slotCol: number[] = [];
  const slotMetric: number[] = [];
  plan.metrics.forEach((m, k) => {
    for (const col of m.cols) {
      slotCol.push(col);
      slotMetric.push(k);
    }
  });
  const S = slotCol.length;
  const R = table.rows.length;
  const values = new Float64Array(R * S);
  const alts = new Float64Array(R * S);
  const flags = new Uint8Array(R * S);
  const seconds = new Map<number, Figure>();
  const colVotes: Votes[] = plan.metrics.map(() => noVotes());
  const gridVotes = noVotes();
  const isMoney = plan.metrics.map((m) => MONEY_SET.has(m.key));
  const isoOf = new Map<string, string | null>();
  const currencyTally = new Map<string, number>();
  const scratch = newFigure();
  const works: Work[] = [];

  for (const row of table.rows) {
    const cells = row.cells;
    const identity = nameCol === null ? NO_IDENTITY : cellIdentity(cells[nameCol], exact);
    const name = identity.name;
    const nameText = exact ? squish(name) : name;
    const unnamed = nameText === '' || DASHES.test(nameText);
    const label = unnamed ? firstLabel(cells) : nameText;
    if (label !== '' && MAYBE_NO_DATA.test(label) && NO_DATA.test(fold(label)) && filledCells(cells) <= 2) continue;
    const w = works.length;
    let hasFigure = false;
    for (let slot = 0; slot < S; slot++) {
      const f = figureOf(cells[slotCol[slot] as number], scratch);
      if (f === null || f === NO_FIGURE) continue;
      const at = w * S + slot;
      const k = slotMetric[slot] as number;
      hasFigure = true;
      values[at] = f.value;
      alts[at] = f.alt;
      flags[at] =
        SHOWN |
        (f.percent ? PERCENT : 0) |
        (f.ambiguous === '.' ? AMBIGUOUS_DOT : f.ambiguous === ',' ? AMBIGUOUS_COMMA : 0) |
        (f.secondary ? SECOND : 0);
      if (f.secondary) seconds.set(at, f.secondary);
      if (f.vote !== null || f.secondary !== null) {
        addVote(colVotes[k] as Votes, f);
        addVote(gridVotes, f);
      }
      if (f.currency !== null && isMoney[k]) {
        let iso = isoOf.get(f.currency);
        if (iso === undefined) {
          iso = resolveSymbol(f.currency, lang);
          isoOf.set(f.currency, iso);
        }
        if (iso) currencyTally.set(iso, (currencyTally.get(iso) ?? 0) + 1);
      }
    }
    const summary = row.footer === true || (MAYBE_TOTAL.test(label) && isSummaryLabel(label)) || (unnamed && hasFigure);
    if (unnamed && !summary) {
      flags.fill(0, w * S, w * S + S);
      continue;
    }
    let isLead = false;
    if (leadType) {
      const typeText =
        plan.resultType !== null
          ? cellText(cells[plan.resultType])
          : resultsIndex >= 0
            ? cellLines(cells[plan.metrics[resultsIndex]?.cols[0] as number])
                .slice(1)
                .join(' ')
            : '';
      isLead = leadType.test(typeText);
    }
    const idText = plan.id !== null ? squish(cellText(cells[plan.id])) : '';
    const id = idText && !DASHES.test(idText) ? idText : idFromHref(identity.href, plan.nameEntity);
    works.push({ name, id, label, summary, isLead });
  }

  // Settle each column's decimal separator once, from the evidence of the whole column.
  const decimals = plan.metrics.map((m, k) =>
    decideDecimal(colVotes[k] as Votes, { integer: INTEGER_KEYS.has(m.key), grid: gridVotes, lang }),
  );
  const firstSlot = plan.metrics.map((_, k) => slotMetric.indexOf(k));
  // Rates printed without `%`: Meta's exports write percent units; elsewhere a value above 1 gives it away.
  const percentUnits = plan.metrics.map((m, k) => {
    if (!RATE_SET.has(m.key)) return false;
    if (opts.fromExport && adapter?.exportRatesInPercentUnits) return true;
    let anyPercent = false;
    let above = false;
    for (let w = 0; w < works.length; w++) {
      const at = w * S + (firstSlot[k] as number);
      const fl = flags[at] as number;
      if (!(fl & SHOWN)) continue;
      if (fl & PERCENT) anyPercent = true;
      else if (Math.abs(settled(values[at] as number, alts[at] as number, fl, decimals[k] ?? null)) > 1) above = true;
    }
    return !anyPercent && above;
  });
  const planned = new Set(plan.metrics.map((m) => m.key));
  const counterpart = (key: MetricKey): MetricKey | null => {
    const rate = key === 'clicks' ? (plan.email ? 'clickRate' : 'ctr') : (RATE_OF[key] ?? null);
    return rate && !planned.has(rate) ? rate : null;
  };

  const rows: ExtractionRow[] = [];
  let totals: { scope: number; metrics: Metrics } | null = null;
  const isRate = plan.metrics.map((m) => RATE_SET.has(m.key));
  works.forEach((work, w) => {
    const metrics: Metrics = {};
    for (let k = 0; k < plan.metrics.length; k++) {
      const m = plan.metrics[k] as PlannedMetric;
      const decimal = decimals[k] ?? null;
      const base = w * S + (firstSlot[k] as number);
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
      if (isRate[k]) {
        metrics[m.key] = fl & PERCENT || !percentUnits[k] ? value : scaled(value, -2);
        continue;
      }
      if (fl & PERCENT && m.key !== 'roas') {
        // A percentage in a volume's column is that volume's rate (Mailchimp's "Opens 27.8 %").
        const rate = counterpart(m.key);
        if (rate && metrics[rate] === undefined) metrics[rate] = value;
        continue;
      }
      metrics[m.key] = value;
      const second = fl & SECOND ? seconds.get(base) : undefined;
      if (second?.percent) {
        const rate = counterpart(m.key);
        if (rate) metrics[rate] = settle(second, decimal);
      }
    }
    if (work.isLead && metrics.results !== undefined) {
      if (!planned.has('leads')) metrics.leads = metrics.results;
      if (!planned.has('cpl') && metrics.costPerResult !== undefined) metrics.cpl = metrics.costPerResult;
    }
    if (work.summary) {
      const scope = isSummaryLabel(work.label) ? summaryScope(work.label) : 3;
      if (Object.keys(metrics).length > 0 && (!totals || scope > totals.scope)) totals = { scope, metrics };
      return;
    }
    rows.push({ campaign: { id: work.id, name: work.name }, metrics });
  });

  return {
    rows,
    totals: (totals as { metrics: Metrics } | null)?.metrics ?? null,
    currency: currencyOf(table, plan, works.length, currencyTally),
    account: uniform(table, plan.account),
    dateRange: reportRange(table, plan, lang),
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
function uniform(table: SourceTable, col: number | null): string | null {
  if (col === null) return null;
  let value: string | null = null;
  for (const row of table.rows) {
    const t = squish(cellText(row.cells[col]));
    if (!t || DASHES.test(t)) continue;
    if (value === null) value = t;
    else if (value !== t) return null;
  }
  return value;
}

function currencyOf(table: SourceTable, plan: ColumnPlan, rowCount: number, tally: Map<string, number>): string | null {
  const fromColumn = uniform(table, plan.currency)?.toUpperCase();
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
function reportRange(table: SourceTable, plan: ColumnPlan, lang: string | null): DateRange | null {
  const start = uniform(table, plan.reportStart);
  const end = uniform(table, plan.reportEnd);
  if (!start || !end) return null;
  const s = parseDay(start, lang);
  const e = parseDay(end, lang);
  return s && e && s <= e ? { start: s, end: e } : null;
}
