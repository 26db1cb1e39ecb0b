/**
 * The figures engine: an action's volumes, KPIs, spend and coverage over a period, and its standing
 * (pacing and statuses) as of a day. The report, the popup, the side panel and snapshots all use it.
 */
import {
  type Action,
  type CampaignLink,
  type DateRange,
  type FigureStatus,
  type Kpis,
  type Plan,
  type PlanData,
  type ResultEntry,
  type SpendEntry,
  VOLUME_KEYS,
} from '../domain';
import { type DayPeriod, dayCount, intersect, toDateRange, toDay, toDayPeriod } from './days';
import { addVolume, deriveKpis, type Volumes } from './derive';
import { type CaptureIndex, indexCaptures } from './match';
import { elapsedShare, expectedSpend, pacingOf } from './pacing';
import { type CaptureSelection, selectCaptures } from './select';
import { statusesOf } from './status';

/** An entry with its date as a day number, computed once. */
export type Dated<T> = { readonly entry: T; readonly day: number };

/** A plan's rows grouped once, so each action's figures read only its own rows. */
export type PlanIndex = {
  readonly plan: Plan;
  /** In stored order. */
  readonly actions: readonly Action[];
  readonly captures: CaptureIndex;
  linksOf(actionId: string): readonly CampaignLink[];
  /** Entries that count as spend: `manual` and `import` (a `capture` entry copies a capture). */
  spendEntriesOf(actionId: string): readonly Dated<SpendEntry>[];
  resultEntriesOf(actionId: string): readonly Dated<ResultEntry>[];
};

/** What the engine's entry points accept: a plan's rows, or their index to reuse across calls. */
export type PlanSource = PlanData | PlanIndex;

export function toPlanIndex(source: PlanSource): PlanIndex {
  return 'linksOf' in source ? source : indexPlan(source);
}

function groupByAction<T>(rows: readonly T[], actionIdOf: (row: T) => string): (actionId: string) => readonly T[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(actionIdOf(row));
    if (group) group.push(row);
    else groups.set(actionIdOf(row), [row]);
  }
  return (actionId) => groups.get(actionId) ?? [];
}

const dated = <T extends { date: string }>(entry: T): Dated<T> => ({ entry, day: toDay(entry.date) });

export function indexPlan(data: PlanData): PlanIndex {
  const countedSpend = data.spendEntries.filter((e) => e.source !== 'capture').map(dated);
  return {
    plan: data.plan,
    actions: data.actions,
    captures: indexCaptures(data.captures, data.plan.currency),
    linksOf: groupByAction(data.campaignLinks, (link) => link.actionId),
    spendEntriesOf: groupByAction(countedSpend, (d) => d.entry.actionId),
    resultEntriesOf: groupByAction(data.resultEntries.map(dated), (d) => d.entry.actionId),
  };
}

/** An action's figures over one period. */
export type PeriodFigures = {
  /** The period asked for, clipped to the action's dates; `null` when nothing of it is left. */
  readonly range: DateRange | null;
  readonly days: number;
  /** Captured volumes + result entries; `cost` is the captured cost when the action has links, else its spend entries. */
  readonly volumes: Volumes;
  readonly kpis: Kpis;
  /** Captured cost of linked campaigns + counted spend entries. */
  readonly spend: number;
  /** Fewest days covered over the action's links (0 for a link with no usable capture); `null` without links. */
  readonly coverageDays: number | null;
  /** The captures used, per link, so a view can show where each figure comes from. */
  readonly selections: readonly { readonly link: CampaignLink; readonly selection: CaptureSelection }[];
};

/** Volumes in canonical key order, which is the order reports list them in. */
function inKeyOrder(volumes: Volumes): Volumes {
  const ordered: Volumes = {};
  for (const key of VOLUME_KEYS) if (volumes[key] !== undefined) ordered[key] = volumes[key];
  return ordered;
}

/** Figures over a period of day numbers, already clipped to the action's dates. */
function figuresOver(index: PlanIndex, action: Action, period: DayPeriod): PeriodFigures {
  const links = index.linksOf(action.id);
  const selections = links.map((link) => ({
    link,
    selection: selectCaptures(index.captures.table, index.captures.positionsOf(link), period),
  }));
  const volumes: Volumes = {};
  for (const { selection } of selections) {
    for (const capture of selection.chosen) {
      for (const key of VOLUME_KEYS) {
        const value = capture.metrics[key];
        if (value !== undefined) addVolume(volumes, key, value);
      }
    }
  }

  let entriesSpend = 0;
  let entriesCount = 0;
  for (const { entry, day } of index.spendEntriesOf(action.id)) {
    if (day < period.start || day > period.end) continue;
    entriesSpend += entry.amount;
    entriesCount += 1;
  }
  for (const { entry, day } of index.resultEntriesOf(action.id)) {
    // `cost` follows the cost rule below; a result entry never sets it.
    if (day >= period.start && day <= period.end && entry.metric !== 'cost') addVolume(volumes, entry.metric, entry.value);
  }
  const capturedCost = volumes.cost ?? 0;
  if (links.length === 0 && entriesCount > 0) volumes.cost = entriesSpend;

  return {
    range: toDateRange(period),
    days: dayCount(period),
    volumes: inKeyOrder(volumes),
    kpis: deriveKpis(volumes),
    spend: capturedCost + entriesSpend,
    coverageDays: links.length === 0 ? null : Math.min(...selections.map((s) => s.selection.coveredDays)),
    selections,
  };
}

/** Days of the action's own period that fall in `[start, end]` (the days may run before or after it). */
function clipToAction(action: Action, start: number, end: number): DayPeriod {
  return intersect(toDayPeriod(action), { start, end });
}

/** An action's figures over `range`, clipped to the action's dates ("this week", "this month"…). */
export function periodFigures(index: PlanIndex, action: Action, range: DateRange): PeriodFigures {
  const { start, end } = toDayPeriod(range);
  return figuresOver(index, action, clipToAction(action, start, end));
}

/** Where an action stands as of a day: figures to date, expected spend, pacing and statuses. */
export type ActionStanding = {
  readonly action: Action;
  readonly asOf: string;
  /** From the action's start to `asOf` (or its end, if earlier). */
  readonly toDate: PeriodFigures;
  readonly elapsedShare: number;
  readonly expectedSpendToDate: number;
  readonly pacing: number | null;
  /** `pacing`, then one status per target that is set. */
  readonly status: Record<string, FigureStatus>;
};

/** "To date": from the action's start to `asOf`, or to its end if earlier (empty before it starts). */
export function figuresToDate(index: PlanIndex, action: Action, asOf: string): PeriodFigures {
  return figuresOver(index, action, clipToAction(action, toDay(action.start), toDay(asOf)));
}

export function actionStanding(index: PlanIndex, action: Action, asOf: string): ActionStanding {
  const asOfDay = toDay(asOf);
  const toDate = figuresToDate(index, action, asOf);
  const share = elapsedShare(toDayPeriod(action), asOfDay);
  const expected = expectedSpend(action, asOfDay);
  const pacing = pacingOf(toDate.spend, expected);
  return {
    action,
    asOf,
    toDate,
    elapsedShare: share,
    expectedSpendToDate: expected,
    pacing,
    status: statusesOf(action.targets, { kpis: toDate.kpis, volumes: toDate.volumes, elapsedShare: share, pacing }, index.plan.tolerance),
  };
}
