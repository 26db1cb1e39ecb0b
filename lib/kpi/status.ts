/**
 * Status of a figure against its target, with the plan's tolerance t (DESIGN.md):
 * lower-is-better costs, higher-is-better rates, volumes against their pro-rated target, pacing around 1.
 * Boundaries are inclusive.
 */
import {
  COST_TARGET_KEYS,
  DEFAULT_TOLERANCE,
  type FigureStatus,
  type Kpis,
  RATE_TARGET_KEYS,
  type TargetKey,
  type Targets,
  VOLUME_TARGET_KEYS,
} from '../domain';
import type { Volumes } from './derive';

/** Relative slack so float noise (0.8999999999 for 0.9) does not flip an inclusive boundary. */
const SLACK = 1e-9;

const atMost = (actual: number, limit: number) => actual <= limit + Math.abs(limit) * SLACK;
const atLeast = (actual: number, limit: number) => actual >= limit - Math.abs(limit) * SLACK;

/** CPC, CPA, CPL, CPM: `on` ≤ target, `watch` ≤ target·(1+t), else `off`. */
export function lowerIsBetterStatus(actual: number | null | undefined, target: number | undefined, tolerance: number): FigureStatus {
  if (actual == null || target === undefined) return 'none';
  if (atMost(actual, target)) return 'on';
  return atMost(actual, target * (1 + tolerance)) ? 'watch' : 'off';
}

/** Rates, ROAS and (pro-rated) volumes: `on` ≥ target, `watch` ≥ target·(1−t), else `off`. */
export function higherIsBetterStatus(actual: number | null | undefined, target: number | undefined, tolerance: number): FigureStatus {
  if (actual == null || target === undefined) return 'none';
  if (atLeast(actual, target)) return 'on';
  return atLeast(actual, target * (1 - tolerance)) ? 'watch' : 'off';
}

/** Pacing: `on` within [1−t, 1+t], `watch` within [1−2t, 1+2t], else `off`; `none` when undefined. */
export function pacingStatus(pacing: number | null, tolerance: number): FigureStatus {
  if (pacing === null) return 'none';
  const within = (band: number) => atLeast(pacing, 1 - band) && atMost(pacing, 1 + band);
  if (within(tolerance)) return 'on';
  return within(2 * tolerance) ? 'watch' : 'off';
}

const isOneOf = <K extends string>(keys: readonly K[], key: string): key is K => (keys as readonly string[]).includes(key);

/** The figures an action's targets are judged on. */
export type JudgedFigures = {
  kpis: Kpis;
  volumes: Volumes;
  /** Share of the action's period elapsed; volume targets are pro-rated by it. */
  elapsedShare: number;
  pacing: number | null;
};

/** Status of one target key. */
export function targetStatus(key: TargetKey, target: number | undefined, figures: JudgedFigures, tolerance: number): FigureStatus {
  if (isOneOf(COST_TARGET_KEYS, key)) return lowerIsBetterStatus(figures.kpis[key], target, tolerance);
  if (isOneOf(RATE_TARGET_KEYS, key)) return higherIsBetterStatus(figures.kpis[key], target, tolerance);
  if (isOneOf(VOLUME_TARGET_KEYS, key)) {
    const proRated = target === undefined ? undefined : target * figures.elapsedShare;
    return higherIsBetterStatus(figures.volumes[key], proRated, tolerance);
  }
  return 'none';
}

/** `pacing` first, then one status per target that is set, in the targets' own order. */
export function statusesOf(targets: Targets, figures: JudgedFigures, tolerance = DEFAULT_TOLERANCE): Record<string, FigureStatus> {
  const statuses: Record<string, FigureStatus> = { pacing: pacingStatus(figures.pacing, tolerance) };
  for (const [key, target] of Object.entries(targets) as [TargetKey, number | undefined][]) {
    if (target !== undefined) statuses[key] = targetStatus(key, target, figures, tolerance);
  }
  return statuses;
}
