import type { Runtime } from 'webextension-polyfill';
import type { z } from 'zod';
import { envelopeSchema, type Reply, replyEnvelopeSchema } from './envelope';

/** Who may send a message: our own pages, or a content script in a tab on an enabled console. */
export type SenderKind = 'extension-page' | 'content-script';

export type MessageSpec<D extends z.ZodType, R extends z.ZodType> = { from: SenderKind; data: D; reply: R };
export type Protocol = Record<string, MessageSpec<z.ZodType, z.ZodType>>;

export type DataOf<P extends Protocol, K extends keyof P> = z.input<P[K]['data']>;
export type ReplyOf<P extends Protocol, K extends keyof P> = z.output<P[K]['reply']>;
export type Handlers<P extends Protocol> = {
  [K in keyof P]: (data: z.output<P[K]['data']>, sender: CheckedSender) => Promise<z.input<P[K]['reply']>>;
};

export type CheckedSender = { kind: SenderKind; tabId: number | null; url: string | null };

export type SenderPolicy = {
  extensionId: string;
  extensionOrigin: string;
  /** Whether a page URL belongs to a console the user enabled (host access granted). */
  isEnabledConsole: (url: string) => Promise<boolean>;
};

/** Checks the sender against the message's `from`; returns why it is refused, or the checked sender. */
export async function checkSender(
  from: SenderKind,
  sender: Runtime.MessageSender,
  policy: SenderPolicy,
): Promise<{ ok: true; sender: CheckedSender } | { ok: false; error: string }> {
  if (sender.id !== policy.extensionId) return { ok: false, error: 'refused: message from another extension' };
  const url = sender.url ?? null;
  const fromOurPage = url?.startsWith(policy.extensionOrigin) ?? false;
  if (from === 'extension-page') {
    if (!fromOurPage) return { ok: false, error: 'refused: this message is only accepted from Planpilot pages' };
    return { ok: true, sender: { kind: from, tabId: sender.tab?.id ?? null, url } };
  }
  const tabId = sender.tab?.id;
  if (fromOurPage || tabId === undefined || !url) return { ok: false, error: 'refused: this message is only accepted from a console tab' };
  if (!(await policy.isEnabledConsole(url))) return { ok: false, error: 'refused: this page is not an enabled console' };
  return { ok: true, sender: { kind: from, tabId, url } };
}

/**
 * Handles one incoming message: envelope, known type, sender, payload, handler, reply —
 * each checked; anything off becomes a refusal, never a throw into the caller.
 */
export async function dispatch<P extends Protocol>(
  protocol: P,
  handlers: Handlers<P>,
  policy: SenderPolicy,
  message: unknown,
  sender: Runtime.MessageSender,
): Promise<Reply<unknown>> {
  const envelope = envelopeSchema.safeParse(message);
  if (!envelope.success) return { ok: false, error: 'refused: not a Planpilot message' };
  const { type, data } = envelope.data;
  const spec = Object.hasOwn(protocol, type) ? protocol[type] : undefined;
  if (!spec) return { ok: false, error: `refused: unknown message "${type}"` };
  const checked = await checkSender(spec.from, sender, policy);
  if (!checked.ok) return checked;
  const parsed = spec.data.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `refused: bad "${type}" data at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
  }
  try {
    // The payload was parsed with this very message's schema just above.
    const handler = handlers[type as keyof P] as (data: unknown, sender: CheckedSender) => Promise<unknown>;
    const value = await handler(parsed.data, checked.sender);
    return { ok: true, value: spec.reply.parse(value) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Parses a reply on the sender's side: a refusal becomes an Error with the background's sentence. */
export function readReply<R extends z.ZodType>(replySchema: R, raw: unknown): z.output<R> {
  const reply = replyEnvelopeSchema.safeParse(raw);
  if (!reply.success) throw new Error('Planpilot background did not answer');
  if (!reply.data.ok) throw new Error(reply.data.error);
  return replySchema.parse(reply.data.value);
}
