export * from './backup';
export * from './dates';
export * from './entities';
export * from './metrics';
