/**
 * What is off target, how far, and what to look at. Statuses, actuals and targets come from lib/kpi
 * (`computeActions`); the trends from `kpiTrends`. The rules below only read them: they name the
 * usual cause a campaign manager would check first, never a figure of their own.
 */
import type { Channel, FigureStatus, KpiKey, TargetKey, VOLUME_TARGET_KEYS } from '@/lib/domain';
import { type ActionOverview, compareTargets } from '@/lib/kpi';
import type { KpiTrends, Trend } from './trends';

/** What to look at, in the order the rules give them. The UI words each one (panel.ts, `hint.*`). */
export const HINTS = [
  /** Conversion rate weak or falling: the landing page (speed, form, offer) or the audience sent to it. */
  'landingPageOrAudience',
  /** CPC high or rising: bids, bid strategy, competition in the auction. */
  'bidsOrCompetition',
  /** CTR low: the ad's message against the targeting (relevance, quality score). */
  'adRelevance',
  /** CTR falling: the creatives are wearing out. */
  'creativeFatigue',
  /** Search: cost per result high with no visible cause: conversion tracking, search terms. */
  'trackingOrSearchTerms',
  /** Social: cost per result high with no visible cause: the audience and the lead form. */
  'audienceAndLeadForm',
  /** Elsewhere: cost per result high with no visible cause: how results are counted or logged. */
  'resultsLogging',
  /** CPM high: an audience too narrow or contested, placements. */
  'audienceOrPlacements',
  /** Open rate low: subject line, sender name, send time, list hygiene. */
  'subjectLine',
  /** Click rate low: content and call to action, segment. */
  'emailContent',
  /** ROAS low: the value per conversion (basket, offer). */
  'basketValue',
  /** Spending slower than planned: budget caps, bids, approvals, targeting too narrow. */
  'underDelivery',
  /** Spending faster than planned: daily caps, a bid change. */
  'overspending',
  /** Logged costs behind plan: invoices not entered yet, or work pushed back. */
  'unloggedSpend',
  /** Logged costs ahead of plan: a deposit or an overrun the schedule did not foresee. */
  'costsAheadOfSchedule',
  /** The action is paused or dropped, or still marked planned. */
  'notRunning',
  /** No spend and no figure yet: link its campaigns or log its spend. */
  'noFigures',
  /** A volume behind because its cost per result is over target: fix that line first. */
  'costPerResult',
  /** A volume behind at target cost: reach more people (keywords, audiences, budget). */
  'moreReach',
  /** E-mail volume behind: list size and segmentation, sending cadence. */
  'listAndCadence',
  /** Event leads behind: collecting contacts on the stand and entering them. */
  'leadCapture',
  /** Print results behind: distribution of the material, coupon tracking. */
  'printDistribution',
  /** Captures do not cover every day to date: capture the console for the missing days. */
  'incompleteFigures',
] as const;
export type Hint = (typeof HINTS)[number];

export type Movement = { readonly kpi: KpiKey; readonly trend: Trend; readonly recent: number; readonly earlier: number };

export type OffTarget = {
  readonly actionId: string;
  readonly key: TargetKey | 'pacing';
  readonly status: Extract<FigureStatus, 'off' | 'watch'>;
  readonly actual: number;
  /** The target it is judged on: pro-rated for volumes, 1 for pacing. */
  readonly target: number;
  readonly direction: 'above' | 'below';
  /** How far off, relative to the target (0.2 = 20 % over or under); `Infinity` against a target of 0. */
  readonly gap: number;
  readonly hints: readonly Hint[];
  /** The KPI movements the hints rest on (recent weeks against the weeks before). */
  readonly movements: readonly Movement[];
};

const SEARCH = new Set<Channel>(['google-ads', 'microsoft-ads']);
const SOCIAL = new Set<Channel>(['meta-ads', 'linkedin-ads', 'tiktok-ads']);

/** The cost KPI that buys each volume. */
const COST_OF_VOLUME: Readonly<Record<(typeof VOLUME_TARGET_KEYS)[number], KpiKey>> = {
  conversions: 'cpa',
  leads: 'cpl',
  clicks: 'cpc',
  impressions: 'cpm',
};

type Reading = { actual: number; target: number; direction: 'above' | 'below'; gap: number };

const relativeGap = (actual: number, target: number, direction: 'above' | 'below'): number => {
  if (target === 0) return actual === 0 ? 0 : Number.POSITIVE_INFINITY;
  return direction === 'above' ? actual / target - 1 : 1 - actual / target;
};

/** The actual and target a status was given on, as the engine judged it (lib/kpi's `compareTargets`). */
function readingOf(row: ActionOverview, key: TargetKey | 'pacing', tolerance: number): Reading | null {
  if (key === 'pacing') {
    if (row.pacing === null) return null;
    const direction = row.pacing > 1 ? 'above' : 'below';
    return { actual: row.pacing, target: 1, direction, gap: Math.abs(row.pacing - 1) };
  }
  const judged = { kpis: row.toDate.kpis, volumes: row.toDate.volumes, elapsedShare: row.elapsedShare, pacing: row.pacing };
  const comparison = compareTargets({ [key]: row.action.targets[key] }, judged, tolerance)[0];
  if (!comparison || comparison.actual === null) return null;
  const direction = comparison.direction === 'lower-is-better' ? 'above' : 'below';
  return {
    actual: comparison.actual,
    target: comparison.comparedWith,
    direction,
    gap: relativeGap(comparison.actual, comparison.comparedWith, direction),
  };
}

