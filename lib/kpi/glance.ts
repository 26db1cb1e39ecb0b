/**
 * The plan at a glance: each action's spend to date and pacing, small enough to keep (lib/db
 * standings cache) so the popup shows a 200-action plan at once, before the engine has run on
 * its captures. Always produced by the engine (computeStandings), never recomputed elsewhere.
 */
import type { FigureStatus } from '../domain';
import type { ActionStanding } from './engine';

export type GlanceRow = {
  actionId: string;
  spendToDate: number;
  pacing: number | null;
  pacingStatus: FigureStatus;
};

export type PlanGlance = { planId: string; asOf: string; rows: GlanceRow[] };

export function glanceOf(planId: string, asOf: string, standings: readonly ActionStanding[]): PlanGlance {
  return {
    planId,
    asOf,
    rows: standings.map((s) => ({
      actionId: s.action.id,
      spendToDate: s.toDate.spend,
      pacing: s.pacing,
      pacingStatus: (s.status.pacing ?? 'none') as FigureStatus,
    })),
  };
}
