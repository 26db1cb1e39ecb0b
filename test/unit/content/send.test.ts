import { beforeEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn();
vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage: (m: unknown) => sendMessage(m) } } }));

const { sendFromContent } = await import('@/lib/content/send');

describe("the content script's sender (no zod: only the reply's envelope is checked)", () => {
  beforeEach(() => sendMessage.mockReset());

  it('sends the envelope and returns the value of an accepted reply', async () => {
    sendMessage.mockResolvedValue({ ok: true, value: { moved: true } });
    const data = { console: 'generic' as const, accountId: null, campaign: { id: null, name: 'Brand' }, actionId: 'act-1' };
    await expect(sendFromContent('overlay:link', data)).resolves.toEqual({ moved: true });
    expect(sendMessage).toHaveBeenCalledWith({ type: 'overlay:link', data });
  });

  it("throws the background's sentence for a refusal, and a plain one for anything that is no reply", async () => {
    sendMessage.mockResolvedValueOnce({ ok: false, error: 'refused: this page is not an enabled console' });
    await expect(
      sendFromContent('overlay:link', { console: 'generic', accountId: null, campaign: { id: null, name: 'x' }, actionId: 'a' }),
    ).rejects.toThrow('refused: this page is not an enabled console');
    for (const junk of [undefined, null, 'ok', { ok: 'yes' }, { ok: false, error: 42 }]) {
      sendMessage.mockResolvedValueOnce(junk);
      await expect(
        sendFromContent('overlay:link', { console: 'generic', accountId: null, campaign: { id: null, name: 'x' }, actionId: 'a' }),
      ).rejects.toThrow('Planpilot background did not answer');
    }
  });
});
