import { z } from 'zod';

/** What travels between contexts: a message name and one `data` argument. */
export const envelopeSchema = z.object({ type: z.string().min(1).max(64), data: z.unknown() });

/** Replies carry either the value or a sentence the user can read. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
export const replyEnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
