/**
 * A week against the previous one: what moved, by how much. Both sides are weekly reports (snapshots'
 * bodies), compared action by action (matched by id) and on the plan's totals. Nothing is recomputed:
 * a snapshot is what it was when taken.
 */
import {
  COST_TARGET_KEYS,
  type FigureStatus,
  KPI_KEYS,
  type KpiKey,
  type ReportAction,
  VOLUME_KEYS,
  type VolumeKey,
  type WeeklyReport,
} from '@/lib/domain';

export type Delta = { previous: number | null; current: number | null; change: number | null };
export type Direction = 'better' | 'worse' | 'neutral';

export type ActionComparison = {
  actionId: string;
  code: string;
  name: string;
  /** The action is not in the previous week's report (added to the plan since). */
  isNew: boolean;
  spendWeek: Delta;
  spendToDate: Delta;
  pacing: Delta;
  kpis: Record<KpiKey, Delta>;
  metrics: Partial<Record<VolumeKey, Delta>>;
  statusChanges: { key: string; from: FigureStatus | null; to: FigureStatus }[];
};

/** One line of "what moved": a status that changed, or a watched figure (pacing, a KPI with a target) that moved. */
export type Move = {
  actionId: string | null;
  code: string;
  name: string;
  key: string;
  kind: 'status' | 'figure';
  from: FigureStatus | null;
  to: FigureStatus | null;
  delta: Delta;
  direction: Direction;
};

export type ReportComparison = {
  actions: ActionComparison[];
  totals: { spendWeek: Delta; spendToDate: Delta; pacing: Delta; kpis: Record<KpiKey, Delta>; metrics: Partial<Record<VolumeKey, Delta>> };
  /** Worse first, then better, then the rest; within each, by size of the change. */
  moves: Move[];
};

const LOWER_IS_BETTER = new Set<string>(COST_TARGET_KEYS);
const STATUS_RANK: Record<FigureStatus, number> = { on: 2, watch: 1, off: 0, none: -1 };
/** Pacing moves of less than this (2 points) are noise. */
const PACING_STEP = 0.02;
/** KPI moves of less than this share of the previous value are noise. */
const KPI_STEP = 0.01;

export function delta(previous: number | null | undefined, current: number | null | undefined): Delta {
  const p = previous ?? null;
  const c = current ?? null;
  return { previous: p, current: c, change: p === null || c === null ? null : c - p };
}

function kpiDeltas(prev: Record<KpiKey, number | null> | undefined, cur: Record<KpiKey, number | null>): Record<KpiKey, Delta> {
  return Object.fromEntries(KPI_KEYS.map((k) => [k, delta(prev?.[k], cur[k])])) as Record<KpiKey, Delta>;
}

function metricDeltas(prev: ReportAction['metrics'] | undefined, cur: ReportAction['metrics']): Partial<Record<VolumeKey, Delta>> {
  const out: Partial<Record<VolumeKey, Delta>> = {};
  for (const k of VOLUME_KEYS) if (cur[k] !== undefined || prev?.[k] !== undefined) out[k] = delta(prev?.[k], cur[k]);
  return out;
}

/** Whether a change of a figure is good news: costs down, rates up, pacing nearer 100 %. */
export function directionOf(key: string, d: Delta): Direction {
  if (d.change === null || d.change === 0 || d.previous === null || d.current === null) return 'neutral';
  if (key === 'pacing') {
    const before = Math.abs(d.previous - 1);
    const after = Math.abs(d.current - 1);
    return after < before ? 'better' : after > before ? 'worse' : 'neutral';
  }
  const up = d.change > 0;
  return LOWER_IS_BETTER.has(key) ? (up ? 'worse' : 'better') : up ? 'better' : 'worse';
}

function statusDirection(from: FigureStatus | null, to: FigureStatus): Direction {
  if (from === null || from === 'none' || to === 'none') return 'neutral';
  return STATUS_RANK[to] > STATUS_RANK[from] ? 'better' : 'worse';
}

export function compareActions(cur: ReportAction, prev: ReportAction | undefined): ActionComparison {
  const statusChanges: ActionComparison['statusChanges'] = [];
  for (const [key, to] of Object.entries(cur.status)) {
    const from = prev?.status[key] ?? null;
    if (from !== to && !(from === null && to === 'none')) statusChanges.push({ key, from, to });
  }
  return {
    actionId: cur.actionId,
    code: cur.code,
    name: cur.name,
    isNew: prev === undefined,
    spendWeek: delta(prev?.spendWeek, cur.spendWeek),
    spendToDate: delta(prev?.spendToDate, cur.spendToDate),
    pacing: delta(prev?.pacing, cur.pacing),
    kpis: kpiDeltas(prev?.kpis, cur.kpis),
    metrics: metricDeltas(prev?.metrics, cur.metrics),
    statusChanges,
  };
}

/** `current` against `previous` (the week before, or `undefined` when there is none: every figure is new). */
export function compareReports(current: WeeklyReport, previous: WeeklyReport | undefined): ReportComparison {
  const before = new Map((previous?.actions ?? []).map((a) => [a.actionId, a]));
  const actions = current.actions.map((a) => compareActions(a, before.get(a.actionId)));
  const moves: Move[] = [];
  for (const [i, c] of actions.entries()) {
    const report = current.actions[i] as ReportAction;
    const base = { actionId: c.actionId, code: c.code, name: c.name };
    // Nothing moved for an action the previous week did not have (or when there is no previous week).
    if (c.isNew) continue;
    const changedStatus = new Set<string>();
    for (const s of c.statusChanges) {
      changedStatus.add(s.key);
      const d =
        s.key === 'pacing' ? c.pacing : s.key in c.kpis ? c.kpis[s.key as KpiKey] : (c.metrics[s.key as VolumeKey] ?? delta(null, null));
      moves.push({ ...base, key: s.key, kind: 'status', from: s.from, to: s.to, delta: d, direction: statusDirection(s.from, s.to) });
    }
    const watched: [string, Delta][] = [['pacing', c.pacing]];
    for (const k of KPI_KEYS) if (report.targets[k] !== undefined) watched.push([k, c.kpis[k]]);
    for (const [key, d] of watched) {
      if (changedStatus.has(key) || d.change === null || d.previous === null) continue;
      const step = key === 'pacing' ? PACING_STEP : Math.abs(d.previous) * KPI_STEP;
      if (Math.abs(d.change) < step || d.change === 0) continue;
      const status = report.status[key] ?? null;
      moves.push({ ...base, key, kind: 'figure', from: status, to: status, delta: d, direction: directionOf(key, d) });
    }
  }
  const rank: Record<Direction, number> = { worse: 0, better: 1, neutral: 2 };
  const size = (m: Move) => (m.delta.change === null || !m.delta.previous ? 0 : Math.abs(m.delta.change / m.delta.previous));
  moves.sort(
    (a, b) => rank[a.direction] - rank[b.direction] || Number(b.kind === 'status') - Number(a.kind === 'status') || size(b) - size(a),
  );
  const t = current.totals;
  const p = previous?.totals;
  return {
    actions,
    totals: {
      spendWeek: delta(p?.spendWeek, t.spendWeek),
      spendToDate: delta(p?.spendToDate, t.spendToDate),
      pacing: delta(p?.pacing, t.pacing),
      kpis: kpiDeltas(p?.kpis, t.kpis),
      metrics: metricDeltas(p?.metrics, t.metrics),
    },
    moves,
  };
}
