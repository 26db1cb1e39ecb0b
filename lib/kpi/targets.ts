/**
 * Each target of an action beside the figure it is judged on, for views that show "actual vs
 * target": the same figures and statuses as the report (status.ts), never recomputed.
 */
import { COST_TARGET_KEYS, type FigureStatus, type TargetKey, type Targets, VOLUME_TARGET_KEYS } from '../domain';
import { type JudgedFigures, targetStatus } from './status';

export type TargetComparison = {
  key: TargetKey;
  actual: number | null;
  /** The target as set on the action. */
  target: number;
  /** What `actual` is compared with: the target itself, or for a volume its pro-rated share. */
  comparedWith: number;
  direction: 'lower-is-better' | 'higher-is-better';
  status: FigureStatus;
};

const isOneOf = <K extends string>(keys: readonly K[], key: string): key is K => (keys as readonly string[]).includes(key);

export function compareTargets(targets: Targets, figures: JudgedFigures, tolerance: number): TargetComparison[] {
  const rows: TargetComparison[] = [];
  for (const [key, target] of Object.entries(targets) as [TargetKey, number | undefined][]) {
    if (target === undefined) continue;
    const volume = isOneOf(VOLUME_TARGET_KEYS, key);
    const actual = volume ? (figures.volumes[key] ?? null) : (figures.kpis[key as keyof typeof figures.kpis] ?? null);
    rows.push({
      key,
      actual,
      target,
      comparedWith: volume ? target * figures.elapsedShare : target,
      direction: isOneOf(COST_TARGET_KEYS, key) ? 'lower-is-better' : 'higher-is-better',
      status: targetStatus(key, target, figures, tolerance),
    });
  }
  return rows;
}
