export * from './backup';
export * from './campaign';
export * from './dates';
export * from './entities';
export * from './metrics';
