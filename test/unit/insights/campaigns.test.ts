import { describe, expect, it } from 'vitest';
import { campaignsSeen } from '@/lib/insights';
import { capture, demoData, link } from './builders';

describe('campaigns seen', () => {
  it('groups captures of one campaign, a reading without account included', () => {
    const seen = campaignsSeen(
      [
        capture('2026-11-01', '2026-11-07', { cost: 1 }, { accountId: null, capturedAt: '2026-11-08T08:00:00Z' }),
        capture('2026-11-08', '2026-11-14', { cost: 1 }, { campaignName: 'Search – Brand (new)', capturedAt: '2026-11-15T08:00:00Z' }),
        capture('2026-11-01', '2026-11-07', { cost: 1 }, { accountId: '999-999-9999' }),
      ],
      [],
    );
    expect(seen).toHaveLength(2);
    const brand = seen.find((c) => c.captureCount === 2);
    expect(brand?.identity).toMatchObject({ accountId: '111-222-3333', campaignId: 'cmp-1', campaignName: 'Search – Brand (new)' });
    expect(brand?.lastDay).toBe('2026-11-14');
  });

  it('puts unlinked campaigns first, and lists linked campaigns never captured', () => {
    const linked = link({ id: 'lnk-a', actionId: 'act-1' });
    const ghost = link({ id: 'lnk-ghost', campaignId: 'cmp-9', campaignName: 'Never seen' });
    const seen = campaignsSeen(
      [
        capture('2026-11-01', '2026-11-07', { cost: 1 }),
        capture('2026-11-01', '2026-11-07', { cost: 1 }, { campaignId: 'cmp-2', campaignName: 'Display' }),
      ],
      [linked, ghost],
    );
    expect(seen.map((c) => [c.identity.campaignName, c.link?.id ?? null])).toEqual([
      ['Display', null],
      ['Never seen', 'lnk-ghost'],
      ['Search – Brand', 'lnk-a'],
    ]);
    expect(seen[1]?.captureCount).toBe(0);
  });

  it('finds the demo’s campaigns: 7 linked, 3 look-alikes unlinked', () => {
    const data = demoData();
    const seen = campaignsSeen(data.captures, data.campaignLinks);
    const unlinked = seen.filter((c) => c.link === null);
    expect(seen.filter((c) => c.link !== null)).toHaveLength(7);
    expect(unlinked.map((c) => c.identity.campaignName).sort()).toEqual([
      'ABM – DRH ETI – Sponsored Content',
      'Search – Logiciel paie – Exact',
      'Search – Marque Paysage RH',
    ]);
    expect(unlinked.find((c) => c.identity.console === 'google-ads' && c.identity.campaignId === '21457896321')?.identity.accountId).toBe(
      '731-004-2291',
    );
  });
});
