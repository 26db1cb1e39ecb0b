/**
 * Which captures feed a campaign link (DESIGN.md): the console matches, the account matches where both
 * are known, and the campaign matches — by id where both carry one, otherwise by exact name.
 * Captures in a currency other than the plan's are left out; a `null` currency counts in the plan's.
 */
import { type CampaignLink, type CampaignRef, type Capture, sameCampaign } from '../domain';
import { type CaptureTable, captureTable } from './select';

/** How a capture (or a row read off a console page) names its campaign. */
export type CampaignIdentity = CampaignRef;

export const captureMatchesLink = (capture: CampaignIdentity, link: CampaignLink): boolean => sameCampaign(capture, link);

/** Actions fed by any of these campaigns (e.g. the rows on the current tab), so the popup computes only those. */
export function actionIdsFedBy(links: readonly CampaignLink[], campaigns: readonly CampaignIdentity[]): Set<string> {
  const ids = new Set<string>();
  for (const link of links) if (campaigns.some((c) => captureMatchesLink(c, link))) ids.add(link.actionId);
  return ids;
}

export function countsInPlanCurrency(capture: Capture, planCurrency: string): boolean {
  return capture.currency === null || capture.currency === planCurrency;
}

/** Usable captures of a plan, indexed once by console + campaign id and console + campaign name. */
export type CaptureIndex = {
  readonly table: CaptureTable;
  /** Positions in `table` of the link's usable captures, in stored order. */
  positionsOf(link: CampaignLink): readonly number[];
};

/** Positions of captures by console, then by a campaign key (id or name): no key string built per capture. */
class CampaignTable {
  private readonly byConsole = new Map<string, Map<string, number[]>>();

  add(console: string, key: string, position: number): void {
    let byKey = this.byConsole.get(console);
    if (!byKey) {
      byKey = new Map();
      this.byConsole.set(console, byKey);
    }
    const list = byKey.get(key);
    if (list) list.push(position);
    else byKey.set(key, [position]);
  }

  get(console: string, key: string | null): readonly number[] {
    return key === null ? [] : (this.byConsole.get(console)?.get(key) ?? []);
  }
}

export function indexCaptures(captures: readonly Capture[], planCurrency: string): CaptureIndex {
  const table = captureTable(captures);
  const byId = new CampaignTable();
  const byName = new CampaignTable();
  captures.forEach((capture, position) => {
    if (!countsInPlanCurrency(capture, planCurrency)) return;
    if (capture.campaignId !== null) byId.add(capture.console, capture.campaignId, position);
    if (capture.campaignName !== null) byName.add(capture.console, capture.campaignName, position);
  });

  const cache = new Map<CampaignLink, readonly number[]>();
  const captureAt = (position: number) => captures[position] as Capture;
  return {
    table,
    positionsOf(link) {
      const cached = cache.get(link);
      if (cached) return cached;
      // Where the link has an id, captures with an id are found by it; captures without one, by name.
      const byLinkName = byName.get(link.console, link.campaignName);
      const found = [
        ...byId.get(link.console, link.campaignId),
        ...(link.campaignId === null ? byLinkName : byLinkName.filter((p) => captureAt(p).campaignId === null)),
      ]
        .filter((p) => captureMatchesLink(captureAt(p), link))
        .sort((a, b) => a - b);
      cache.set(link, found);
      return found;
    },
  };
}
