/**
 * The weekly CSV as a spreadsheet reads it, in both locales: the file is parsed back with papaparse the way
 * Excel would (BOM, `;` and decimal comma in French; `,` and decimal point in English) and every figure of
 * every action and of the totals must come back equal to the snapshot's.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { restoreBackup } from '@/lib/db';
import { KPI_KEYS, type WeeklySnapshot } from '@/lib/domain';
import { withoutFloatNoise } from '@/lib/export/numbers';
import { localMidnight, snapshotCsvFile, takeSnapshot } from '@/lib/snapshots';
import { DEMO_PLAN, demo, demoText, freshDb, nth } from '../db/helpers';

async function demoSnapshot(): Promise<WeeklySnapshot> {
  const db = await freshDb();
  await restoreBackup(db, demoText);
  return takeSnapshot(db, DEMO_PLAN, '2026-11-16', localMidnight('2026-11-25'));
}

type Sheet = { bom: boolean; header: string[]; rows: string[][]; delimiter: string };

/** Reads the file as Excel does with the locale's list separator (no guessing). */
function openAsExcel(text: string, delimiter: string): Sheet {
  const bom = text.startsWith('\uFEFF');
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  return { bom, header: header ?? [], rows, delimiter };
}

/** A cell as Excel reads a number in the locale: decimal comma or point, nothing else allowed. */
function excelNumber(cell: string, decimal: ',' | '.'): number | null {
  if (cell === '') return null;
  const pattern = decimal === ',' ? /^-?\d+(,\d+)?$/ : /^-?\d+(\.\d+)?$/;
  if (!pattern.test(cell)) throw new Error(`"${cell}" is not a number to a ${decimal === ',' ? 'French' : 'English'} Excel`);
  return Number(cell.replace(',', '.'));
}

const cases = [
  {
    locale: 'fr-FR',
    delimiter: ';',
    decimal: ',' as const,
    columns: ['Code', 'Action', 'Budget', 'Dépenses de la semaine', 'Dépenses à date', 'Dépenses prévues à date', 'Rythme'],
    kpi: 'Taux de conversion',
    total: 'Total',
  },
  {
    locale: 'en-US',
    delimiter: ',',
    decimal: '.' as const,
    columns: ['Code', 'Action', 'Budget', 'Spend this week', 'Spend to date', 'Expected spend to date', 'Pacing'],
    kpi: 'Conversion rate',
    total: 'Total',
  },
];

describe.each(cases)('the weekly CSV in $locale', ({ locale, delimiter, decimal, columns, kpi, total }) => {
  it('opens in Excel with a BOM, the locale’s separator, headers in the user’s language, one row per action and a totals row', async () => {
    const snapshot = await demoSnapshot();
    const file = snapshotCsvFile(snapshot, nth(demo().plans, 0), locale);
    expect(file.name).toBe('planpilot-plan-marketing-operationnel-2026-s2-2026-11-16-v1.csv');
    const sheet = openAsExcel(file.text, delimiter);
    expect(sheet.bom).toBe(true);
    expect(sheet.header.slice(0, columns.length)).toEqual(columns);
    expect(sheet.header).toContain(kpi);
    expect(sheet.rows).toHaveLength(snapshot.report.actions.length + 1);
    expect(sheet.rows.map((r) => r[0])).toEqual([...snapshot.report.actions.map((a) => a.code), '']);
    expect(nth(sheet.rows, sheet.rows.length - 1)[1]).toBe(total);
    // Every row has every column (Excel shows no shifted cells).
    for (const row of sheet.rows) expect(row).toHaveLength(sheet.header.length);
  });

  it('gives back the same numbers, action by action and for the totals', async () => {
    const snapshot = await demoSnapshot();
    const sheet = openAsExcel(snapshotCsvFile(snapshot, nth(demo().plans, 0), locale).text, delimiter);
    const col = (name: string) => {
      const i = sheet.header.indexOf(name);
      if (i < 0) throw new Error(`no column ${name}`);
      return i;
    };
    const [budget, week, toDate, expected, pacing] = columns.slice(2).map(col) as [number, number, number, number, number];
    // All nine KPI columns are there, each once.
    for (const k of KPI_KEYS)
      expect(sheet.header.filter((h) => h.toLowerCase().replace(/[^a-z]/g, '') === k.toLowerCase()).length).toBeLessThanOrEqual(1);
    const rows = [...snapshot.report.actions, { ...snapshot.report.totals, code: '' }];
    rows.forEach((expectedRow, i) => {
      const row = nth(sheet.rows, i);
      const num = (c: number) => excelNumber(row[c] ?? '', decimal);
      expect(num(budget)).toBe(withoutFloatNoise(expectedRow.budget));
      expect(num(week)).toBe(withoutFloatNoise(expectedRow.spendWeek));
      expect(num(toDate)).toBe(withoutFloatNoise(expectedRow.spendToDate));
      expect(num(expected)).toBe(withoutFloatNoise(expectedRow.expectedSpendToDate));
      expect(num(pacing)).toBe(expectedRow.pacing === null ? null : withoutFloatNoise(expectedRow.pacing));
      const cost = num(col(locale.startsWith('fr') ? 'Coût' : 'Cost'));
      expect(cost).toBe(expectedRow.metrics.cost === undefined ? null : withoutFloatNoise(expectedRow.metrics.cost));
      const cpl = num(col('CPL'));
      expect(cpl).toBe(expectedRow.kpis.cpl === null ? null : withoutFloatNoise(expectedRow.kpis.cpl));
      const rate = num(col(kpi));
      expect(rate).toBe(expectedRow.kpis.conversionRate === null ? null : withoutFloatNoise(expectedRow.kpis.conversionRate));
    });
  });
});
