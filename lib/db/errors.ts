import type { z } from 'zod';
import { formatPath } from '@/lib/domain';

/**
 * A write the store refuses: a row that fails its zod schema, or a reference to something that
 * is not there. `path` names the first bad field ("targets.cpc", "objectiveIds[1]"), as
 * parseBackup does, so the form can point at it. Nothing was written when this is thrown.
 */
export class StoreError extends Error {
  readonly path: string;
  constructor(message: string, path = '') {
    super(message);
    this.name = 'StoreError';
    this.path = path;
  }
}

/** Parses `value` with `schema` (which also drops fields the schema does not know), or throws a StoreError. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const path = formatPath(first?.path ?? []);
  throw new StoreError(`invalid ${what}: ${path ? `${path}: ` : ''}${first?.message ?? 'invalid'}`, path);
}

export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}
