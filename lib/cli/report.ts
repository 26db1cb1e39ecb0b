/**
 * `npm run --silent report -- BACKUP.json --plan PLAN_ID --week-start YYYY-MM-DD [--format json|csv] [--locale fr-FR]`
 * Prints one plan's weekly report (DESIGN.md, `report` contract). Any refusal is one line on stderr and exit 1.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isoDate, parseBackup, type WeeklyReport } from '../domain';
import { weeklyReportCsv } from '../export/csv';
import { withoutFloatNoise } from '../export/numbers';
import { buildWeeklyReport, planDataFromBackup } from '../kpi';

const USAGE = 'usage: report BACKUP.json --plan PLAN_ID --week-start YYYY-MM-DD [--format json|csv] [--locale fr-FR|en-US…]';

/** A refusal the user can act on; its message is the one line printed. */
export class ReportCommandError extends Error {}

/** The text the command prints for these arguments; throws a ReportCommandError when it refuses. */
export function reportCommand(args: readonly string[], readText: (path: string) => string): string {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(args);
  } catch (e) {
    throw new ReportCommandError(`${(e as Error).message} (${USAGE})`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new ReportCommandError(`expected one backup file, got ${positionals.length} (${USAGE})`);
  const [file] = positionals as [string];
  if (!values.plan) throw new ReportCommandError(`missing --plan (${USAGE})`);
  if (!values['week-start']) throw new ReportCommandError(`missing --week-start (${USAGE})`);
  const weekStart = values['week-start'];
  if (!isoDate.safeParse(weekStart).success) throw new ReportCommandError(`--week-start "${weekStart}" is not a calendar day YYYY-MM-DD`);
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new ReportCommandError(`--format must be json or csv, not "${format}"`);
  if (values.locale !== undefined && !isLocale(values.locale))
    throw new ReportCommandError(`--locale "${values.locale}" is not a locale such as fr-FR`);

  let text: string;
  try {
    text = readText(file);
  } catch (e) {
    throw new ReportCommandError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const backup = parseBackup(text);
  if (!backup.ok) throw new ReportCommandError(`${file} is not a valid backup: ${backup.error}`);
  const data = planDataFromBackup(backup.value, values.plan);
  if (!data) {
    const known = backup.value.plans.map((p) => p.id).join(', ') || 'none';
    throw new ReportCommandError(`no plan "${values.plan}" in ${file} (plans: ${known})`);
  }

  const report = buildWeeklyReport(data, weekStart);
  return format === 'csv' ? weeklyReportCsv(report, values.locale ?? data.plan.locale) : reportJson(report);
}

/** 2-space JSON; numbers keep 12 significant digits, so float noise (18922.020000000004) stays out. */
function reportJson(report: WeeklyReport): string {
  const tidy = (_key: string, value: unknown) => (typeof value === 'number' ? withoutFloatNoise(value) : value);
  return `${JSON.stringify(report, tidy, 2)}\n`;
}

function parseOptions(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      plan: { type: 'string' },
      'week-start': { type: 'string' },
      format: { type: 'string' },
      locale: { type: 'string' },
    },
  });
}

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

function main(): void {
  try {
    process.stdout.write(reportCommand(process.argv.slice(2), (path) => readFileSync(path, 'utf8')));
  } catch (e) {
    const message = e instanceof ReportCommandError ? e.message : `unexpected error: ${(e as Error).message ?? String(e)}`;
    process.stderr.write(`report: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    process.exitCode = 1;
  }
}

// Run only as a command, not when a test imports `reportCommand`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
