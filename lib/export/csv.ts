/**
 * The weekly report as a CSV that opens right in Excel (DESIGN.md, `lib/export`): UTF-8 BOM so accents
 * survive; the locale's decimal mark, with `;` between cells where the decimal mark is a comma (French);
 * headers in French or English; one row per action, then a totals row.
 *
 * Numbers are plain (no thousands separators, no currency symbol) so Excel reads them as numbers.
 * Rates and pacing are fractions, as stored (0.125, not 12.5): format the column as % in Excel.
 * A figure that is undefined is an empty cell; a status whose figure is undefined is "—".
 * Text cells that a spreadsheet would run as a formula get a leading apostrophe.
 */
import Papa from 'papaparse';
import { type FigureStatus, KPI_KEYS, type KpiKey, TARGET_KEYS, type TargetKey, type VolumeKey, type WeeklyReport } from '../domain';
import { withoutFloatNoise } from './numbers';

export type CsvLanguage = 'fr' | 'en';

export type CsvConventions = { readonly language: CsvLanguage; readonly decimalMark: string; readonly delimiter: string };

const BOM = '\uFEFF';
/** Cells starting with these are formulas to a spreadsheet (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Language, decimal mark and delimiter of a locale (`fr-FR` → fr, `,`, `;`; `en-US` → en, `.`, `,`). */
export function csvConventions(locale: string): CsvConventions {
  const decimalMark = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  return {
    language: locale.toLowerCase().startsWith('fr') ? 'fr' : 'en',
    decimalMark,
    delimiter: decimalMark === ',' ? ';' : ',',
  };
}

/** A text cell a spreadsheet will not evaluate. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A number as Excel reads it in that locale: 12 significant digits (drops float noise), no exponent. */
export function plainNumber(value: number, decimalMark: string): string {
  const rounded = withoutFloatNoise(value);
  let text = String(rounded);
  if (text.includes('e')) text = rounded.toFixed(20).replace(/\.?0+$/, '');
  return decimalMark === '.' ? text : text.replace('.', decimalMark);
}

type Label = Readonly<Record<CsvLanguage, string>>;

const VOLUME_COLUMNS: readonly [VolumeKey, Label][] = [
  ['cost', { fr: 'Coût', en: 'Cost' }],
  ['impressions', { fr: 'Impressions', en: 'Impressions' }],
  ['clicks', { fr: 'Clics', en: 'Clicks' }],
  ['conversions', { fr: 'Conversions', en: 'Conversions' }],
  ['conversionValue', { fr: 'Valeur de conversion', en: 'Conversion value' }],
  ['leads', { fr: 'Leads', en: 'Leads' }],
  ['sent', { fr: 'Envois', en: 'Sent' }],
  ['delivered', { fr: 'Délivrés', en: 'Delivered' }],
  ['opens', { fr: 'Ouvertures', en: 'Opens' }],
];

const KPI_LABELS: Readonly<Record<KpiKey, Label>> = {
  cpc: { fr: 'CPC', en: 'CPC' },
  cpa: { fr: 'CPA', en: 'CPA' },
  cpl: { fr: 'CPL', en: 'CPL' },
  cpm: { fr: 'CPM', en: 'CPM' },
  ctr: { fr: 'CTR', en: 'CTR' },
  conversionRate: { fr: 'Taux de conversion', en: 'Conversion rate' },
  roas: { fr: 'ROAS', en: 'ROAS' },
  openRate: { fr: "Taux d'ouverture", en: 'Open rate' },
  clickRate: { fr: 'Taux de clic', en: 'Click rate' },
};

const STATUS_HEADERS: Readonly<Record<'pacing' | TargetKey, Label>> = {
  pacing: { fr: 'Statut rythme', en: 'Pacing status' },
  cpc: { fr: 'Statut CPC', en: 'CPC status' },
  cpa: { fr: 'Statut CPA', en: 'CPA status' },
  cpl: { fr: 'Statut CPL', en: 'CPL status' },
  cpm: { fr: 'Statut CPM', en: 'CPM status' },
  ctr: { fr: 'Statut CTR', en: 'CTR status' },
  conversionRate: { fr: 'Statut taux de conversion', en: 'Conversion rate status' },
  openRate: { fr: "Statut taux d'ouverture", en: 'Open rate status' },
  clickRate: { fr: 'Statut taux de clic', en: 'Click rate status' },
  roas: { fr: 'Statut ROAS', en: 'ROAS status' },
  conversions: { fr: 'Statut conversions', en: 'Conversions status' },
  leads: { fr: 'Statut leads', en: 'Leads status' },
  clicks: { fr: 'Statut clics', en: 'Clicks status' },
  impressions: { fr: 'Statut impressions', en: 'Impressions status' },
};

