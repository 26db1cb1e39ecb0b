/**
 * `npm run check:real`: runs `extract` on every genuine console export in ../shared/fixtures/real (when that
 * folder exists) and prints pass/fail per file with the first difference. Not part of `npm test`: those files
 * stay outside the project and must never be copied into it.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ExtractCommandError, extractFile } from '../lib/cli/extract';
import { type FixtureCase, firstDifference, loadExpected, loadIndex } from './unit/readers/helpers';

const dir = resolve(process.env.PLANPILOT_REAL_FIXTURES ?? join(process.cwd(), '..', 'shared', 'fixtures', 'real'));

function check(c: FixtureCase): string | null {
  const file = join(dir, c.file);
  const expected = loadExpected(dir, c);
  try {
    const got = JSON.parse(JSON.stringify(extractFile(file, c.url)));
    if (c.exitCode === 1) return `expected exit 1, got a reading of ${(got as { rows: unknown[] }).rows.length} row(s)`;
    return firstDifference(got, expected);
  } catch (e) {
    if (!(e instanceof ExtractCommandError)) return `crashed: ${(e as Error).stack ?? String(e)}`;
    return c.exitCode === 1 ? null : `exit 1 (${e.message}), expected a reading`;
  }
}

if (!existsSync(join(dir, 'index.json'))) {
  console.log(`check:real: no genuine fixtures at ${dir}; nothing to check.`);
} else {
  let failed = 0;
  const cases = loadIndex(dir);
  for (const c of cases) {
    const diff = check(c);
    if (diff) failed++;
    console.log(`${diff ? 'FAIL' : 'pass'}  ${c.name}${diff ? `\n      ${diff}` : ''}`);
  }
  console.log(`\n${cases.length - failed}/${cases.length} genuine exports read as expected.`);
  if (failed > 0) process.exitCode = 1;
}
