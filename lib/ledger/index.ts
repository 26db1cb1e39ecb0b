/** The spend and results log, and spend schedules: forms, filters, totals, planned against actual. */
export * from './filters';
export * from './forms';
export * from './numbers';
export * from './schedule';