const STATUS_WORDS: Readonly<Record<FigureStatus, Label>> = {
  on: { fr: 'OK', en: 'On track' },
  watch: { fr: 'À surveiller', en: 'Watch' },
  off: { fr: 'Hors cible', en: 'Off track' },
  none: { fr: '—', en: '—' },
};

const LABELS = {
  code: { fr: 'Code', en: 'Code' },
  name: { fr: 'Action', en: 'Action' },
  budget: { fr: 'Budget', en: 'Budget' },
  spendWeek: { fr: 'Dépenses de la semaine', en: 'Spend this week' },
  spendToDate: { fr: 'Dépenses à date', en: 'Spend to date' },
  expectedSpendToDate: { fr: 'Dépenses prévues à date', en: 'Expected spend to date' },
  pacing: { fr: 'Rythme', en: 'Pacing' },
  total: { fr: 'Total', en: 'Total' },
} satisfies Record<string, Label>;

/** An action of the report, or its totals (which have no code and no statuses). */
type CsvRow = Pick<
  WeeklyReport['totals'],
  'budget' | 'spendWeek' | 'spendToDate' | 'expectedSpendToDate' | 'pacing' | 'metrics' | 'kpis'
> & {
  code: string;
  name: string;
  status: Record<string, FigureStatus>;
};

/** A column: its header and how a row fills it (a number, a text, or nothing). */
type Column = { header: Label; cell: (row: CsvRow, language: CsvLanguage) => number | string | null | undefined };

const FIXED_COLUMNS: readonly Column[] = [
  { header: LABELS.code, cell: (r) => r.code },
  { header: LABELS.name, cell: (r) => r.name },
  { header: LABELS.budget, cell: (r) => r.budget },
  { header: LABELS.spendWeek, cell: (r) => r.spendWeek },
  { header: LABELS.spendToDate, cell: (r) => r.spendToDate },
  { header: LABELS.expectedSpendToDate, cell: (r) => r.expectedSpendToDate },
  { header: LABELS.pacing, cell: (r) => r.pacing },
  ...VOLUME_COLUMNS.map(([key, header]): Column => ({ header, cell: (r) => r.metrics[key] })),
  ...KPI_KEYS.map((key): Column => ({ header: KPI_LABELS[key], cell: (r) => r.kpis[key] })),
];

/** Pacing status, then a status column for each target some action of the report sets. */
function statusColumns(report: WeeklyReport): Column[] {
  const keys = TARGET_KEYS.filter((key) => report.actions.some((a) => a.status[key] !== undefined));
  return (['pacing', ...keys] as const).map((key) => ({
    header: STATUS_HEADERS[key],
    cell: (r, language) => {
      const status = r.status[key];
      return status === undefined ? undefined : STATUS_WORDS[status][language];
    },
  }));
}

/** The weekly report's CSV text, BOM included, in `locale`'s language and number conventions. */
export function weeklyReportCsv(report: WeeklyReport, locale: string): string {
  const { language, decimalMark, delimiter } = csvConventions(locale);
  const columns = [...FIXED_COLUMNS, ...statusColumns(report)];
  const rows: CsvRow[] = [...report.actions, { ...report.totals, code: '', name: LABELS.total[language], status: {} }];
  const cellText = (value: number | string | null | undefined): string => {
    if (value === null || value === undefined) return '';
    return typeof value === 'number' ? plainNumber(value, decimalMark) : neutralizeFormula(value);
  };
  const csv = Papa.unparse(
    {
      fields: columns.map((c) => c.header[language]),
      data: rows.map((row) => columns.map((c) => cellText(c.cell(row, language)))),
    },
    { delimiter, newline: '\r\n', escapeFormulae: false },
  );
  return BOM + csv;
}
