import { z } from 'zod';
import { dateRange, isoDateTime } from '../domain/dates';
import { CONSOLES } from '../domain/figures';
import { overlayStateSchema } from '../overlay/schema';
import { extractionSchema } from '../readers/extraction';
import type { MessageSpec } from './define';

/** What the background keeps of the latest reading in a tab, for the popup. */
export const tabReadingSchema = z.object({
  tabId: z.number().int(),
  url: z.string(),
  readAt: isoDateTime,
  extraction: extractionSchema,
  /** Captures stored from this reading (0 when nothing changed since the last one). */
  stored: z.number().int().min(0),
  /** The page shows no date range: nothing is stored until the user confirms one. */
  awaitingRange: z.boolean(),
});
export type TabReading = z.infer<typeof tabReadingSchema>;

export const readingOutcomeSchema = z.object({
  stored: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  awaitingRange: z.boolean(),
});
export type ReadingOutcome = z.infer<typeof readingOutcomeSchema>;

const tabId = z.number().int().min(0);

/**
 * The one protocol between contexts: message name → who may send it, its data and its reply,
 * each a zod schema checked where received (lib/messaging/define.ts). The content script checks only a reply's
 * envelope (lib/content/send.ts): replies come from the background alone, and the script stays free of zod.
 */
export const protocol = {
  /** Content script → background: the grid as read now. */
  'reading:report': {
    from: 'content-script',
    data: z.object({ extraction: extractionSchema }),
    reply: readingOutcomeSchema,
  },
  /** Popup → background: what is on this tab. */
  'tab:reading': {
    from: 'extension-page',
    data: z.object({ tabId }),
    reply: tabReadingSchema.nullable(),
  },
  /** Popup → background: store a range-less reading with the range the user confirmed. */
  'reading:confirm-range': {
    from: 'extension-page',
    data: z.object({ tabId, dateRange }),
    reply: readingOutcomeSchema,
  },
  /** Overlay → background: badges, links and suggestions for the rows on the page. */
  'overlay:state': {
    from: 'content-script',
    data: z.object({ extraction: extractionSchema }),
    reply: overlayStateSchema,
  },
  /** Overlay → background: link a campaign of the page to an action (moves an existing link). */
  'overlay:link': {
    from: 'content-script',
    data: z.object({
      console: z.enum(CONSOLES),
      accountId: z.string().min(1).max(200).nullable(),
      campaign: z.object({ id: z.string().min(1).max(200).nullable(), name: z.string().min(1).max(2000) }),
      actionId: z.string().min(1).max(200),
    }),
    reply: z.object({ moved: z.boolean() }),
  },
} satisfies Record<string, MessageSpec<z.ZodType, z.ZodType>>;

export type PlanpilotProtocol = typeof protocol;
export type MessageName = keyof PlanpilotProtocol;
