/**
 * `npm run bench`: prints speed and size figures (medians, ratios) against the goals
 * in the issues. A benchmark, not a test: it never fails the build.
 */
const suites: { name: string; load: () => Promise<{ default: () => Promise<void> }> }[] = [
  { name: 'Weekly report', load: () => import('./report') },
  { name: 'Weekly snapshots to CSV', load: () => import('./export') },
  { name: 'Browser: readers, overlay, content script, popup', load: () => import('./browser') },
];

for (const suite of suites) {
  console.log(`\n## ${suite.name}`);
  await (await suite.load()).default();
}
