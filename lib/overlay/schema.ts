import { z } from 'zod';
import { dateRange } from '../domain/dates';
import { STATUSES } from '../domain/figures';
import { TARGET_KEYS } from '../domain/metrics';

const status = z.enum(STATUSES);
const actionRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

/** What the overlay shows, computed in the background (content scripts never open the store). */
export const overlayStateSchema = z.object({
  range: dateRange.nullable(),
  currency: z.string().nullable(),
  rows: z.array(
    z.object({
      link: z.object({ linkId: z.string(), action: actionRef }).nullable(),
      badges: z.array(
        z.object({
          key: z.enum(TARGET_KEYS),
          status,
          actual: z.number().nullable(),
          comparedWith: z.number(),
          direction: z.enum(['lower-is-better', 'higher-is-better']),
        }),
      ),
      /** The linked action's spend pacing to date (the engine's, as the popup shows it). */
      pacing: z.object({ value: z.number().nullable(), status }).nullable(),
      suggestions: z.array(actionRef),
    }),
  ),
  /** The plan's actions for the "Link to action…" picker, in stored order. */
  actions: z.array(actionRef),
  summary: z.object({
    linkedActions: z.array(
      actionRef.extend({
        spend: z.number(),
        expected: z.number(),
        budget: z.number(),
        pacing: z.number().nullable(),
        pacingStatus: status,
      }),
    ),
    counts: z.record(status, z.number()),
  }),
});
export type OverlayState = z.infer<typeof overlayStateSchema>;
