/** Imports: console exports → captures (through lib/readers), plan template CSV → actions. */
export * from './apply';
export * from './console-export';
export * from './limits';
export * from './template';
