/** The store: one Dexie database (database.ts) and small functions that take it as their first argument. */
export * from './backup';
export * from './captures';
export * from './database';
export * from './entries';
export * from './errors';
export * from './glances';
export * from './links';
export * from './match';
export * from './meta';
export * from './planData';
export * from './plans';
export * from './rows';
export * from './snapshots';
