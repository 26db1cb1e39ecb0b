/**
 * Shared by the reader tests and `npm run check:real`: fixture indexes, and a deep comparison of an extraction
 * with its expected file (floats within 1e-9 relative) that names the first difference.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type FixtureCase = {
  name: string;
  kind: 'dashboard' | 'export';
  file: string;
  url: string | null;
  expected: string;
  exitCode: 0 | 1;
  description: string;
};

export function loadIndex(dir: string): FixtureCase[] {
  return (JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { fixtures: FixtureCase[] }).fixtures;
}

export function loadExpected(dir: string, c: FixtureCase): unknown {
  return JSON.parse(readFileSync(join(dir, c.expected), 'utf8'));
}

const close = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/** The first difference between two JSON values as `path: got X, expected Y`, or null when they match. */
export function firstDifference(got: unknown, want: unknown, path = '$'): string | null {
  if (typeof want === 'number' && typeof got === 'number') return close(got, want) ? null : `${path}: got ${got}, expected ${want}`;
  if (want === null || typeof want !== 'object') {
    return Object.is(got, want) ? null : `${path}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`;
  }
  if (Array.isArray(want)) {
    if (!Array.isArray(got)) return `${path}: got ${JSON.stringify(got)}, expected an array`;
    for (let i = 0; i < Math.max(got.length, want.length); i++) {
      if (i >= got.length) return `${path}[${i}]: missing, expected ${JSON.stringify(want[i])}`;
      if (i >= want.length) return `${path}[${i}]: unexpected ${JSON.stringify(got[i])}`;
      const d = firstDifference(got[i], want[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (got === null || typeof got !== 'object' || Array.isArray(got)) return `${path}: got ${JSON.stringify(got)}, expected an object`;
  const g = got as Record<string, unknown>;
  const w = want as Record<string, unknown>;
  for (const key of Object.keys(w)) {
    if (!(key in g)) return `${path}.${key}: missing, expected ${JSON.stringify(w[key])}`;
    const d = firstDifference(g[key], w[key], `${path}.${key}`);
    if (d) return d;
  }
  for (const key of Object.keys(g)) if (!(key in w)) return `${path}.${key}: unexpected ${JSON.stringify(g[key])}`;
  return null;
}
