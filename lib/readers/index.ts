/**
 * lib/readers: reading campaign figures off console pages (and, in exports.ts, off console exports).
 * The page path is bundled into the content script: keep it free of heavy dependencies (no papaparse here —
 * import `./exports` directly where exports are read).
 */
export { ADAPTERS, adapterForPage } from './consoles';
export type { ConsoleAdapter } from './consoles/types';
export { parseDateRange, parseDay } from './dates';
export { type Extraction, type ExtractionRow, extractionSchema, ReadError, type ReadResult } from './extraction';
export { findGrids, type Grid, pickGrid } from './grid';
export { planColumns, roleOfHeader } from './headers';
export { decimalOfLang, readFigure, readNumber } from './numbers';
export { detectConsole, findDateRange, findGrid, pageLang, readGrid } from './page';
export { readPage, tryReadPage } from './read-page';
export { assemble, type SourceTable } from './table';
