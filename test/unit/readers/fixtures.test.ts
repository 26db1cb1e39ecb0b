/**
 * Every fixture of test/fixtures/index.json (and the held-out style pages of test/fixtures/readers) read by
 * `extract` exactly as expected; a few through the real command, for its exit code and its streams.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { ExtractCommandError, extractCommand, extractFile } from '@/lib/cli/extract';
import { extractionSchema } from '@/lib/readers/extraction';
import { readGrid } from '@/lib/readers/page';
import { readPage, tryReadPage } from '@/lib/readers/read-page';
import { type FixtureCase, firstDifference, loadExpected, loadIndex } from './helpers';

const root = resolve(__dirname, '../../..');
const FIXTURES = join(root, 'test/fixtures');
const HELD_OUT = join(root, 'test/fixtures/readers');

function check(dir: string, c: FixtureCase): void {
  const file = join(dir, c.file);
  if (c.exitCode === 1) {
    expect(() => extractFile(file, c.url)).toThrow(ExtractCommandError);
    return;
  }
  const got = JSON.parse(JSON.stringify(extractFile(file, c.url)));
  expect(firstDifference(got, loadExpected(dir, c))).toBeNull();
  expect(extractionSchema.safeParse(got).success).toBe(true);
}

describe('extract on the shared fixtures', () => {
  const cases = loadIndex(FIXTURES);
  it('covers every fixture kind of the index', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(['dashboard', 'export']));
  });
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => check(FIXTURES, c));
});

describe('extract on held-out style pages (not tuned on)', () => {
  it.each(loadIndex(HELD_OUT).map((c) => [c.name, c] as const))('%s', (_name, c) => check(HELD_OUT, c));
});

describe('pages read from the page alone (no --url)', () => {
  const pages = [
    ...loadIndex(FIXTURES).map((c) => [FIXTURES, c] as const),
    ...loadIndex(HELD_OUT).map((c) => [HELD_OUT, c] as const),
  ].filter(([, c]) => c.kind === 'dashboard' && c.exitCode === 0 && c.url !== null);
  it.each(pages.map(([dir, c]) => [c.name, dir, c] as const))('%s: same reading, console and account from the page', (_name, dir, c) => {
    const got = JSON.parse(JSON.stringify(extractFile(join(dir, c.file), null)));
    expect(firstDifference(got, loadExpected(dir, c))).toBeNull();
  });
});

describe('readPage, readGrid, tryReadPage', () => {
  const doc = (file: string) => parseHTML(readFileSync(join(FIXTURES, file), 'utf8')).document as unknown as Document;
  it('tryReadPage says why nothing was read', () => {
    expect(tryReadPage(doc('dashboards/no-grid.html'), null)).toMatchObject({ ok: false, code: 'no-grid' });
  });
  it('readGrid is readPage without the validation', () => {
    const d = doc('dashboards/linkedin-campaign-manager-en.html');
    expect(readGrid(d, null)).toEqual(readPage(d, null));
  });
  it('a grid with headers but no data row is refused as such', () => {
    const { document } = parseHTML('<table><thead><tr><th>Campaign</th><th>Clicks</th><th>Cost</th></tr></thead><tbody></tbody></table>');
    expect(tryReadPage(document as unknown as Document, null)).toMatchObject({ ok: false });
  });
});

describe('extractCommand', () => {
  it('prints one 2-space JSON object', () => {
    const out = extractCommand([join(FIXTURES, 'dashboards/generic-table-de.html')]);
    expect(out.startsWith('{\n  "console": "generic",')).toBe(true);
    expect(out.endsWith('}\n')).toBe(true);
  });
  it('refuses a file it cannot read, an unknown kind of file, a missing file argument', () => {
    expect(() => extractCommand([join(FIXTURES, 'nope.html')])).toThrow(/cannot read/);
    expect(() => extractCommand([join(FIXTURES, 'index.json')])).toThrow(/unknown kind of file/);
    expect(() => extractCommand([])).toThrow(/expected one file/);
  });
});

const run = promisify(execFile);
/** `tsx lib/cli/extract.ts …` as `npm run extract` runs it (tsx's own binary: npx would add npm's warnings to stderr). */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(join(root, 'node_modules/.bin/tsx'), ['lib/cli/extract.ts', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('the real command (child process)', () => {
  it('reads a French Google Ads page with --url', async () => {
    const c = loadIndex(FIXTURES).find((x) => x.name === 'google-ads-campaigns-fr') as FixtureCase;
    const r = await cli([join('test/fixtures', c.file), '--url', c.url as string]);
    expect(r.code).toBe(0);
    expect(firstDifference(JSON.parse(r.stdout), loadExpected(FIXTURES, c))).toBeNull();
  }, 30_000);
  it('reads the UTF-16 Google Ads export', async () => {
    const c = loadIndex(FIXTURES).find((x) => x.name === 'google-ads-campaigns-export') as FixtureCase;
    const r = await cli([join('test/fixtures', c.file)]);
    expect(r.code).toBe(0);
    expect(firstDifference(JSON.parse(r.stdout), loadExpected(FIXTURES, c))).toBeNull();
  }, 30_000);
  it('exits 1 with one line on stderr and nothing on stdout when the page has no grid', async () => {
    const r = await cli(['test/fixtures/dashboards/no-grid.html', '--url', 'https://ads.google.com/aw/overview?ocid=1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^extract: .*no grid/);
  }, 30_000);
});
