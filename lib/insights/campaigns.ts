/**
 * The campaigns Planpilot has seen (its captures), each with the link that feeds it to an action, if any.
 * Captures and links are matched with lib/kpi's `captureMatchesLink`, DESIGN.md's one rule.
 */
import type { CampaignLink, Capture, ConsoleId } from '@/lib/domain';
import { type CampaignIdentity, captureMatchesLink } from '@/lib/kpi';

export type SeenCampaign = {
  /** Stable key for lists: console, account, id and name of the campaign as first seen. */
  readonly key: string;
  /** The fullest identity seen: account and id where any capture carried them, the latest name. */
  readonly identity: CampaignIdentity;
  readonly captureCount: number;
  /** The latest day any capture covered; `null` for a linked campaign never captured. */
  readonly lastDay: string | null;
  readonly lastCapturedAt: string | null;
  /** Currencies the captures were in (`null`: the console shows none). */
  readonly currencies: readonly (string | null)[];
  /** The link that feeds it to an action; `null` when unlinked. */
  readonly link: CampaignLink | null;
};

type Group = {
  key: string;
  identity: { console: ConsoleId; accountId: string | null; campaignId: string | null; campaignName: string | null };
  count: number;
  lastDay: string | null;
  lastCapturedAt: string | null;
  nameAt: string;
  currencies: Set<string | null>;
};

/** Same campaign (DESIGN.md's rule), reading both sides as a link would be read. */
function sameCampaign(a: CampaignIdentity, b: CampaignIdentity): boolean {
  return captureMatchesLink(a, { id: '', actionId: '', ...b });
}

/**
 * Captures grouped into campaigns, with their links; campaigns only known from a link come too.
 * Unlinked campaigns first, then by console and name.
 */
export function campaignsSeen(captures: readonly Capture[], links: readonly CampaignLink[], locale = 'fr'): SeenCampaign[] {
  const groups: Group[] = [];
  // Candidate groups by console + id and console + name, so 100,000 captures do not compare pairwise.
  const candidates = new Map<string, Group[]>();
  const keysOf = (c: CampaignIdentity) =>
    [
      c.campaignId !== null ? `${c.console}#id#${c.campaignId}` : '',
      c.campaignName !== null ? `${c.console}#name#${c.campaignName}` : '',
    ].filter(Boolean);
  for (const capture of captures) {
    const seen = new Set<Group>();
    for (const k of keysOf(capture)) for (const g of candidates.get(k) ?? []) seen.add(g);
    let group = [...seen].find((g) => sameCampaign(capture, g.identity));
    if (!group) {
      group = {
        key: [capture.console, capture.accountId, capture.campaignId, capture.campaignName].join('|'),
        identity: {
          console: capture.console,
          accountId: capture.accountId,
          campaignId: capture.campaignId,
          campaignName: capture.campaignName,
        },
        count: 0,
        lastDay: null,
        lastCapturedAt: null,
        nameAt: '',
        currencies: new Set(),
      };
      groups.push(group);
    }
    group.count += 1;
    group.identity.accountId ??= capture.accountId;
    group.identity.campaignId ??= capture.campaignId;
    if (capture.campaignName !== null && capture.capturedAt >= group.nameAt) {
      group.identity.campaignName = capture.campaignName;
      group.nameAt = capture.capturedAt;
    }
    if (group.lastDay === null || capture.dateRange.end > group.lastDay) group.lastDay = capture.dateRange.end;
    if (group.lastCapturedAt === null || capture.capturedAt > group.lastCapturedAt) group.lastCapturedAt = capture.capturedAt;
    group.currencies.add(capture.currency);
    for (const k of keysOf(group.identity)) {
      const list = candidates.get(k) ?? [];
      if (!list.includes(group)) candidates.set(k, [...list, group]);
    }
  }

  const usedLinks = new Set<string>();
  const seen: SeenCampaign[] = groups.map((g) => {
    const link = links.find((l) => captureMatchesLink(g.identity, l)) ?? null;
    if (link) usedLinks.add(link.id);
    return {
      key: g.key,
      identity: g.identity,
      captureCount: g.count,
      lastDay: g.lastDay,
      lastCapturedAt: g.lastCapturedAt,
      currencies: [...g.currencies],
      link,
    };
  });
  for (const link of links) {
    if (usedLinks.has(link.id)) continue;
    seen.push({
      key: `link|${link.id}`,
      identity: { console: link.console, accountId: link.accountId, campaignId: link.campaignId, campaignName: link.campaignName },
      captureCount: 0,
      lastDay: null,
      lastCapturedAt: null,
      currencies: [],
      link,
    });
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const nameOf = (c: SeenCampaign) => c.identity.campaignName ?? c.identity.campaignId ?? '';
  return seen.sort(
    (a, b) =>
      Number(a.link !== null) - Number(b.link !== null) ||
      collator.compare(a.identity.console, b.identity.console) ||
      collator.compare(nameOf(a), nameOf(b)) ||
      collator.compare(a.key, b.key),
  );
}
