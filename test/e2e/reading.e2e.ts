import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capture } from '@/lib/domain';
import { type ExtensionSession, launchExtension } from './harness/browser';
import { PopupPage, readStore, SidePanelPage, tabIdOf } from './harness/pages';
import { type FixtureServer, serveFixtures } from './harness/server';

describe('reading consoles live in Chromium', () => {
  let session: ExtensionSession;
  let server: FixtureServer;
  beforeAll(async () => {
    server = await serveFixtures();
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  const capturesOf = async (name: string) => (await readStore<Capture>(session, 'captures')).filter((c) => c.campaignName === name);

  it('stores Captures from a Google Ads grid served on 127.0.0.1', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('/dashboards/google-ads-campaigns-en.html'));
    await expect
      .poll(async () => (await readStore<Capture>(session, 'captures')).filter((c) => c.console === 'google-ads').length, {
        timeout: 15_000,
      })
      .toBe(8);
    const [capture] = await readStore<Capture>(session, 'captures');
    expect(capture?.dateRange.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(capture?.currency).toBe('USD');
    await page.close();
  });

  it('picks up a change in the grid and follows single-page navigation', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('/pages/spa/campaigns'));
    await expect.poll(() => capturesOf('Spring Search – Brand').then((c) => c.length), { timeout: 15_000 }).toBe(1);
    // Reading again with nothing changed stores nothing more.
    await page.evaluate(() => document.body.append(document.createElement('span')));
    await page.waitForTimeout(500);
    expect(await capturesOf('Spring Search – Brand')).toHaveLength(1);
    // A figure changes in the grid: a new capture with the new cost.
    await page.evaluate(() => (window as unknown as { bumpFirstCost: () => void }).bumpFirstCost());
    await expect
      .poll(() => capturesOf('Spring Search – Brand').then((c) => c.map((x) => x.metrics.cost).sort()), { timeout: 10_000 })
      .toEqual([1204.5, 1250]);
    // Navigation to another view without a reload: its rows are read too.
    await page.getByRole('link', { name: 'Ad groups' }).click();
    await expect.poll(() => capturesOf('Brand – exact').then((c) => c.length), { timeout: 10_000 }).toBe(1);
    await page.close();
  });

  it('tells the popup what is on the tab, with the linked actions against their targets', async () => {
    const panel = await SidePanelPage.open(session);
    await panel.restore();
    const page = await session.context.newPage();
    await page.goto(server.url('/pages/demo/google-ads.html'));
    const tabId = await tabIdOf(session, page);
    const popup = await PopupPage.open(session, tabId);
    await expect.poll(() => popup.page.getByTestId('tab-summary').textContent(), { timeout: 15_000 }).toMatch(/6 campagne.*482-913-5570/);
    expect(await popup.page.getByTestId('tab-card').locator('h2').textContent()).toBe('Google Ads');
    // The demo plan links three of these campaigns to A01 and A02: both actions, with their targets.
    await expect
      .poll(() => popup.page.locator('.pp-linked').evaluateAll((els) => els.map((e) => e.getAttribute('data-action-id'))))
      .toEqual(['act-a01', 'act-a02']);
    const a01 = popup.page.locator('[data-action-id=act-a01]');
    expect(await a01.locator('tr[data-kpi]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kpi')))).toEqual([
      'pacing',
      'cpc',
      'cpa',
      'conversions',
      'ctr',
      'conversionRate',
    ]);
    expect(await a01.locator('tr[data-kpi=cpc] [data-status]').getAttribute('data-status')).toMatch(/^(on|watch|off)$/);
    await popup.page.screenshot({ path: 'screenshots/popup-console.png', fullPage: true });
  });
});
