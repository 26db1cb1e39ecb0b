/**
 * The side panel's tableau de bord in Chromium, on the demo plan: the editor changes what the dashboard
 * shows (and the figures are the engine's, formatted as the UI formats them), refusals in words, undo,
 * calendar, budget, campaigns, next period, keyboard use, and an axe check of every tab.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFigure } from '@/components/common/figures';
import { today } from '@/lib/clock';
import { type PlanData, parseBackup } from '@/lib/domain';
import { makeFormatters } from '@/lib/i18n/format';
import { budgetBreakdown, planTotals } from '@/lib/insights';
import { compareTargets, computeActions, planDataFromBackup } from '@/lib/kpi';
import { type ExtensionSession, launchExtension } from './harness/browser';
import { DEMO_BACKUP, SidePanelPage } from './harness/pages';

const SHOTS = 'screenshots';
const DEMO_PLAN = 'plan-2026-s2';
const f = makeFormatters('fr-FR', 'EUR');
/** Text as read, with French non-breaking spaces as plain spaces. */
const norm = (s: string | null) =>
  (s ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
/** "27 000 €" → 27000. */
const euros = (s: string | null) =>
  Number(
    norm(s)
      .replace(/[^\d,-]/g, '')
      .replace(',', '.'),
  );

function demoData(): PlanData {
  const parsed = parseBackup(readFileSync(DEMO_BACKUP, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  const data = planDataFromBackup(parsed.value, DEMO_PLAN);
  if (!data) throw new Error('demo plan missing');
  return data;
}

const TABS = [
  ['dashboard', /^Tableau de bord$/],
  ['plan', /^Plan$/],
  ['calendar', /^Calendrier$/],
  ['budget', /^Budget$/],
  ['links', /^Campagnes$/],
  ['next', /^Période suivante$/],
] as const;

describe('side panel: the tableau de bord on the demo plan', () => {
  let session: ExtensionSession;
  let panel: SidePanelPage;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session = await launchExtension();
    panel = await SidePanelPage.open(session);
  });
  afterAll(async () => session?.close());

  /** The demo plan as in the file, shown. */
  async function freshDemo() {
    await panel.setWidth(1280);
    expect(await panel.restore()).toMatch(/1 plan/);
    await panel.page.locator('#pp-plan-select').selectOption(DEMO_PLAN);
  }

  it('edits a budget and a target; the dashboard shows what the engine computes for the new plan', async () => {
    await freshDemo();
    const { page } = panel;
    await panel.tab(/^Plan$/);
    await page.getByTestId('actions-editor').getByRole('button', { name: 'Modifier A01' }).click();
    const form = page.getByTestId('action-form');
    await form.getByLabel('Budget (HT)').fill('30 000');
    await form.getByLabel('CPA cible').fill('45');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(async () => norm(await page.getByTestId('editor-notice').textContent())).toBe('Action A01 enregistrée.');

    const data = demoData();
    const a01 = data.actions.find((a) => a.id === 'act-a01');
    if (!a01) throw new Error('no A01');
    a01.budget = 30_000;
    a01.targets = { ...a01.targets, cpa: 45 };
    const rows = computeActions(data, today());
    const totals = planTotals(rows);
    const row = rows.find((r) => r.action.id === 'act-a01');
    if (!row) throw new Error('no A01 row');
    const cpa = compareTargets(
      row.action.targets,
      { kpis: row.toDate.kpis, volumes: row.toDate.volumes, elapsedShare: row.elapsedShare, pacing: row.pacing },
      data.plan.tolerance,
    ).find((c) => c.key === 'cpa');

    await panel.tab(/^Tableau de bord$/);
    const totalsCard = page.getByTestId('plan-totals');
    await expect
      .poll(async () => norm(await totalsCard.locator('[data-field=budget] .pp-kpi-value').textContent()))
      .toBe(norm(f.money(totals.budget, 0)));
    expect(norm(await totalsCard.locator('[data-field=expectedSpendToDate] .pp-kpi-value').textContent())).toBe(
      norm(f.money(totals.expectedSpendToDate, 0)),
    );
    expect(norm(await totalsCard.locator('[data-field=pacing] .pp-kpi-value').textContent())).toBe(norm(f.times(totals.pacing)));
    expect(norm(await totalsCard.locator('[data-field=cpa] .pp-kpi-value').textContent())).toBe(
      norm(formatFigure('cpa', totals.kpis.cpa, f)),
    );

    const a01Row = page.getByTestId('actions-table').locator('tr[data-action-id=act-a01]');
    expect(norm(await a01Row.locator('[data-field=budget]').textContent())).toBe(norm(f.money(30_000, 0)));
    expect(norm(await a01Row.locator('.pp-pacing-value').textContent())).toBe(norm(f.times(row.pacing)));

    const cpaRow = page.getByTestId('targets-table').locator('tbody[data-action-id=act-a01] tr[data-key=cpa]');
    expect(norm(await cpaRow.locator('[data-field=target]').textContent())).toBe(norm(`≤ ${formatFigure('cpa', 45, f)}`));
    expect(norm(await cpaRow.locator('[data-field=actual]').textContent())).toBe(norm(formatFigure('cpa', cpa?.actual, f)));
    expect(await cpaRow.getAttribute('data-status')).toBe(cpa?.status);
    // 50 € against 45 €: over target, so it is listed with what to look at.
    expect(cpa?.status).toBe('off');
    const listed = page.getByTestId('off-target').locator('li[data-action-id=act-a01][data-key=cpa]');
    await expect.poll(() => listed.count()).toBe(1);
    expect(norm(await listed.locator('.pp-diag-hints').textContent())).toMatch(/^À regarder : .+\.$/);

    const google = page.getByTestId('channel-subtotals').locator('tr[data-channel=google-ads]');
    const googleBudget = rows.filter((r) => r.action.channel === 'google-ads').reduce((s, r) => s + r.action.budget, 0);
    expect(norm(await google.locator('[data-field=budget]').textContent())).toBe(norm(f.money(googleBudget, 0)));
  });

  it('refuses a bad value with a sentence naming the field, and writes nothing', async () => {
    await freshDemo();
    const { page } = panel;
    await panel.tab(/^Plan$/);
    await page.getByTestId('actions-editor').getByRole('button', { name: 'Modifier A02' }).click();
    const form = page.getByTestId('action-form');
    await form.getByLabel('Date de début').fill('2026-12-01');
    await form.getByLabel('Date de fin').fill('2026-11-01');
    await form.getByLabel('Budget (HT)').fill('-500');
    await form.getByLabel('CTR minimum (%)').fill('beaucoup');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    const summary = page.getByTestId('form-errors');
    await expect.poll(async () => norm(await summary.textContent())).toContain('La date de fin tombe avant la date de début.');
    const text = norm(await summary.textContent());
    expect(text).toContain('Le champ « Budget (HT) » ne peut pas être négatif.');
    expect(text).toContain('Le champ « CTR minimum (%) » attend un nombre, par exemple 1 500,50.');
    expect(await form.getByLabel('Budget (HT)').getAttribute('aria-invalid')).toBe('true');
    // Each sentence takes the keyboard to its field.
    await summary.getByRole('button', { name: /Budget/ }).click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('-500');
    await form.getByRole('button', { name: 'Annuler' }).click();

    // A plan-level bound reads in the user's unit.
    await page.getByTestId('plan-editor').getByLabel('Tolérance (%)').fill('150');
    await page.getByTestId('plan-editor').getByRole('button', { name: 'Enregistrer' }).click();
    await expect
      .poll(async () => norm(await page.getByTestId('form-errors').textContent()))
      .toContain('Le champ « Tolérance (%) » ne peut pas dépasser 100 %.');

    await panel.tab(/^Tableau de bord$/);
    const a02 = page.getByTestId('actions-table').locator('tr[data-action-id=act-a02]');
    expect(norm(await a02.locator('[data-field=budget]').textContent())).toBe(norm(f.money(5600, 0)));
  });

  it('deletes an action with its campaign link, and puts both back on undo', async () => {
    await freshDemo();
    const { page } = panel;
    await panel.tab(/^Plan$/);
    const items = page.getByTestId('actions-editor').locator('li[data-action-id]');
    await expect.poll(() => items.count()).toBe(8);
    await page.getByRole('button', { name: 'Supprimer A05' }).click();
    await expect.poll(() => items.count()).toBe(7);
    expect(norm(await panel.undoBar().textContent())).toContain('Action A05 supprimée');
    // The keyboard is on "undo", the deleted row's buttons being gone.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Annuler la suppression');
    await panel.undoBar().getByRole('button', { name: 'Annuler la suppression' }).click();
    await expect.poll(() => items.count()).toBe(8);
    expect(await items.nth(4).getAttribute('data-action-id')).toBe('act-a05');
    await panel.tab(/^Campagnes$/);
    const brevo = page.getByTestId('links-view').locator('li[data-campaign="Nurturing DRH – séquence automne"]');
    await expect.poll(() => brevo.getAttribute('data-linked')).toBe('yes');
  });

  it('works from the keyboard: open an action, change its budget, save with Enter', async () => {
    await freshDemo();
    const { page } = panel;
    await panel.tab(/^Plan$/);
    await page.getByRole('button', { name: 'Modifier A03' }).focus();
    await page.keyboard.press('Enter');
    const form = page.getByTestId('action-form');
    await form.waitFor();
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        () => document.activeElement?.id === document.querySelector('label[for]:is([for$="-budget"])')?.getAttribute('for'),
      );
    }
    expect(reached).toBe(true);
    // The focus is visible.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).not.toBe('none');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('8000');
    await page.keyboard.press('Enter');
    await expect.poll(async () => norm(await page.getByTestId('editor-notice').textContent())).toBe('Action A03 enregistrée.');
    await panel.tab(/^Tableau de bord$/);
    const a03 = page.getByTestId('actions-table').locator('tr[data-action-id=act-a03]');
    await expect.poll(async () => norm(await a03.locator('[data-field=budget]').textContent())).toBe(norm(f.money(8000, 0)));
  });

  it('moves between tabs with the arrow keys, Home and End; the tab list is one Tab stop', async () => {
    const { page } = panel;
    await panel.tab(/^Tableau de bord$/);
    const selected = () => page.evaluate(() => document.querySelector('[role=tab][aria-selected=true]')?.id);
    const focused = () => page.evaluate(() => document.activeElement?.id);
    await page.getByRole('tab', { name: /^Tableau de bord$/ }).focus();
    await page.keyboard.press('ArrowRight');
    expect([await selected(), await focused()]).toEqual(['pp-tab-plan', 'pp-tab-plan']);
    await expect.poll(async () => (await panel.tabPanel().getAttribute('aria-labelledby')) ?? '').toBe('pp-tab-plan');
    await page.keyboard.press('End');
    expect(await selected()).toBe('pp-tab-backup');
    await page.keyboard.press('ArrowRight'); // wraps to the first
    expect(await selected()).toBe('pp-tab-dashboard');
    await page.keyboard.press('ArrowLeft');
    expect(await selected()).toBe('pp-tab-backup');
    await page.keyboard.press('Home');
    expect([await selected(), await focused()]).toEqual(['pp-tab-dashboard', 'pp-tab-dashboard']);
    // Only the chosen tab is in the Tab order.
    expect(await page.locator('[role=tab][tabindex="0"]').count()).toBe(1);
  });

  it('shows the 8 actions on the calendar with a line for today, filterable by owner and channel', async () => {
    await freshDemo();
    const { page } = panel;
    await panel.tab(/^Calendrier$/);
    const calendar = page.getByTestId('calendar');
    await expect.poll(() => calendar.getByTestId('calendar-bar').count()).toBe(8);
    expect(await calendar.getByTestId('today-line').count()).toBe(1);
    const line = await calendar.getByTestId('today-line').boundingBox();
    const a01 = await calendar.locator('li[data-action-id=act-a01] [data-testid=calendar-bar]').boundingBox();
    // Today (24 Nov) falls inside A01's bar (1 Sep – 31 Dec).
    expect(line && a01 && line.x > a01.x && line.x < a01.x + a01.width).toBe(true);
    await calendar.getByLabel('Responsable').selectOption('Inès Benali');
    await expect.poll(() => calendar.getByTestId('calendar-bar').count()).toBe(3);
    await calendar.getByLabel('Canal').selectOption('meta-ads');
    await expect.poll(() => calendar.getByTestId('calendar-bar').count()).toBe(2);
    expect(norm(await calendar.getByTestId('calendar-count').textContent())).toContain('2 action(s) sur 8');
    await calendar.getByLabel('Responsable').selectOption('');
    await calendar.getByLabel('Canal').selectOption('');
  });

  it('spreads the budget over channels, levers and months, each summing to the plan budget', async () => {
    await freshDemo();
    const { page } = panel;
    const rows = computeActions(demoData(), today());
    const budget = planTotals(rows).budget;
    await panel.tab(/^Budget$/);
    for (const id of ['budget-by-channel', 'budget-by-lever']) {
      const table = page.getByTestId(id);
      await expect.poll(async () => norm(await table.locator('tfoot [data-field=budget]').textContent())).toBe(norm(f.money(budget, 0)));
      const lines = await table.locator('tbody [data-field=budget]').allTextContents();
      expect(lines.reduce((s, t) => s + euros(t), 0)).toBe(budget);
    }
    const channel = budgetBreakdown(rows, (a) => a.channel, ['google-ads']);
    const google = page.getByTestId('budget-by-channel').locator('tr[data-key=google-ads]');
    expect(norm(await google.locator('[data-field=spent]').textContent())).toBe(norm(f.money(channel.lines[0]?.spent, 0)));
    const months = page.getByTestId('budget-by-month');
    expect(norm(await months.locator('tfoot [data-field=planned]').textContent())).toBe(norm(f.money(budget, 0)));
    const planned = await months.locator('tbody [data-field=planned]').allTextContents();
    // Each month is shown to the euro: their sum is the budget within a euro per month.
    expect(Math.abs(planned.reduce((s, t) => s + (norm(t) ? euros(t) : 0), 0) - budget)).toBeLessThanOrEqual(planned.length);
  });

  it('lists the campaigns seen, unlinked first, and links one to an action (with undo)', async () => {
    await freshDemo();
    const { page } = panel;
    await panel.tab(/^Campagnes$/);
    const view = page.getByTestId('links-view');
    const rows = view.locator('li[data-campaign]');
    await expect.poll(() => rows.count()).toBe(10);
    const linked = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-linked')));
    expect(linked).toEqual(['no', 'no', 'no', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes']);
    const names = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-campaign')));
    expect(names).toEqual(
      expect.arrayContaining([
        'Search – Marque Paysage RH',
        'Search – Logiciel paie – Exact',
        'Search – Logiciel paie – Large',
        'Display – Remarketing visiteurs',
        'Leads – Formulaire démo – DRH',
        'ABM – DRH ETI – Sponsored Content',
        'Nurturing DRH – séquence automne',
        "Retargeting vidéo – Fin d'année",
      ]),
    );
    await view.getByLabel('Action de la campagne Search – Marque Paysage RH').selectOption('act-a01');
    await expect
      .poll(async () => norm(await panel.page.getByTestId('undo-bar').textContent()))
      .toContain('Campagne « Search – Marque Paysage RH » rattachée à A01.');
    const brand = view.locator('li[data-campaign="Search – Marque Paysage RH"]');
    await expect.poll(() => brand.getAttribute('data-linked')).toBe('yes');
    await panel.undoBar().getByRole('button', { name: 'Annuler' }).first().click();
    await expect.poll(() => brand.getAttribute('data-linked')).toBe('no');
  });

  it('starts the next period from this plan with the actions kept and their new budgets', async () => {
    await freshDemo();
    const { page } = panel;
    await panel.tab(/^Période suivante$/);
    const view = page.getByTestId('next-period');
    await view.getByLabel('Reconduire A06').uncheck();
    await view.getByLabel('Reconduire A07').uncheck();
    await view.getByRole('group', { name: 'Objectifs chiffrés de A01' }).getByLabel('Budget (HT)').fill('30000');
    expect(norm(await view.getByTestId('next-kept').textContent())).toBe(
      `6 action(s) reconduite(s), budget total ${norm(f.money(55_400, 0))}`,
    );
    const review = norm(await view.getByLabel('Bilan de la période précédente').inputValue());
    expect(review).toMatch(/^Bilan de « Plan marketing opérationnel 2026 – S2 » au /);
    expect(review).toContain('Non reconduites : A06, A07.');
    await view.getByTestId('next-create').click();
    await expect
      .poll(async () => norm(await page.getByTestId('next-created').textContent()))
      .toBe('Plan « Plan marketing opérationnel 2026 – S2 (suite) » créé avec 6 action(s). Il est maintenant affiché.');
    const chosen = page.locator('#pp-plan-select option:checked');
    await expect.poll(async () => norm(await chosen.textContent())).toBe('Plan marketing opérationnel 2026 – S2 (suite)');
    await panel.tab(/^Plan$/);
    const items = page.getByTestId('actions-editor').locator('li[data-action-id]');
    await expect.poll(() => items.count()).toBe(6);
    expect(norm(await page.getByTestId('plan-editor').getByLabel('Date de début').inputValue())).toBe('2027-01-01');
    await panel.tab(/^Tableau de bord$/);
    await expect
      .poll(async () => norm(await page.getByTestId('plan-totals').locator('[data-field=budget] .pp-kpi-value').textContent()))
      .toBe(norm(f.money(55_400, 0)));
    // The demo plan is untouched.
    await page.locator('#pp-plan-select').selectOption(DEMO_PLAN);
    await expect
      .poll(async () => norm(await page.getByTestId('plan-totals').locator('[data-field=budget] .pp-kpi-value').textContent()))
      .toBe(norm(f.money(66_400, 0)));
  });

  it('has no serious or critical accessibility violation on any tab (axe), at side panel width', async () => {
    await freshDemo();
    await panel.setWidth(420);
    const { page } = panel;
    const found: string[] = [];
    const check = async (where: string) => {
      const results = await new AxeBuilder({ page }).include('body').analyze();
      for (const v of results.violations) {
        if (v.impact === 'serious' || v.impact === 'critical') {
          found.push(
            `${where}: ${v.id} (${v.impact}) ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(' | ')}`,
          );
        }
      }
    };
    for (const [name, label] of TABS) {
      await panel.tab(label);
      await page.locator('#pp-tabpanel > *').first().waitFor();
      await page.waitForTimeout(300);
      await check(name);
    }
    // The editor's states too: a form open with its errors, and the undo bar.
    await panel.tab(/^Plan$/);
    await page.getByRole('button', { name: 'Modifier A01' }).click();
    await page.getByTestId('action-form').getByLabel('Budget (HT)').fill('-1');
    await page.getByTestId('action-form').getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByTestId('form-errors').waitFor();
    await check('plan (form with errors)');
    await page.getByTestId('action-form').getByRole('button', { name: 'Annuler' }).click();
    await page.getByRole('button', { name: 'Supprimer A08' }).click();
    await panel.undoBar().waitFor();
    await check('plan (undo bar)');
    await panel.undoBar().getByRole('button', { name: 'Annuler la suppression' }).click();
    expect(found).toEqual([]);
    // axe reads every node of eight screens: slow on two shared cores.
  }, 300_000);

  it('takes screenshots of every tab at 420 px and 1280 px', async () => {
    await freshDemo();
    const { page } = panel;
    for (const width of [420, 1280]) {
      await panel.setWidth(width);
      for (const [name, label] of TABS) {
        await panel.tab(label);
        if (name === 'dashboard' || name === 'budget') await page.locator('.recharts-surface').last().waitFor();
        // Recharts draws once its container is measured.
        await page.waitForTimeout(700);
        await page.screenshot({ path: `${SHOTS}/sidepanel-${name}-${width}.png`, fullPage: true });
      }
    }
  }, 120_000);
});
