export * from './client';
export * from './define';
export * from './envelope';
export * from './protocol';
