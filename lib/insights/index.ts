/** Readings built on lib/kpi's figures for the side panel: subtotals, budget spread, objectives, what is off target. */
export * from './budget';
export * from './campaigns';
export * from './diagnosis';
export * from './objectives';
export * from './periods';
export * from './subtotals';
export * from './trends';
