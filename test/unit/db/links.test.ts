import { beforeEach, describe, expect, it } from 'vitest';
import {
  findLinksForCampaigns,
  linkCampaign,
  listLinks,
  type PlanpilotDb,
  StoreError,
  unlinkCampaign,
  upsertAction,
  upsertPlan,
} from '@/lib/db';
import type { CampaignLink } from '@/lib/domain';
import { action, planB } from './fixtures';
import { dumpAll, freshDb } from './helpers';

const link = (id: string, actionId: string, extra: Partial<CampaignLink> = {}): CampaignLink => ({
  id,
  actionId,
  console: 'google-ads',
  accountId: '111-222-3333',
  campaignId: 'camp-1',
  campaignName: 'Search – Brand',
  ...extra,
});

describe('linkCampaign', () => {
  let db: PlanpilotDb;
  beforeEach(async () => {
    db = await freshDb();
    await upsertPlan(db, planB);
    for (const id of ['a1', 'a2', 'a3']) await upsertAction(db, action(id, 'plan-b'));
  });

  it('moves a campaign linked to another action: it feeds one action only', async () => {
    await linkCampaign(db, link('l1', 'a1'));
    const r = await linkCampaign(db, link('l2', 'a2'));
    expect(r.replaced.map((l) => l.id)).toEqual(['l1']);
    expect(await listLinks(db, 'a1')).toEqual([]);
    expect((await listLinks(db, 'a2')).map((l) => l.id)).toEqual(['l2']);
    expect(await db.campaignLinks.count()).toBe(1);
  });

  it('matches campaigns by id where both have one, else by exact name', async () => {
    await linkCampaign(db, link('by-name', 'a1', { campaignId: null }));
    await linkCampaign(db, link('other-id', 'a3', { campaignId: 'camp-2', campaignName: 'Search – Other' }));
    // Same name with an id: the name decides against a link without id → moved.
    const r = await linkCampaign(db, link('by-id', 'a2'));
    expect(r.replaced.map((l) => l.id)).toEqual(['by-name']);
    // Same name, but both carry different ids: two campaigns, nothing moves.
    expect((await linkCampaign(db, link('twin', 'a3', { campaignId: 'camp-9' }))).replaced).toEqual([]);
    // Same id in another client account: another campaign.
    expect((await linkCampaign(db, link('other-account', 'a1', { accountId: '999-999-9999' }))).replaced).toEqual([]);
    // Name differing in case: another campaign.
    expect((await linkCampaign(db, link('case', 'a1', { campaignId: null, campaignName: 'search – brand' }))).replaced).toEqual([]);
    expect((await db.campaignLinks.toArray()).map((l) => l.id).sort()).toEqual(['by-id', 'case', 'other-account', 'other-id', 'twin']);
  });

  it('updates a link in place (same id), and refuses a link to a missing action or without campaign', async () => {
    await linkCampaign(db, link('l1', 'a1'));
    expect((await linkCampaign(db, link('l1', 'a2'))).replaced).toEqual([]);
    expect((await db.campaignLinks.get('l1'))?.actionId).toBe('a2');
    const before = await dumpAll(db);
    await expect(linkCampaign(db, link('l9', 'nope', { campaignId: 'c9' }))).rejects.toMatchObject({ path: 'actionId' });
    await expect(linkCampaign(db, link('l9', 'a1', { campaignId: null, campaignName: null }))).rejects.toThrow(StoreError);
    expect(await dumpAll(db)).toEqual(before);
  });

  it('finds the links of the campaigns a page shows, and unlinks', async () => {
    await linkCampaign(db, link('l1', 'a1'));
    await linkCampaign(db, link('l2', 'a2', { console: 'meta-ads', campaignId: null, campaignName: 'Leads' }));
    const found = await findLinksForCampaigns(db, [
      { console: 'google-ads', accountId: '111-222-3333', campaignId: 'camp-1', campaignName: 'Renamed since' },
      { console: 'meta-ads', accountId: null, campaignId: '777', campaignName: 'Leads' },
      { console: 'meta-ads', accountId: null, campaignId: '778', campaignName: 'Other' },
    ]);
    expect(found.map((l) => l.id)).toEqual(['l1', 'l2']);
    expect(await unlinkCampaign(db, 'l1')).toMatchObject({ id: 'l1' });
    expect(await unlinkCampaign(db, 'l1')).toBeUndefined();
    expect(await db.campaignLinks.count()).toBe(1);
  });
});
