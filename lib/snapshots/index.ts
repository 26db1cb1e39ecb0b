/** Weekly snapshots: when they are due (pure), taking them (db + kpi), comparing weeks, their CSV files. */
export * from './compare';
export * from './files';
export * from './printable';
export * from './schedule';
export * from './service';
