/**
 * What a reader returns: the `extract` contract of DESIGN.md, validated at the boundary so figures read off a
 * page or an export enter Planpilot only in this shape.
 */
import { z } from 'zod';
import { dateRange } from '../domain/dates';
import { CONSOLES, metricsSchema } from '../domain/figures';

export const extractionRowSchema = z.object({
  campaign: z.object({ id: z.string().min(1).nullable(), name: z.string().min(1) }),
  metrics: metricsSchema,
});
export type ExtractionRow = z.infer<typeof extractionRowSchema>;

export const extractionSchema = z.object({
  console: z.enum(CONSOLES),
  account: z.string().min(1).nullable(),
  dateRange: dateRange.nullable(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  rows: z.array(extractionRowSchema),
  totals: metricsSchema.nullable(),
});
export type Extraction = z.infer<typeof extractionSchema>;

export { ReadError, type ReadFailure, type ReadResult } from './read-error';

/** Validates a reading (throws a zod error naming the bad field: a reader bug, never the user's). */
export function validateExtraction(value: Extraction): Extraction {
  return extractionSchema.parse(value);
}
