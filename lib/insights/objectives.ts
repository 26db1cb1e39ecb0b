/**
 * Progress of the plan's SMART objectives (DESIGN.md): the sum of the objective's metric over its actions'
 * volumes to date, against the target, and against the target pro-rated to the time elapsed towards the
 * deadline (the same `higherIsBetterStatus` the engine judges volume targets with).
 */
import { type FigureStatus, isVolumeKey, type Objective, type Plan, type VolumeKey } from '@/lib/domain';
import { type ActionOverview, elapsedShare, higherIsBetterStatus, toDay } from '@/lib/kpi';

/**
 * Words older files hold instead of a volume key, and the volume DESIGN.md measures them with
 * ("`impressions` for awareness", "`clicks` for traffic", "`conversionValue` for revenue").
 */
const LEGACY_METRICS: Readonly<Record<string, VolumeKey>> = {
  awareness: 'impressions',
  notoriete: 'impressions',
  notoriété: 'impressions',
  traffic: 'clicks',
  trafic: 'clicks',
  revenue: 'conversionValue',
};

/** The volume an objective is measured with; `null` for a word Planpilot cannot measure. */
export function objectiveVolume(metric: string): VolumeKey | null {
  if (isVolumeKey(metric)) return metric;
  return LEGACY_METRICS[metric.trim().toLowerCase()] ?? null;
}

export type ObjectiveProgress = {
  readonly objective: Objective;
  readonly volume: VolumeKey | null;
  /** Sum over the objective's actions that have a figure for it; `null` when none has (missing is not zero). */
  readonly actual: number | null;
  /** `actual / target`; `null` when the target is 0 or there is no figure. */
  readonly progress: number | null;
  /** Share of the time from the plan's start to the deadline elapsed by the as-of day. */
  readonly elapsedShare: number;
  /** The target pro-rated by `elapsedShare`: where the objective should stand today. */
  readonly expectedByNow: number;
  readonly status: FigureStatus;
  /** The actions serving the objective, in the plan's order. */
  readonly actionIds: readonly string[];
  /** Those with a figure for the volume. */
  readonly contributingActionIds: readonly string[];
  readonly deadlinePassed: boolean;
};

export function objectiveProgress(
  plan: Pick<Plan, 'start' | 'tolerance'>,
  objectives: readonly Objective[],
  rows: readonly ActionOverview[],
  asOf: string,
): ObjectiveProgress[] {
  const asOfDay = toDay(asOf);
  return objectives.map((objective) => {
    const volume = objectiveVolume(objective.metric);
    const serving = rows.filter((row) => row.action.objectiveIds.includes(objective.id));
    const contributing = volume === null ? [] : serving.filter((row) => row.toDate.volumes[volume] !== undefined);
    const actual =
      volume === null || contributing.length === 0 ? null : contributing.reduce((sum, row) => sum + (row.toDate.volumes[volume] ?? 0), 0);
    const deadline = toDay(objective.deadline);
    const share = elapsedShare({ start: Math.min(toDay(plan.start), deadline), end: deadline }, asOfDay);
    const expectedByNow = objective.target * share;
    return {
      objective,
      volume,
      actual,
      progress: actual === null || objective.target === 0 ? null : actual / objective.target,
      elapsedShare: share,
      expectedByNow,
      status: higherIsBetterStatus(actual, expectedByNow, plan.tolerance),
      actionIds: serving.map((row) => row.action.id),
      contributingActionIds: contributing.map((row) => row.action.id),
      deadlinePassed: asOf > objective.deadline,
    };
  });
}
