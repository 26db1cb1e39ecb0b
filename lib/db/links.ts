import { type CampaignLink, campaignLinkSchema } from '@/lib/domain';
import type { PlanpilotDb } from './database';
import { StoreError, validate } from './errors';
import { type CampaignRef, rowsForCampaigns } from './match';

/** An action's campaign links, by id. */
export async function listLinks(db: PlanpilotDb, actionId: string): Promise<CampaignLink[]> {
  return db.campaignLinks.where('actionId').equals(actionId).sortBy('id');
}

/**
 * Links a console campaign to an action (or updates the link with this id). A campaign feeds at
 * most one action, so any other link of the same campaign (DESIGN.md's matching rule, `sameCampaign`)
 * is removed: linking it elsewhere moves it. `replaced` holds the links removed, for the UI to say
 * "moved from A03" and to undo (restoreBundle with them in `campaignLinks`).
 */
export async function linkCampaign(db: PlanpilotDb, link: CampaignLink): Promise<{ link: CampaignLink; replaced: CampaignLink[] }> {
  const row = validate(campaignLinkSchema, link, 'campaign link');
  return db.transaction('rw', db.actions, db.campaignLinks, async () => {
    if (!(await db.actions.get(row.actionId))) throw new StoreError(`action "${row.actionId}" does not exist`, 'actionId');
    const replaced = (await rowsForCampaigns(db.campaignLinks, [row])).filter((l) => l.id !== row.id);
    await db.campaignLinks.bulkDelete(replaced.map((l) => l.id));
    await db.campaignLinks.put(row);
    return { link: row, replaced };
  });
}

/** Removes a link; returns it (to undo: linkCampaign with it), or undefined when there was none. */
export async function unlinkCampaign(db: PlanpilotDb, linkId: string): Promise<CampaignLink | undefined> {
  return db.transaction('rw', db.campaignLinks, async () => {
    const link = await db.campaignLinks.get(linkId);
    if (link) await db.campaignLinks.delete(linkId);
    return link;
  });
}

/**
 * The links of the campaigns a page shows (the popup's first step: rows on the tab → links →
 * actions), through the link indexes, without scanning.
 */
export async function findLinksForCampaigns(db: PlanpilotDb, campaigns: readonly CampaignRef[]): Promise<CampaignLink[]> {
  return rowsForCampaigns(db.campaignLinks, campaigns);
}
