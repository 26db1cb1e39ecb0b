import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignLink } from '@/lib/domain';
import { type ExtensionSession, launchExtension } from './harness/browser';
import { OverlayPage } from './harness/overlay';
import { PopupPage, readStore, SidePanelPage, tabIdOf } from './harness/pages';
import { type FixtureServer, serveFixtures } from './harness/server';

describe('the overlay on a console', () => {
  let session: ExtensionSession;
  let server: FixtureServer;
  beforeAll(async () => {
    server = await serveFixtures();
    session = await launchExtension();
    const panel = await SidePanelPage.open(session);
    await panel.restore();
    await panel.page.close();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('badges linked rows, links an unlinked one from the picker, and the popup follows', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('/pages/demo/google-ads.html'));
    const overlay = await OverlayPage.attach(page);
    // Three campaigns of the demo console are linked: two to A01, one to A02.
    await expect.poll(async () => (await overlay.badges()).map((b) => b.code), { timeout: 15_000 }).toEqual(['A01', 'A01', 'A02']);
    const [exact] = await overlay.badges();
    expect(Object.keys(exact?.dots ?? {})).toEqual(['pacing', 'cpc', 'cpa', 'conversions', 'ctr', 'conversionRate']);
    expect(Object.values(exact?.dots ?? {}).every((s) => ['on', 'watch', 'off', 'none'].includes(s))).toBe(true);
    await page.screenshot({ path: 'screenshots/overlay.png' });

    // "YouTube – A02 Démo produit" is not linked: the picker suggests A02 (its code is in the name).
    const linkButtons = (await overlay.nodes()).filter((n) => n.attrs['data-planpilot-link'] !== undefined);
    expect(linkButtons).toHaveLength(3);
    await overlay.click(linkButtons[1] as (typeof linkButtons)[number]);
    const firstOption = await overlay.find((n) => n.tag === 'option');
    expect(firstOption.attrs.value).toBe('act-a02');
    await page.screenshot({ path: 'screenshots/overlay-picker.png' });
    await overlay.pick('act-a02');
    await expect.poll(async () => (await overlay.badges()).map((b) => b.code), { timeout: 10_000 }).toEqual(['A01', 'A01', 'A02', 'A02']);
    const links = await readStore<CampaignLink>(session, 'campaignLinks');
    expect(links.find((l) => l.campaignName === 'YouTube – A02 Démo produit')).toMatchObject({
      actionId: 'act-a02',
      campaignId: '21457896341',
      accountId: '482-913-5570',
    });

    const popup = await PopupPage.open(session, await tabIdOf(session, page));
    await expect.poll(() => popup.page.locator('.pp-linked').count(), { timeout: 10_000 }).toBe(2);
  });

  it('shows the page text as text only in the picker and summary (no HTML from the page)', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('/pages/demo/google-ads.html'));
    const overlay = await OverlayPage.attach(page);
    await expect
      .poll(async () => (await overlay.nodes()).filter((n) => n.attrs['data-planpilot-summary'] !== undefined).length, { timeout: 15_000 })
      .toBe(1);
    const tags = new Set((await overlay.nodes()).map((n) => n.tag));
    expect([...tags].filter((t) => ['script', 'img', 'iframe'].includes(t))).toEqual([]);
  });
});
