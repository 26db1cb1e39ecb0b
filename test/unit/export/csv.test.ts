import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { WeeklyReport } from '@/lib/domain';
import { csvConventions, neutralizeFormula, plainNumber, weeklyReportCsv } from '@/lib/export/csv';
import { buildWeeklyReport } from '@/lib/kpi';
import { closeEnough, loadPlanData, reportCases } from '../kpi/compare-report';

const demoCase = reportCases[1] ?? reportCases[0];
if (!demoCase) throw new Error('no report case');
const report = buildWeeklyReport(loadPlanData(demoCase.backup, demoCase.plan), demoCase.weekStart);

/** Parses the CSV back as a spreadsheet would: BOM off, the locale's delimiter, one record per line. */
function readBack(csv: string, delimiter: string): { headers: string[]; rows: string[][] } {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter, newline: '\r\n' });
  expect(parsed.errors).toEqual([]);
  const [headers, ...rows] = parsed.data;
  if (!headers) throw new Error('no header row');
  return { headers, rows };
}

type Figure = (row: WeeklyReport['actions'][number] | WeeklyReport['totals']) => number | null | undefined;
const FIGURES: [fr: string, en: string, figure: Figure][] = [
  ['Budget', 'Budget', (r) => r.budget],
  ['Dépenses de la semaine', 'Spend this week', (r) => r.spendWeek],
  ['Dépenses à date', 'Spend to date', (r) => r.spendToDate],
  ['Dépenses prévues à date', 'Expected spend to date', (r) => r.expectedSpendToDate],
  ['Rythme', 'Pacing', (r) => r.pacing],
  ['Coût', 'Cost', (r) => r.metrics.cost],
  ['Impressions', 'Impressions', (r) => r.metrics.impressions],
  ['Clics', 'Clicks', (r) => r.metrics.clicks],
  ['Conversions', 'Conversions', (r) => r.metrics.conversions],
  ['Leads', 'Leads', (r) => r.metrics.leads],
  ['Ouvertures', 'Opens', (r) => r.metrics.opens],
  ['CPC', 'CPC', (r) => r.kpis.cpc],
  ['CPA', 'CPA', (r) => r.kpis.cpa],
  ['CPL', 'CPL', (r) => r.kpis.cpl],
  ['CPM', 'CPM', (r) => r.kpis.cpm],
  ['CTR', 'CTR', (r) => r.kpis.ctr],
  ['Taux de conversion', 'Conversion rate', (r) => r.kpis.conversionRate],
  ['ROAS', 'ROAS', (r) => r.kpis.roas],
  ["Taux d'ouverture", 'Open rate', (r) => r.kpis.openRate],
  ['Taux de clic', 'Click rate', (r) => r.kpis.clickRate],
];

