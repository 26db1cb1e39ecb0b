/**
 * `npm test`: lint, type check, unit tests, the test build, then the browser tests.
 * Every step runs even when an earlier one fails, so one run shows everything;
 * the last line is `N passed, N failed` (each static check counts as one).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

type Step = { name: string; cmd: string[]; env?: Record<string, string>; vitestReport?: string };

mkdirSync('test-results', { recursive: true });
const steps: Step[] = [
  { name: 'lint (biome)', cmd: ['npx', 'biome', 'check', '.'] },
  { name: 'type check (tsc)', cmd: ['npx', 'tsc', '--noEmit'] },
  {
    name: 'unit tests',
    cmd: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json'],
    vitestReport: 'test-results/unit.json',
  },
  { name: 'test build', cmd: ['npx', 'wxt', 'build'], env: { PLANPILOT_TEST: '1' } },
  { name: 'shipped build', cmd: ['npx', 'wxt', 'build'] },
  { name: 'Firefox build', cmd: ['npx', 'wxt', 'build', '-b', 'firefox'] },
  { name: 'Firefox lint (web-ext, no errors)', cmd: ['npx', 'web-ext', 'lint', '--source-dir', '.output/firefox-mv2'] },
  {
    name: 'browser tests (Chromium)',
    cmd: [
      'npx',
      'vitest',
      'run',
      '--config',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=test-results/e2e.json',
    ],
    vitestReport: 'test-results/e2e.json',
  },
];

let passed = 0;
let failed = 0;
const failures: string[] = [];
for (const step of steps) {
  console.log(`\n▶ ${step.name}: ${step.cmd.join(' ')}`);
  const run = spawnSync(step.cmd[0] as string, step.cmd.slice(1), { stdio: 'inherit', env: { ...process.env, ...step.env } });
  const stepOk = run.status === 0;
  if (step.vitestReport) {
    const counts = readVitestCounts(step.vitestReport);
    passed += counts.passed;
    failed += counts.failed;
    // A runner that crashed before reporting still counts as a failure.
    if (!stepOk && counts.failed === 0) failed += 1;
    if (!stepOk) failures.push(step.name);
  } else if (stepOk) {
    passed += 1;
  } else {
    failed += 1;
    failures.push(step.name);
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

function readVitestCounts(file: string): { passed: number; failed: number } {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    // Skipped or todo tests are not allowed: they count as failures.
    return { passed: report.numPassedTests, failed: report.numFailedTests + report.numPendingTests + report.numTodoTests };
  } catch {
    return { passed: 0, failed: 0 };
  }
}
