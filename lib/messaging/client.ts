import browser from 'webextension-polyfill';
import type { z } from 'zod';
import { readReply } from './define';
import { type MessageName, type PlanpilotProtocol, protocol } from './protocol';

/** Sends a message to the background and returns its checked reply (a refusal throws with its reason). */
export async function sendMessage<K extends MessageName>(
  type: K,
  data: z.input<PlanpilotProtocol[K]['data']>,
): Promise<z.output<PlanpilotProtocol[K]['reply']>> {
  const raw = await browser.runtime.sendMessage({ type, data });
  return readReply(protocol[type].reply, raw) as z.output<PlanpilotProtocol[K]['reply']>;
}
