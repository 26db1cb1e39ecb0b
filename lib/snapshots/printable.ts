/**
 * What the printable weekly report reads off a report (a snapshot's body): objectives' progress and the
 * figures off target. Pure: the report page and tests call it the same way.
 */
import { type Action, type FigureStatus, isVolumeKey, KPI_KEYS, type KpiKey, type Objective, type WeeklyReport } from '@/lib/domain';
import { toDay, toDayPeriod } from '@/lib/kpi/days';
import { elapsedShare } from '@/lib/kpi/pacing';

export type ObjectiveProgress = {
  objective: Objective;
  /** Sum of the objective's volume over its actions, to the week's end; `null` when none has a figure. */
  actual: number | null;
  /** actual / target; `null` when either is missing or the target is 0. */
  share: number | null;
  actionCodes: string[];
};

/** Each objective's progress: its volume summed over the actions that serve it (DESIGN.md), to the week's end. */
export function objectivesProgress(
  report: WeeklyReport,
  objectives: readonly Objective[],
  actions: readonly Action[],
): ObjectiveProgress[] {
  const byId = new Map(report.actions.map((a) => [a.actionId, a]));
  return objectives.map((objective) => {
    const serving = actions.filter((a) => a.objectiveIds.includes(objective.id));
    let actual: number | null = null;
    if (isVolumeKey(objective.metric)) {
      const key = objective.metric;
      for (const a of serving) {
        const value = byId.get(a.id)?.metrics[key];
        if (value !== undefined) actual = (actual ?? 0) + value;
      }
    }
    return {
      objective,
      actual,
      share: actual === null || objective.target === 0 ? null : actual / objective.target,
      actionCodes: serving.map((a) => a.code),
    };
  });
}

export type OffTargetItem = {
  actionId: string;
  code: string;
  name: string;
  key: string;
  status: Extract<FigureStatus, 'off' | 'watch'>;
  actual: number | null;
  /** The target as set (pacing: 1). */
  target: number;
  /** Volume targets are judged pro-rated by the elapsed share: the target to date; else equal to `target`. */
  targetToDate: number;
};

/** Every figure off target or to watch, off first, then in the report's order. */
export function offTargetItems(report: WeeklyReport, actions: readonly Action[]): OffTargetItem[] {
  const known = new Map(actions.map((a) => [a.id, a]));
  const items: OffTargetItem[] = [];
  for (const a of report.actions) {
    for (const [key, status] of Object.entries(a.status)) {
      if (status !== 'off' && status !== 'watch') continue;
      const isKpi = (KPI_KEYS as readonly string[]).includes(key);
      const actual = key === 'pacing' ? a.pacing : isKpi ? a.kpis[key as KpiKey] : isVolumeKey(key) ? (a.metrics[key] ?? null) : null;
      const target = key === 'pacing' ? 1 : (a.targets[key as keyof typeof a.targets] ?? 0);
      const action = known.get(a.actionId);
      const share = action && isVolumeKey(key) ? elapsedShare(toDayPeriod(action), toDay(report.week.end)) : 1;
      items.push({ actionId: a.actionId, code: a.code, name: a.name, key, status, actual, target, targetToDate: target * share });
    }
  }
  return items.sort((x, y) => (x.status === y.status ? 0 : x.status === 'off' ? -1 : 1));
}
