/**
 * `npm start`: builds the extension, opens Chromium with it, the demo plan restored and the demo
 * console pages served on 127.0.0.1. `npm start -- --headless` (or no display) writes screenshots
 * of the console, the popup and the side panel to screenshots/ instead, then exits.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { launchExtension } from './browser';
import { PopupPage, SidePanelPage, tabIdOf } from './pages';
import { serveFixtures } from './server';

const headless = process.argv.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const SHOTS = 'screenshots';

const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: { ...process.env, PLANPILOT_TEST: '1' } });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = await serveFixtures();
const session = await launchExtension({ headless });
const panel = await SidePanelPage.open(session);
console.log(await panel.restore());
await panel.tab(/Tableau de bord|Dashboard/);

const consolePage = await session.context.newPage();
await consolePage.goto(server.url('/pages/demo/google-ads.html'));
const popup = await PopupPage.open(session, await tabIdOf(session, consolePage));

if (headless) {
  mkdirSync(SHOTS, { recursive: true });
  await consolePage.waitForTimeout(1500);
  await consolePage.screenshot({ path: `${SHOTS}/start-console.png` });
  await popup.page.screenshot({ path: `${SHOTS}/start-popup.png`, fullPage: true });
  await panel.page.screenshot({ path: `${SHOTS}/start-sidepanel.png`, fullPage: true });
  console.log(`Screenshots written to ${SHOTS}/start-{console,popup,sidepanel}.png`);
  await session.close();
  await server.close();
} else {
  await consolePage.bringToFront();
  console.log(`Planpilot is running. Demo consoles: ${server.origin}/dashboards/ — close the browser or press Ctrl+C to stop.`);
  session.context.on('close', () => void server.close().then(() => process.exit(0)));
  process.on(
    'SIGINT',
    () =>
      void session
        .close()
        .then(() => server.close())
        .then(() => process.exit(0)),
  );
}