/** The rules: from the off figure, the action's other statuses and its KPI trends, what to look at. */
export function hintsFor(row: ActionOverview, key: TargetKey | 'pacing', direction: 'above' | 'below', trends: KpiTrends | undefined) {
  const hints: Hint[] = [];
  const used = new Set<KpiKey>();
  const weak = (k: string) => row.status[k] === 'off' || row.status[k] === 'watch';
  const moving = (k: KpiKey, trend: Trend) => {
    const moved = trends?.direction[k] === trend;
    if (moved) used.add(k);
    return moved;
  };
  const add = (hint: Hint) => {
    if (!hints.includes(hint)) hints.push(hint);
  };
  const { channel } = row.action;
  const notRunning = row.action.status !== 'running' && row.action.status !== 'done';
  const noFigures = row.toDate.spend === 0 && Object.keys(row.toDate.volumes).length === 0;
  // Spend that comes from logged entries (no console shows its cost): pacing is about invoices, not delivery.
  const loggedSpendOnly = row.toDate.coverageDays === null || row.toDate.volumes.cost === undefined;
  const unexplainedCost: Hint = SEARCH.has(channel)
    ? 'trackingOrSearchTerms'
    : SOCIAL.has(channel)
      ? 'audienceAndLeadForm'
      : 'resultsLogging';
  const moreVolume: Hint =
    channel === 'emailing'
      ? 'listAndCadence'
      : channel === 'event'
        ? 'leadCapture'
        : channel === 'print'
          ? 'printDistribution'
          : 'moreReach';

  switch (key) {
    case 'cpa':
    case 'cpl':
      if (moving('conversionRate', 'down') || weak('conversionRate')) add('landingPageOrAudience');
      if (moving('cpc', 'up') || weak('cpc')) add('bidsOrCompetition');
      if (moving('ctr', 'down')) add('creativeFatigue');
      if (hints.length === 0) add(unexplainedCost);
      break;
    case 'cpc':
      if (moving('ctr', 'down') || weak('ctr')) add('adRelevance');
      add('bidsOrCompetition');
      break;
    case 'cpm':
      add('audienceOrPlacements');
      break;
    case 'ctr':
      add(moving('ctr', 'down') ? 'creativeFatigue' : 'adRelevance');
      break;
    case 'conversionRate':
      moving('conversionRate', 'down');
      add('landingPageOrAudience');
      break;
    case 'roas':
      if (moving('conversionRate', 'down') || weak('conversionRate')) add('landingPageOrAudience');
      if (moving('cpc', 'up') || weak('cpc')) add('bidsOrCompetition');
      add('basketValue');
      break;
    case 'openRate':
      add('subjectLine');
      break;
    case 'clickRate':
      add('emailContent');
      break;
    case 'pacing':
      if (direction === 'above') add(loggedSpendOnly ? 'costsAheadOfSchedule' : 'overspending');
      else if (notRunning) add('notRunning');
      else if (noFigures) add('noFigures');
      else add(loggedSpendOnly ? 'unloggedSpend' : 'underDelivery');
      break;
    default: {
      // Volumes behind their pro-rated target.
      if (notRunning) add('notRunning');
      else if (noFigures) add('noFigures');
      else {
        // Logged costs running late say nothing about delivery; captured spend running late does.
        if (!loggedSpendOnly && weak('pacing') && (row.pacing ?? 1) < 1) add('underDelivery');
        const cost = COST_OF_VOLUME[key];
        if (weak(cost) || moving(cost, 'up')) add('costPerResult');
        if ((key === 'conversions' || key === 'leads') && (moving('conversionRate', 'down') || weak('conversionRate'))) {
          add('landingPageOrAudience');
        }
        if (hints.length === 0) add(moreVolume);
      }
    }
  }
  // E-mail captures hold their send days only, so their coverage is always partial: nothing is missing.
  const { coverageDays, days } = row.toDate;
  if (coverageDays !== null && coverageDays < days && channel !== 'emailing') add('incompleteFigures');

  const movements: Movement[] = [];
  for (const kpi of used) {
    const trend = trends?.direction[kpi];
    const recent = trends?.recentKpis?.[kpi];
    const earlier = trends?.earlierKpis?.[kpi];
    if (trend && recent != null && earlier != null) movements.push({ kpi, trend, recent, earlier });
  }
  return { hints, movements };
}

const SEVERITY = { off: 0, watch: 1 } as const;

/**
 * Every figure `off` or `watch`, the ones off target first, each group by how far off (largest gap
 * first), ties in the plan's order.
 */
export function diagnose(rows: readonly ActionOverview[], trends: ReadonlyMap<string, KpiTrends>, tolerance: number): OffTarget[] {
  const items: (OffTarget & { order: number })[] = [];
  rows.forEach((row, order) => {
    for (const [key, status] of Object.entries(row.status) as [TargetKey | 'pacing', FigureStatus][]) {
      if (status !== 'off' && status !== 'watch') continue;
      const reading = readingOf(row, key, tolerance);
      if (!reading) continue;
      const { hints, movements } = hintsFor(row, key, reading.direction, trends.get(row.action.id));
      items.push({ actionId: row.action.id, key, status, ...reading, hints, movements, order });
    }
  });
  const byGap = (a: number, b: number) => (a === b ? 0 : a > b ? -1 : 1);
  items.sort((a, b) => SEVERITY[a.status] - SEVERITY[b.status] || byGap(a.gap, b.gap) || a.order - b.order);
  return items.map(({ order: _order, ...item }) => item);
}
