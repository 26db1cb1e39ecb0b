import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBackup } from '@/lib/domain';

const demo = readFileSync(new URL('../../fixtures/backups/demo-plan.json', import.meta.url), 'utf8');

describe('parseBackup', () => {
  it('reads the demo plan', () => {
    const r = parseBackup(demo);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.actions).toHaveLength(8);
    expect(r.value.captures).toHaveLength(148);
    expect(r.value.resultEntries).toHaveLength(6);
  });
  it('refuses truncated JSON', () => {
    const r = parseBackup(demo.slice(0, 500));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/not a JSON file/);
  });
  it('refuses an unknown version', () => {
    const r = parseBackup(demo.replace('"version": 1', '"version": 7'));
    expect(r).toMatchObject({ ok: false, path: 'version' });
  });
  it('names the first bad field deep inside', () => {
    const b = JSON.parse(demo);
    b.actions[2].targets.cpl = 'cheap';
    const r = parseBackup(JSON.stringify(b));
    expect(r).toMatchObject({ ok: false, path: 'actions[2].targets.cpl' });
  });
  it('refuses duplicate ids and dangling references', () => {
    const b = JSON.parse(demo);
    b.captures[1].id = b.captures[0].id;
    expect(parseBackup(JSON.stringify(b))).toMatchObject({ ok: false, path: 'captures[1].id' });
    const c = JSON.parse(demo);
    c.spendEntries[4].actionId = 'act-nope';
    expect(parseBackup(JSON.stringify(c))).toMatchObject({ ok: false, path: 'spendEntries[4].actionId' });
  });
});
