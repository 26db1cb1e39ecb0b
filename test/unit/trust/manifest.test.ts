/**
 * Point 1: the fewest permissions, checked twice: on what wxt.config.ts asks for (its manifest function, for
 * every browser and build) and on the manifest the shipped build wrote (.output/chrome-mv3, built here when
 * missing). Host access is optional and per console, never all URLs; no content script is declared (it is
 * registered at runtime for granted hosts only); nothing is web-accessible; no page or other extension may
 * connect; the extension pages' CSP allows our own scripts only; no remote code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALL_CONSOLE_HOSTS, CONSOLE_HOSTS, TEST_HOSTS } from '@/lib/consoles';

const ROOT = resolve(import.meta.dirname, '../../..');
const SHIPPED = join(ROOT, '.output/chrome-mv3');

/** Every permission Planpilot may hold, and why (the README's table says the same). */
const WHY: Record<string, string> = {
  storage: 'preferences (language, overlay) and the latest reading of each tab (session storage)',
  alarms: 'the weekly snapshot job wakes the service worker',
  scripting: 'registers the console content script for the consoles the user enabled, and only those',
  activeTab: 'the popup offers to enable the console of the tab it was opened on',
  sidePanel: 'the dashboard opens in the side panel (Chromium)',
};

type Manifest = {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_security_policy?: { extension_pages?: string } | string;
  content_scripts?: unknown[];
  web_accessible_resources?: unknown[];
  externally_connectable?: unknown;
  background?: { service_worker?: string; scripts?: string[] };
  [key: string]: unknown;
};
type Env = { browser: string; command: 'build' | 'serve'; mode: string; manifestVersion: 2 | 3 };

async function configManifest(env: Env, testBuild = false): Promise<Manifest> {
  vi.resetModules();
  vi.stubEnv('PLANPILOT_TEST', testBuild ? '1' : '');
  const config = (await import('../../../wxt.config')).default as { manifest?: unknown };
  if (typeof config.manifest !== 'function') throw new Error('wxt.config.ts: manifest is not a function');
  return (await (config.manifest as (env: Env) => Manifest | Promise<Manifest>)(env)) as Manifest;
}

function shippedManifest(): Manifest {
  const file = join(SHIPPED, 'manifest.json');
  if (!existsSync(file)) {
    const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PLANPILOT_TEST: '' } });
    if (build.status !== 0) throw new Error(`wxt build failed: ${build.stderr}`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

const chrome: Env = { browser: 'chrome', command: 'build', mode: 'production', manifestVersion: 3 };
const firefox: Env = { browser: 'firefox', command: 'build', mode: 'production', manifestVersion: 2 };

/** Host patterns that would reach pages beyond the consoles'. */
const BROAD = /<all_urls>|^\*:\/\/\*|^https?:\/\/\*\/|^https?:\/\/\*\.[^/]*\*|^file:/;

function expectLeastPrivilege(m: Manifest, hosts: { granted: string[] }) {
  // API permissions: only the ones we can say why for; no host pattern hidden among them (MV2 allows that).
  expect(m.permissions?.every((p) => p in WHY)).toBe(true);
  // Host access: none at install (the test build: 127.0.0.1 only), every console optional, asked one at a time.
  expect(m.host_permissions ?? (m.permissions ?? []).filter((p) => p.includes('://'))).toEqual(hosts.granted);
  const optional = m.optional_host_permissions ?? m.optional_permissions ?? [];
  expect(optional).toEqual(ALL_CONSOLE_HOSTS);
  for (const p of optional) {
    expect(p).toMatch(/^https:\/\/(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+\/[\w/-]*\*$/);
    expect(p).not.toMatch(BROAD);
  }
  expect(JSON.stringify(m)).not.toMatch(/<all_urls>|\*:\/\/\*\/\*/);
  // Nothing declared that a page or another extension could use to reach us.
  expect(m.content_scripts ?? []).toEqual([]);
  expect(m.web_accessible_resources ?? []).toEqual([]);
  expect(m.externally_connectable).toBeUndefined();
  // Our scripts only: no eval, no inline script, no remote origin, no plugin, and (built) no fetch elsewhere.
  const csp =
    typeof m.content_security_policy === 'string' ? m.content_security_policy : (m.content_security_policy?.extension_pages ?? '');
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k = '', ...v]) => [k, v] as const),
  );
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'none'"]);
  expect(directives.get('connect-src')).toEqual(["'self'"]);
  expect(csp).not.toMatch(/unsafe-|https?:|\*|data:|blob:/);
}

describe('permissions asked by wxt.config.ts', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('Chromium, shipped build: the fewest', async () => {
    expectLeastPrivilege(await configManifest(chrome), { granted: [] });
  });

  it('Chromium, test build: the same plus 127.0.0.1 granted at install, nothing else', async () => {
    const shipped = await configManifest(chrome);
    const test = await configManifest(chrome, true);
    expectLeastPrivilege(test, { granted: TEST_HOSTS });
    expect({ ...test, host_permissions: [] }).toEqual(shipped);
  });

  it('Firefox (MV2): console hosts optional too, never granted at install', async () => {
    expectLeastPrivilege(await configManifest(firefox), { granted: [] });
  });

  it('each console is its own set of hosts, so enabling one grants no other', () => {
    const all = Object.values(CONSOLE_HOSTS).flat();
    expect(new Set(all).size).toBe(all.length);
    for (const patterns of Object.values(CONSOLE_HOSTS)) expect(patterns.length).toBeLessThanOrEqual(2);
  });
});

describe('the manifest the shipped build wrote', () => {
  const manifest = shippedManifest();

  it('asks for the fewest permissions', () => {
    expectLeastPrivilege(manifest, { granted: [] });
    expect(manifest.manifest_version).toBe(3);
  });

  it('is exactly what wxt.config.ts asks for', async () => {
    const asked = await configManifest(chrome);
    for (const key of ['permissions', 'host_permissions', 'optional_host_permissions', 'content_security_policy'] as const) {
      expect(manifest[key], key).toEqual(asked[key]);
    }
  });

  it('loads no remote code: every page script and the worker are files of the extension', () => {
    for (const page of readdirSync(SHIPPED).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(SHIPPED, page), 'utf8');
      const sources = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] ?? '');
      expect(sources.length, page).toBeGreaterThan(0);
      for (const src of sources) expect(src, page).toMatch(/^\/(?!\/)/);
      expect(html, page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/); // no inline script
      expect(html, page).not.toMatch(/https?:\/\//);
    }
    const scripts = ['background.js', ...readdirSync(join(SHIPPED, 'chunks')).map((f) => `chunks/${f}`), 'content-scripts/console.js'];
    for (const file of scripts) {
      const js = readFileSync(join(SHIPPED, file), 'utf8');
      expect(js, file).not.toMatch(/importScripts\(|import\(\s*["'`]https?:|\beval\(/);
    }
    expect(manifest.background?.service_worker).toBe('background.js');
  });

  it('listens to no other extension or page (no onMessageExternal / onConnectExternal anywhere)', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    const sources = [...walk(join(ROOT, 'lib')), ...walk(join(ROOT, 'entrypoints')), ...walk(join(ROOT, 'components'))].filter((f) =>
      /\.tsx?$/.test(f),
    );
    for (const f of sources) expect(readFileSync(f, 'utf8'), f).not.toMatch(/onMessageExternal|onConnectExternal|externally_connectable/);
  });
});
