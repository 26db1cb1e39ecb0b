import type { Extraction } from './extraction';

/** Why nothing was read: no grid with recognisable headers, or a grid without a data row. */
export type ReadFailure = { ok: false; code: 'no-grid' | 'no-rows'; reason: string };
export type ReadResult = { ok: true; extraction: Extraction } | ReadFailure;

/** Its own module, free of zod: the content script throws and catches it without carrying the schemas. */
export class ReadError extends Error {
  constructor(
    readonly code: ReadFailure['code'],
    message: string,
  ) {
    super(message);
    this.name = 'ReadError';
  }
}
