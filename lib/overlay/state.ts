import { type CampaignLink, type CampaignRef, type FigureStatus, type PlanData, sameCampaign } from '../domain';
import { computeActions, rowBadges } from '../kpi';
import { suggestActions } from '../linking/suggest';
import type { Extraction } from '../readers/extraction';
import type { OverlayState } from './schema';

export type { OverlayState } from './schema';

export type OverlayInputs = {
  extraction: Extraction;
  links: readonly CampaignLink[];
  /** PlanData of the plans the linked actions belong to (only those actions). */
  linkedData: readonly PlanData[];
  /** The plan the user works on, for the picker and suggestions. */
  pickerData: Pick<PlanData, 'plan' | 'actions'> | null;
  asOf: string;
};

const ref = (a: { id: string; code: string; name: string }) => ({ id: a.id, code: a.code, name: a.name });

export function buildOverlayState({ extraction, links, linkedData, pickerData, asOf }: OverlayInputs): OverlayState {
  const standings = new Map(
    linkedData.flatMap((data) => computeActions(data, asOf).map((s) => [s.action.id, { standing: s, plan: data.plan }] as const)),
  );
  const counts: Record<FigureStatus, number> = { on: 0, watch: 0, off: 0, none: 0 };
  const rows = extraction.rows.map((row) => {
    const campaign: CampaignRef = {
      console: extraction.console,
      accountId: extraction.account,
      campaignId: row.campaign.id,
      campaignName: row.campaign.name,
    };
    const link = links.find((l) => sameCampaign(campaign, l));
    const linked = link ? standings.get(link.actionId) : undefined;
    if (!link || !linked) {
      const suggestions = pickerData ? suggestActions({ name: row.campaign.name, console: extraction.console }, pickerData.actions) : [];
      const byId = new Map(pickerData?.actions.map((a) => [a.id, a]));
      return {
        link: null,
        badges: [],
        pacing: null,
        suggestions: suggestions.flatMap((s) => {
          const a = byId.get(s.actionId);
          return a ? [ref(a)] : [];
        }),
      };
    }
    const { standing, plan } = linked;
    const badges = extraction.dateRange ? rowBadges(row.metrics, extraction.dateRange, standing.action, plan.tolerance) : [];
    for (const b of badges) counts[b.status] += 1;
    return {
      link: { linkId: link.id, action: ref(standing.action) },
      badges: badges.map(({ key, status, actual, comparedWith, direction }) => ({ key, status, actual, comparedWith, direction })),
      pacing: { value: standing.pacing, status: (standing.status.pacing ?? 'none') as FigureStatus },
      suggestions: [],
    };
  });
  const linkedActions = [...standings.values()].map(({ standing }) => ({
    ...ref(standing.action),
    spend: standing.toDate.spend,
    expected: standing.expectedSpendToDate,
    budget: standing.action.budget,
    pacing: standing.pacing,
    pacingStatus: (standing.status.pacing ?? 'none') as FigureStatus,
  }));
  return {
    range: extraction.dateRange,
    currency: linkedData[0]?.plan.currency ?? pickerData?.plan.currency ?? extraction.currency,
    rows,
    actions: pickerData?.actions.map(ref) ?? [],
    summary: { linkedActions, counts },
  };
}
