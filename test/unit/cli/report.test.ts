import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ReportCommandError, reportCommand } from '@/lib/cli/report';
import { weeklyReportCsv } from '@/lib/export/csv';
import { buildWeeklyReport } from '@/lib/kpi';
import { BACKUPS_DIR, loadExpected, loadPlanData, reportCases, reportDifferences } from '../kpi/compare-report';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DEMO = fileURLToPath(new URL('demo-plan.json', BACKUPS_DIR));
const [demoCase] = reportCases;
if (!demoCase) throw new Error('no report case');
const PLAN = demoCase.plan;

const corrupted = join(mkdtempSync(join(tmpdir(), 'planpilot-report-')), 'corrupted.json');
writeFileSync(corrupted, readFileSync(DEMO, 'utf8').slice(0, 4000));

/** The real command, as `npm run report` runs it (tsx straight from node_modules: npx would add its own warnings). */
function runCli(args: string[]) {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const run = spawnSync(tsx, ['lib/cli/report.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const readText = (path: string) => readFileSync(path, 'utf8');

describe('report command (in process)', () => {
  it.each(reportCases)('prints the report of $weekStart as 2-space JSON', ({ backup, plan, weekStart, expected }) => {
    const out = reportCommand([fileURLToPath(new URL(backup, BACKUPS_DIR)), '--plan', plan, '--week-start', weekStart], readText);
    expect(out.startsWith('{\n  "planId"')).toBe(true);
    expect(reportDifferences(JSON.parse(out), loadExpected(expected))).toEqual([]);
  });

  it('prints the CSV in the plan’s locale, or the one asked for', () => {
    const report = buildWeeklyReport(loadPlanData(demoCase.backup, PLAN), demoCase.weekStart);
    const base = [DEMO, '--plan', PLAN, '--week-start', demoCase.weekStart, '--format', 'csv'];
    expect(reportCommand(base, readText)).toBe(weeklyReportCsv(report, 'fr-FR'));
    expect(reportCommand([...base, '--locale', 'en-US'], readText)).toBe(weeklyReportCsv(report, 'en-US'));
  });

  it.each([
    { why: 'no file', args: ['--plan', PLAN, '--week-start', '2026-11-16'], says: /one backup file/ },
    { why: 'two files', args: [DEMO, DEMO, '--plan', PLAN, '--week-start', '2026-11-16'], says: /one backup file, got 2/ },
    { why: 'no plan', args: [DEMO, '--week-start', '2026-11-16'], says: /missing --plan/ },
    { why: 'no week start', args: [DEMO, '--plan', PLAN], says: /missing --week-start/ },
    { why: 'an impossible date', args: [DEMO, '--plan', PLAN, '--week-start', '2026-02-30'], says: /not a calendar day/ },
    { why: 'a date in another shape', args: [DEMO, '--plan', PLAN, '--week-start', '16/11/2026'], says: /not a calendar day/ },
    {
      why: 'an unknown format',
      args: [DEMO, '--plan', PLAN, '--week-start', '2026-11-16', '--format', 'xlsx'],
      says: /--format must be json or csv/,
    },
    { why: 'a bad locale', args: [DEMO, '--plan', PLAN, '--week-start', '2026-11-16', '--locale', 'fr_FR!'], says: /--locale/ },
    { why: 'an unknown option', args: [DEMO, '--plan', PLAN, '--week-start', '2026-11-16', '--verbose'], says: /--verbose/ },
    { why: 'an option without value', args: [DEMO, '--week-start', '2026-11-16', '--plan'], says: /--plan/ },
    {
      why: 'a missing file',
      args: ['/nowhere/backup.json', '--plan', PLAN, '--week-start', '2026-11-16'],
      says: /cannot read \/nowhere\/backup.json/,
    },
    {
      why: 'a corrupted file',
      args: [corrupted, '--plan', PLAN, '--week-start', '2026-11-16'],
      says: /not a valid backup: not a JSON file/,
    },
    {
      why: 'an unknown plan',
      args: [DEMO, '--plan', 'plan-nope', '--week-start', '2026-11-16'],
      says: /no plan "plan-nope" .*plan-2026-s2/,
    },
  ])('refuses $why with one clear line', ({ args, says }) => {
    let refusal: unknown;
    try {
      reportCommand(args, readText);
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(ReportCommandError);
    expect((refusal as Error).message).toMatch(says);
    expect((refusal as Error).message).not.toContain('\n');
  });
});

describe('report command (the real CLI)', { timeout: 30_000 }, () => {
  it('prints the expected report on stdout and exits 0', () => {
    const { code, stdout, stderr } = runCli([DEMO, '--plan', PLAN, '--week-start', demoCase.weekStart]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(reportDifferences(JSON.parse(stdout), loadExpected(demoCase.expected))).toEqual([]);
  });

  it('prints the CSV with its BOM', () => {
    const { code, stdout } = runCli([DEMO, '--plan', PLAN, '--week-start', demoCase.weekStart, '--format', 'csv', '--locale', 'en-US']);
    expect(code).toBe(0);
    expect(stdout.startsWith('\uFEFFCode,Action,Budget,')).toBe(true);
  });

  it.each([
    { why: 'bad arguments', args: [DEMO, '--plan', PLAN, '--week-start', '2026-13-01'] },
    { why: 'an unknown option', args: [DEMO, '--plan', PLAN, '--week-start', '2026-11-16', '--bogus'] },
    { why: 'a corrupted file', args: [corrupted, '--plan', PLAN, '--week-start', '2026-11-16'] },
    { why: 'an unknown plan', args: [DEMO, '--plan', 'plan-nope', '--week-start', '2026-11-16'] },
  ])('on $why: one line on stderr, nothing on stdout, exit 1', ({ args }) => {
    const { code, stdout, stderr } = runCli(args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^report: [^\n]+\n$/);
  });
});
