/**
 * Row badges (DESIGN.md, "What each surface shows"): a console row's own figures, for the range the
 * console shows, against the targets of the action the row is linked to. Volume targets are
 * pro-rated to the days of that range inside the action's period.
 */
import { type Action, type DateRange, KPI_KEYS, type Kpis, type Metrics, VOLUME_KEYS } from '../domain';
import { dayCount, intersect, toDayPeriod } from './days';
import { deriveKpis, type Volumes } from './derive';
import { compareTargets, type TargetComparison } from './targets';

/** Share of the action's period that the console's range covers (0 when they do not meet). */
export function rangeShareOfAction(action: Pick<Action, 'start' | 'end'>, range: DateRange): number {
  const period = toDayPeriod(action);
  const total = dayCount(period);
  return total === 0 ? 0 : dayCount(intersect(period, toDayPeriod(range))) / total;
}

/** The row's KPIs: the console's own ratio where it shows one, else derived from the row's volumes. */
export function rowKpis(metrics: Metrics): Kpis {
  const volumes: Volumes = {};
  for (const key of VOLUME_KEYS) if (metrics[key] !== undefined) volumes[key] = metrics[key];
  const kpis = deriveKpis(volumes);
  for (const key of KPI_KEYS) {
    const shown = metrics[key];
    if (shown !== undefined) kpis[key] = shown;
  }
  return kpis;
}

export function rowBadges(metrics: Metrics, range: DateRange, action: Action, tolerance: number): TargetComparison[] {
  const volumes: Volumes = {};
  for (const key of VOLUME_KEYS) if (metrics[key] !== undefined) volumes[key] = metrics[key];
  return compareTargets(
    action.targets,
    { kpis: rowKpis(metrics), volumes, elapsedShare: rangeShareOfAction(action, range), pacing: null },
    tolerance,
  );
}
