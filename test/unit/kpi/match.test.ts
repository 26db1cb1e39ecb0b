import { describe, expect, it } from 'vitest';
import { actionIdsFedBy, captureMatchesLink, countsInPlanCurrency, indexCaptures } from '@/lib/kpi';
import { capture, link } from './plan-builder';

const week = (over: Parameters<typeof capture>[3]) => capture('2026-11-09', '2026-11-15', { cost: 1 }, over);

describe('capture ↔ campaign link', () => {
  it('matches on console, account and campaign id', () => {
    expect(captureMatchesLink(week({}), link())).toBe(true);
    expect(captureMatchesLink(week({ console: 'microsoft-ads' }), link())).toBe(false);
  });

  it('lets ids decide where both carry one, whatever the names say', () => {
    expect(captureMatchesLink(week({ campaignName: 'Renamed campaign' }), link())).toBe(true);
    expect(captureMatchesLink(week({ campaignId: 'cmp-2' }), link())).toBe(false);
  });

  it('falls back on the exact name when either side has no id', () => {
    expect(captureMatchesLink(week({ campaignId: null }), link())).toBe(true);
    expect(captureMatchesLink(week({ campaignId: 'cmp-9' }), link({ campaignId: null }))).toBe(true);
    expect(captureMatchesLink(week({ campaignId: null, campaignName: 'search – brand' }), link())).toBe(false);
    expect(captureMatchesLink(week({ campaignId: null, campaignName: 'Search – Brand ' }), link())).toBe(false);
    expect(captureMatchesLink(week({ campaignId: null }), link({ campaignName: null }))).toBe(false);
  });

  it('checks the account only where both are known', () => {
    expect(captureMatchesLink(week({ accountId: '999-999-9999' }), link())).toBe(false);
    expect(captureMatchesLink(week({ accountId: null }), link())).toBe(true);
    expect(captureMatchesLink(week({ accountId: '999-999-9999' }), link({ accountId: null }))).toBe(true);
  });

  it('leaves out other currencies; a capture without currency counts in the plan’s', () => {
    expect(countsInPlanCurrency(week({ currency: 'EUR' }), 'EUR')).toBe(true);
    expect(countsInPlanCurrency(week({ currency: null }), 'EUR')).toBe(true);
    expect(countsInPlanCurrency(week({ currency: 'USD' }), 'EUR')).toBe(false);
  });

  it('indexes what matches each link, in stored order, without other currencies', () => {
    const byId = week({});
    const byName = week({ campaignId: null });
    const usd = week({ currency: 'USD' });
    const otherId = week({ campaignId: 'cmp-2' });
    const otherAccount = week({ accountId: '999-999-9999' });
    const captures = [otherId, byName, usd, byId, otherAccount];
    const index = indexCaptures(captures, 'EUR');
    const idsOf = (l: ReturnType<typeof link>) => index.positionsOf(l).map((p) => captures[p]?.id);
    expect(idsOf(link())).toEqual([byName.id, byId.id]);
    expect(idsOf(link({ campaignId: null }))).toEqual([otherId.id, byName.id, byId.id]);
    expect(idsOf(link({ campaignName: 'Nothing' }))).toEqual([byId.id]);
  });

  it('finds the actions fed by the campaigns on a page', () => {
    const links = [link({ actionId: 'act-1' }), link({ actionId: 'act-2', campaignId: 'cmp-2', campaignName: 'Display' })];
    const rows = [{ console: 'google-ads' as const, accountId: '111-222-3333', campaignId: null, campaignName: 'Display' }];
    expect([...actionIdsFedBy(links, rows)]).toEqual(['act-2']);
  });
});
