import browser from 'webextension-polyfill';
import type { z } from 'zod';
import type { MessageName, PlanpilotProtocol } from '../messaging/protocol';

/**
 * The content script's side of the protocol (extension pages use lib/messaging/client.ts): the same envelope,
 * without zod. What it sends is parsed and its sender checked by the background (lib/messaging/define.ts); the
 * reply can come from the background alone (no page and no other extension can answer this extension's
 * runtime.sendMessage), so only its envelope is checked. Carrying no schema library keeps the script that runs
 * in every console tab at a third of its size (`npm run bench`: content script).
 */
export async function sendFromContent<K extends MessageName>(
  type: K,
  data: z.input<PlanpilotProtocol[K]['data']>,
): Promise<z.output<PlanpilotProtocol[K]['reply']>> {
  const raw: unknown = await browser.runtime.sendMessage({ type, data });
  const reply = (typeof raw === 'object' && raw !== null ? raw : {}) as { ok?: unknown; value?: unknown; error?: unknown };
  if (reply.ok === true) return reply.value as z.output<PlanpilotProtocol[K]['reply']>;
  if (reply.ok === false && typeof reply.error === 'string') throw new Error(reply.error);
  throw new Error('Planpilot background did not answer');
}
