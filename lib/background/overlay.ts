import { today } from '../clock';
import { findLinksForCampaigns, linkCampaign, listActions, listPlans, loadActionsData, newId, type PlanpilotDb } from '../db';
import type { ConsoleId } from '../domain';
import { buildOverlayState, type OverlayState } from '../overlay/state';
import type { Extraction } from '../readers/extraction';
import { currentPlanId } from '../settings';

/** The plan the user works on: the one chosen in the popup or side panel, else the first. */
async function workingPlan(db: PlanpilotDb) {
  const [plans, chosen] = await Promise.all([listPlans(db), currentPlanId.getValue()]);
  return plans.find((p) => p.id === chosen) ?? plans[0] ?? null;
}

export async function overlayState(db: PlanpilotDb, extraction: Extraction): Promise<OverlayState> {
  const refs = extraction.rows.map((row) => ({
    console: extraction.console,
    accountId: extraction.account,
    campaignId: row.campaign.id,
    campaignName: row.campaign.name,
  }));
  const links = await findLinksForCampaigns(db, refs);
  const [linkedData, plan] = await Promise.all([loadActionsData(db, [...new Set(links.map((l) => l.actionId))]), workingPlan(db)]);
  const pickerData = plan ? { plan, actions: await listActions(db, plan.id) } : null;
  return buildOverlayState({ extraction, links, linkedData, pickerData, asOf: today() });
}

export async function linkFromOverlay(
  db: PlanpilotDb,
  input: { console: ConsoleId; accountId: string | null; campaign: { id: string | null; name: string }; actionId: string },
): Promise<{ moved: boolean }> {
  const { replaced } = await linkCampaign(db, {
    id: newId('lnk'),
    actionId: input.actionId,
    console: input.console,
    accountId: input.accountId,
    campaignId: input.campaign.id,
    campaignName: input.campaign.name,
  });
  return { moved: replaced.some((l) => l.actionId !== input.actionId) };
}