describe.each([
  { locale: 'fr-FR', language: 0 as const, delimiter: ';', number: /^-?\d+(,\d+)?$/, decimal: ',' },
  { locale: 'en-US', language: 1 as const, delimiter: ',', number: /^-?\d+(\.\d+)?$/, decimal: '.' },
])('weekly report CSV in $locale', ({ locale, language, delimiter, number, decimal }) => {
  const csv = weeklyReportCsv(report, locale);
  const { headers, rows } = readBack(csv, delimiter);

  it('has one row per action then a totals row, with CRLF line ends', () => {
    expect(rows.map((r) => r[0])).toEqual([...report.actions.map((a) => a.code), '']);
    expect(rows.at(-1)?.[1]).toBe('Total');
    expect(csv.split('\r\n')).toHaveLength(report.actions.length + 2);
  });

  it('reads back the same numbers as the JSON report, written plainly', () => {
    for (const [fr, en, figure] of FIGURES) {
      const column = headers.indexOf(language === 0 ? fr : en);
      expect(column, `${fr} / ${en}`).toBeGreaterThanOrEqual(0);
      const sources = [...report.actions, report.totals];
      for (const [i, source] of sources.entries()) {
        const cell = rows[i]?.[column] ?? '';
        const expected = figure(source);
        if (expected === null || expected === undefined) {
          expect(cell).toBe('');
          continue;
        }
        expect(cell).toMatch(number);
        expect(closeEnough(Number(cell.replace(decimal, '.')), expected), `${en} of row ${i}: ${cell} vs ${expected}`).toBe(true);
      }
    }
  });

  it('writes statuses in words, one column per target some action sets', () => {
    const pacing = headers.indexOf(language === 0 ? 'Statut rythme' : 'Pacing status');
    const ctr = headers.indexOf(language === 0 ? 'Statut CTR' : 'CTR status');
    const words =
      language === 0 ? { on: 'OK', watch: 'À surveiller', off: 'Hors cible' } : { on: 'On track', watch: 'Watch', off: 'Off track' };
    for (const [i, action] of report.actions.entries()) {
      const status = action.status.pacing;
      expect(rows[i]?.[pacing]).toBe(status === 'none' ? '—' : words[status as 'on' | 'watch' | 'off']);
      expect(rows[i]?.[ctr]).toBe(
        action.status.ctr === undefined ? '' : action.status.ctr === 'none' ? '—' : words[action.status.ctr as 'on'],
      );
    }
    // No action of the demo plan sets an impressions target; A03 and A04 set a CPL target.
    expect(headers).not.toContain(language === 0 ? 'Statut impressions' : 'Impressions status');
    expect(headers).toContain(language === 0 ? 'Statut CPL' : 'CPL status');
  });
});

describe('CSV conventions', () => {
  it('follows the locale’s decimal mark, with ; where it is a comma', () => {
    expect(csvConventions('fr-FR')).toEqual({ language: 'fr', decimalMark: ',', delimiter: ';' });
    expect(csvConventions('en-US')).toEqual({ language: 'en', decimalMark: '.', delimiter: ',' });
    expect(csvConventions('de-DE')).toEqual({ language: 'en', decimalMark: ',', delimiter: ';' });
  });

  it('writes plain numbers without float noise, grouping or exponent', () => {
    expect(plainNumber(18922.020000000004, ',')).toBe('18922,02');
    expect(plainNumber(1234567.5, '.')).toBe('1234567.5');
    expect(plainNumber(-12.5, ',')).toBe('-12,5');
    expect(plainNumber(0.0000001, '.')).toBe('0.0000001');
    expect(plainNumber(0, ',')).toBe('0');
  });

  it.each(['=1+1', '+33 6', '-2', '@SUM(A1)', '\tx', '\rx'])('neutralises %j', (text) => {
    expect(neutralizeFormula(text)).toBe(`'${text}`);
  });

  it('leaves ordinary text alone', () => {
    expect(neutralizeFormula('Salon RH – Lyon')).toBe('Salon RH – Lyon');
    expect(neutralizeFormula('A=B')).toBe('A=B');
  });
});

describe('formula injection through the CSV', () => {
  const hostile: WeeklyReport = {
    ...report,
    actions: report.actions.slice(0, 3).map((a, i) => ({
      ...a,
      code: ['=cmd|"/c calc"!A1', '+A2', '@A3'][i] ?? a.code,
      name: ['-2+3', '=HYPERLINK("http://evil","clic")', 'Nom; avec "guillemets"\net saut'][i] ?? a.name,
      spendWeek: i === 0 ? -12.5 : a.spendWeek,
    })),
  };

  it('prefixes formula-looking text cells with an apostrophe, and keeps every text intact otherwise', () => {
    const { rows } = readBack(weeklyReportCsv(hostile, 'fr-FR'), ';');
    expect(rows.slice(0, 3).map((r) => r[0])).toEqual(['\'=cmd|"/c calc"!A1', "'+A2", "'@A3"]);
    expect(rows.slice(0, 3).map((r) => r[1])).toEqual(["'-2+3", '\'=HYPERLINK("http://evil","clic")', 'Nom; avec "guillemets"\net saut']);
  });

  it('leaves negative numbers as numbers', () => {
    const { rows } = readBack(weeklyReportCsv(hostile, 'fr-FR'), ';');
    expect(rows[0]?.[3]).toBe('-12,5');
  });
});
