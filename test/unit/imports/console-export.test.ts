import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listCapturesWithin, restoreBackup } from '@/lib/db';
import { captureSchema } from '@/lib/domain';
import { capturesFromExtraction, importCaptures, linksOfRows, rangeFor, readConsoleExport } from '@/lib/imports';
import { demo, demoText, freshDb } from '../db/helpers';

const bytes = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/exports/${name}`, import.meta.url)));
let n = 0;
const ids = () => `cap-import-${++n}`;
const now = new Date(2026, 10, 24, 9, 30);

describe('a console export becomes captures', () => {
  it('reads a Google Ads export (UTF-16, tabs) with its range, one capture per campaign', () => {
    const reading = readConsoleExport(bytes('google-ads-campaigns-export.csv'), 'google-ads-campaigns-export.csv');
    if (!reading.ok) throw new Error(reading.reason);
    const range = rangeFor(reading.extraction, null);
    expect(range).toEqual({ start: '2026-11-01', end: '2026-11-23' });
    if (!range) return;
    const captures = capturesFromExtraction(reading.extraction, range, reading.fileName, now, ids);
    expect(captures).toHaveLength(reading.extraction.rows.length);
    for (const [i, c] of captures.entries()) {
      expect(captureSchema.safeParse(c).success).toBe(true);
      expect(c.campaignName).toBe(reading.extraction.rows[i]?.campaign.name);
      expect(c.metrics).toEqual(reading.extraction.rows[i]?.metrics);
      expect(c.console).toBe('google-ads');
      expect(c.url).toBe('file:google-ads-campaigns-export.csv');
    }
  });

  it('asks for a range when the file shows none (Mailchimp), and takes only a valid one', () => {
    const reading = readConsoleExport(bytes('mailchimp-campaigns-export.csv'), 'mailchimp.csv');
    if (!reading.ok) throw new Error(reading.reason);
    expect(rangeFor(reading.extraction, null)).toBeNull();
    expect(rangeFor(reading.extraction, { start: '2026-11-20', end: '2026-11-01' })).toBeNull();
    expect(rangeFor(reading.extraction, { start: '2026-11-01', end: '2026-11-30' })).toEqual({ start: '2026-11-01', end: '2026-11-30' });
  });

  it('says why a file is refused instead of throwing', () => {
    const r = readConsoleExport(new TextEncoder().encode('hello;world\nfoo;bar\n'), 'notes.csv');
    expect(r).toMatchObject({ ok: false, code: 'no-grid', fileName: 'notes.csv' });
  });

  it('stores the captures once: importing the same file again stores nothing new', async () => {
    const db = await freshDb();
    await restoreBackup(db, demoText);
    const reading = readConsoleExport(bytes('meta-ads-export.csv'), 'meta.csv');
    if (!reading.ok) throw new Error(reading.reason);
    const range = rangeFor(reading.extraction, null);
    if (!range) throw new Error('no range');
    const first = await importCaptures(db, capturesFromExtraction(reading.extraction, range, 'meta.csv', now, ids));
    expect(first).toEqual({ stored: reading.extraction.rows.length, unchanged: 0 });
    const again = await importCaptures(db, capturesFromExtraction(reading.extraction, range, 'meta.csv', now, ids));
    expect(again).toEqual({ stored: 0, unchanged: reading.extraction.rows.length });
    const stored = (await listCapturesWithin(db, range)).filter((c) => c.url === 'file:meta.csv');
    expect(stored).toHaveLength(reading.extraction.rows.length);
  });

  it('shows which rows feed an action of the plan', () => {
    const reading = readConsoleExport(bytes('meta-ads-export.csv'), 'meta.csv');
    if (!reading.ok) throw new Error(reading.reason);
    const links = demo().campaignLinks;
    const found = linksOfRows(reading.extraction, links);
    expect(found).toHaveLength(reading.extraction.rows.length);
    for (const [i, link] of found.entries()) {
      if (link)
        expect(
          link.campaignName === reading.extraction.rows[i]?.campaign.name || link.campaignId === reading.extraction.rows[i]?.campaign.id,
        ).toBe(true);
    }
  });
});
