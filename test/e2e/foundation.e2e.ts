import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '@/lib/clock';
import { parseBackup } from '@/lib/domain';
import { makeFormatters } from '@/lib/i18n/format';
import { computeActions, planDataFromBackup } from '@/lib/kpi';
import { type ExtensionSession, launchExtension } from './harness/browser';
import { DEMO_BACKUP, PopupPage, SidePanelPage } from './harness/pages';

const SHOTS = 'screenshots';

/** What the engine says for the demo plan today, formatted as the French UI shows it. */
function expectedRows() {
  const parsed = parseBackup(readFileSync(DEMO_BACKUP, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  const data = planDataFromBackup(parsed.value, 'plan-2026-s2');
  if (!data) throw new Error('demo plan missing');
  const f = makeFormatters('fr-FR', 'EUR');
  return computeActions(data, today()).map((r) => ({
    code: r.action.code,
    budget: f.money(r.action.budget, 0),
    spend: f.money(r.toDate.spend, 0),
    pacing: f.times(r.pacing),
  }));
}

const norm = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

describe('foundation: the extension in Chromium with the demo plan', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session = await launchExtension();
  });
  afterAll(async () => session?.close());

  it('gets its id from the service worker', () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('restores the demo plan from the side panel and lists its actions with budget, spend and pacing', async () => {
    const panel = await SidePanelPage.open(session);
    const message = await panel.restore();
    expect(message).toMatch(/1 plan/);
    await panel.tab(/Tableau de bord|Dashboard/);
    const expected = expectedRows();
    await expect.poll(() => panel.actionRows().count()).toBe(expected.length);
    for (const [i, row] of expected.entries()) {
      const tr = panel.actionRows().nth(i);
      expect(norm(await tr.locator('th').textContent())).toContain(row.code);
      expect(norm(await tr.locator('[data-field=budget]').textContent())).toBe(norm(row.budget));
      expect(norm(await tr.locator('[data-field=spendToDate]').textContent())).toBe(norm(row.spend));
      expect(norm(await tr.locator('.pp-pacing-value').textContent())).toBe(norm(row.pacing));
    }
    await panel.page.screenshot({ path: `${SHOTS}/sidepanel-dashboard.png`, fullPage: true });
  });

  it('shows the same actions in the popup', async () => {
    const popup = await PopupPage.open(session);
    const expected = expectedRows();
    await expect.poll(() => popup.actionRows().count()).toBe(expected.length);
    expect(norm(await popup.actionRows().first().locator('[data-field=spendToDate]').textContent())).toBe(norm(expected[0]?.spend ?? ''));
    await popup.page.screenshot({ path: `${SHOTS}/popup.png`, fullPage: true });
  });

  it('refuses a corrupted backup and keeps the plan', async () => {
    const panel = await SidePanelPage.open(session);
    await panel.tab(/Sauvegarde|Backup/);
    const broken = readFileSync(DEMO_BACKUP, 'utf8').replace('"budget": 27000', '"budget": "27000"');
    await panel.page
      .getByTestId('restore-input')
      .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    await expect.poll(async () => norm(await panel.page.getByTestId('restore-message').textContent())).toMatch(/actions\[0\]\.budget/);
    await panel.tab(/Tableau de bord|Dashboard/);
    await expect.poll(() => panel.actionRows().count()).toBe(8);
  });
});
