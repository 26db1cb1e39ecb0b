import type { Action, Channel, ConsoleId } from '../domain';

/** The plan channel a console's campaigns belong to. */
export const CHANNEL_OF_CONSOLE: Record<ConsoleId, Channel | null> = {
  'google-ads': 'google-ads',
  'meta-ads': 'meta-ads',
  'microsoft-ads': 'microsoft-ads',
  'linkedin-ads': 'linkedin-ads',
  'tiktok-ads': 'tiktok-ads',
  mailchimp: 'emailing',
  brevo: 'emailing',
  klaviyo: 'emailing',
  generic: null,
};

export type SuggestionReason = 'code' | 'name' | 'channel';
export type Suggestion = { actionId: string; score: number; reasons: SuggestionReason[] };

/** Lower case, no accents, words of 3+ letters or digits: "Search – Logiciel paie" → search, logiciel, paie. */
export function words(text: string): Set<string> {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return new Set(folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return shared / (a.size + b.size - shared);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Actions a console campaign probably feeds, best first: its code written in the campaign's name
 * (`A12`), words in common with the action's name, and the console's channel. Ties keep the plan's order.
 */
export function suggestActions(campaign: { name: string; console: ConsoleId }, actions: readonly Action[], limit = 5): Suggestion[] {
  const campaignWords = words(campaign.name);
  const channel = CHANNEL_OF_CONSOLE[campaign.console];
  const scored = actions.map((action, order) => {
    const reasons: SuggestionReason[] = [];
    let score = 0;
    if (action.code && new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(action.code)}($|[^\\p{L}\\p{N}])`, 'iu').test(campaign.name)) {
      score += 1;
      reasons.push('code');
    }
    const similarity = jaccard(campaignWords, words(action.name));
    if (similarity > 0) {
      score += 0.6 * similarity;
      reasons.push('name');
    }
    if (channel && action.channel === channel) {
      score += 0.3;
      reasons.push('channel');
    }
    return { actionId: action.id, score, reasons, order };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map(({ actionId, score, reasons }) => ({ actionId, score, reasons }));
}
