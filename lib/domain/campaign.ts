import type { Capture } from './entities';

/** What identifies a console campaign, on a link, a capture or a row read off a page. */
export type CampaignRef = Pick<Capture, 'console' | 'accountId' | 'campaignId' | 'campaignName'>;

/**
 * DESIGN.md's rule: same console; same account where both are known; where both carry a campaign
 * id the ids decide, otherwise the names must be equal exactly (case and spaces included).
 * Used for capture → link (what feeds an action) and link → link (a campaign feeds one action).
 */
export function sameCampaign(a: CampaignRef, b: CampaignRef): boolean {
  if (a.console !== b.console) return false;
  if (a.accountId !== null && b.accountId !== null && a.accountId !== b.accountId) return false;
  if (a.campaignId !== null && b.campaignId !== null) return a.campaignId === b.campaignId;
  return a.campaignName !== null && a.campaignName === b.campaignName;
}
