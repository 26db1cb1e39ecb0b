/**
 * Point 2: every message into the background is envelope-checked, sender-checked and zod-parsed before it acts.
 * The background's real wiring (registerMessages, its handlers, the shared store on fake-indexeddb) receives
 * forged messages through the fake browser's runtime.onMessage; each is refused and the store is unchanged.
 * A control message from a legitimate sender shows each forged one would otherwise have changed the store.
 */
import 'fake-indexeddb/auto';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod';
import { registerMessages } from '@/lib/background/messages';
import { ALL_CONSOLE_HOSTS, matchesPattern } from '@/lib/consoles';
import { allTables, planpilotDb } from '@/lib/db';
import { checkSender, dispatch, type SenderPolicy } from '@/lib/messaging/define';
import type { Extraction } from '@/lib/readers/extraction';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

type Sender = { id?: string; url?: string; origin?: string; tab?: { id: number; url?: string } };
type Reply = { ok: boolean; error?: string; value?: unknown };

const OURS = fakeBrowser.runtime.id;
const ORIGIN = fakeBrowser.runtime.getURL('');
const CONSOLE_URL = 'https://ads.google.com/aw/campaigns?ocid=1';
const GRANTED = ['https://ads.google.com/*'];

const extraction: Extraction = {
  console: 'google-ads',
  account: '482-913-5570',
  dateRange: { start: '2026-11-01', end: '2026-11-23' },
  currency: 'EUR',
  rows: [{ campaign: { id: '111', name: 'Brand' }, metrics: { cost: 12.5, clicks: 10 } }],
  totals: null,
};
const report = { type: 'reading:report', data: { extraction } };

const contentScript = (url = CONSOLE_URL, id: string | undefined = OURS): Sender => ({ id, url, tab: { id: 7, url } });
const ourPage: Sender = { id: OURS, url: `${ORIGIN}popup.html`, origin: ORIGIN.slice(0, -1) };

async function send(message: unknown, sender: Sender): Promise<Reply> {
  const replies = (await fakeBrowser.runtime.onMessage.trigger(
    message,
    sender as unknown as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1],
    () => undefined,
  )) as unknown as Reply[];
  expect(replies).toHaveLength(1);
  return replies[0] as Reply;
}

async function dump(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of allTables(planpilotDb)) out[t.name] = await t.toArray();
  out.session = Object.entries(await fakeBrowser.storage.session.get(null));
  return out;
}

beforeAll(() => registerMessages());
beforeEach(async () => {
  for (const t of allTables(planpilotDb)) await t.clear();
  await fakeBrowser.storage.session.clear();
  // The user enabled Google Ads only (host access granted for its pattern).
  fakeBrowser.permissions.getAll = async () => ({ origins: GRANTED, permissions: [] });
});

/** Sends `message` from `sender` and expects a refusal matching `why`, with nothing changed anywhere. */
async function expectRefused(message: unknown, sender: Sender, why: RegExp): Promise<void> {
  const before = await dump();
  const reply = await send(message, sender);
  expect(reply.ok).toBe(false);
  expect(reply.error).toMatch(why);
  expect(await dump()).toEqual(before);
}

describe('the control: a legitimate reading changes the store', () => {
  it('stores a console reading from our content script on an enabled console', async () => {
    const reply = await send(report, contentScript());
    expect(reply).toEqual({ ok: true, value: { stored: 1, unchanged: 0, awaitingRange: false } });
    expect(await planpilotDb.captures.count()).toBe(1);
  });
});

describe('senders refused', () => {
  it.each([
    ['another extension, from its content script on a console', contentScript(CONSOLE_URL, 'evil-extension-id'), /another extension/],
    [
      'another extension, from its own page',
      { id: 'evil-extension-id', url: 'chrome-extension://evil-extension-id/x.html' },
      /another extension/,
    ],
    [
      'a web page (no extension id)',
      { url: 'https://evil.example/', origin: 'https://evil.example', tab: { id: 3, url: 'https://evil.example/' } },
      /another extension/,
    ],
    [
      'our content script on a console the user did not enable',
      contentScript('https://adsmanager.facebook.com/adsmanager/manage/campaigns'),
      /not an enabled console/,
    ],
    ['a look-alike host (suffix)', contentScript('https://ads.google.com.evil.example/aw/campaigns'), /not an enabled console/],
    ['a look-alike host (userinfo)', contentScript('https://ads.google.com@evil.example/aw/campaigns'), /not an enabled console/],
    ['the console host in a query string', contentScript('https://evil.example/?u=https://ads.google.com/aw'), /not an enabled console/],
    ['the console over plain http', contentScript('http://ads.google.com/aw/campaigns'), /not an enabled console/],
    ['a frame with no tab', { id: OURS, url: CONSOLE_URL }, /only accepted from a console tab/],
    ['no URL at all', { id: OURS, tab: { id: 7 } }, /only accepted from a console tab/],
    ['our own page sending a content-script message', ourPage, /only accepted from a console tab/],
  ])('reading:report from %s', async (_what, sender, why) => {
    await expectRefused(report, sender as Sender, why);
  });

  it.each([
    ['tab:reading', { tabId: 7 }],
    ['reading:confirm-range', { tabId: 7, dateRange: { start: '2026-11-01', end: '2026-11-23' } }],
  ])('%s (our pages only) from a content script on an enabled console: no reading of another tab leaks', async (type, data) => {
    // A reading waits in tab 7 (no range shown on the page): it must stay unread and unconfirmed.
    await send({ type: 'reading:report', data: { extraction: { ...extraction, dateRange: null } } }, contentScript());
    await expectRefused({ type, data }, contentScript('https://ads.google.com/aw/other'), /only accepted from Planpilot pages/);
    await expectRefused(
      { type, data },
      { id: OURS, url: 'https://evil.example/', tab: { id: 9, url: 'https://evil.example/' } },
      /only accepted from Planpilot pages/,
    );
  });

  it('overlay:link from another extension cannot link a campaign', async () => {
    const link = {
      type: 'overlay:link',
      data: { console: 'google-ads', accountId: null, campaign: { id: null, name: 'Brand' }, actionId: 'act-1' },
    };
    await expectRefused(link, contentScript(CONSOLE_URL, 'evil-extension-id'), /another extension/);
  });
});

describe('envelopes and payloads refused', () => {
  it.each([
    ['null', null],
    ['a string', 'reading:report'],
    ['an array', [report]],
    ['no type', { data: {} }],
    ['a number as type', { type: 1, data: {} }],
    ['a 65-character type', { type: 'x'.repeat(65), data: {} }],
  ])('%s is not a Planpilot message', async (_what, message) => {
    await expectRefused(message, contentScript(), /not a Planpilot message/);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'reading:delete-all'])(
    'type "%s" is an unknown message (no prototype lookup)',
    async (type) => {
      await expectRefused({ type, data: {} }, contentScript(), /unknown message/);
    },
  );

  const bad = (change: (e: Record<string, unknown>) => void) => {
    const e = structuredClone(extraction) as unknown as Record<string, unknown>;
    change(e);
    return { type: 'reading:report', data: { extraction: e } };
  };
  it.each([
    ['an unknown console', bad((e) => Object.assign(e, { console: 'evil' })), /extraction\.console/],
    ['a lower-case currency', bad((e) => Object.assign(e, { currency: 'eur' })), /extraction\.currency/],
    [
      'a text figure',
      bad((e) => Object.assign(e, { rows: [{ campaign: { id: null, name: 'x' }, metrics: { cost: '12' } }] })),
      /extraction\.rows\.0\.metrics\.cost/,
    ],
    [
      'an infinite figure',
      bad((e) => Object.assign(e, { rows: [{ campaign: { id: null, name: 'x' }, metrics: { cost: Number.POSITIVE_INFINITY } }] })),
      /metrics\.cost/,
    ],
    [
      'an empty campaign name',
      bad((e) => Object.assign(e, { rows: [{ campaign: { id: null, name: '' }, metrics: {} }] })),
      /campaign\.name/,
    ],
    ['a date that is no date', bad((e) => Object.assign(e, { dateRange: { start: '2026-02-30', end: '2026-03-01' } })), /dateRange/],
    ['no rows array', bad((e) => Object.assign(e, { rows: 'all' })), /extraction\.rows/],
  ])('a reading with %s is refused with the path of the bad field', async (_what, message, why) => {
    await expectRefused(message, contentScript(), why);
  });

  it('a payload carrying __proto__ pollutes nothing', async () => {
    const text = `{"type":"reading:report","data":{"extraction":${JSON.stringify(extraction).replace('{', '{"__proto__":{"polluted":true},')}}}`;
    const message: unknown = JSON.parse(text);
    const reply = await send(message, contentScript());
    expect(reply.ok).toBe(true); // unknown keys are dropped by the schema
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn((await planpilotDb.captures.toArray())[0] ?? {}, 'polluted')).toBe(false);
  });
});

describe('dispatch checks the reply and never throws into the caller', () => {
  const protocol = { 'echo:x': { from: 'extension-page' as const, data: z.object({ n: z.number() }), reply: z.object({ n: z.number() }) } };
  const policy: SenderPolicy = { extensionId: OURS, extensionOrigin: ORIGIN, isEnabledConsole: async () => false };
  const sender = ourPage;

  it('a handler whose reply breaks the reply schema gives a refusal', async () => {
    const reply = await dispatch(
      protocol,
      { 'echo:x': async () => ({ n: 'not a number' }) as unknown as { n: number } },
      policy,
      { type: 'echo:x', data: { n: 1 } },
      sender as unknown as Runtime.MessageSender,
    );
    expect(reply.ok).toBe(false);
  });

  it('a handler that throws gives its sentence, not an exception', async () => {
    const reply = await dispatch(
      protocol,
      { 'echo:x': async () => Promise.reject(new Error('store is full')) },
      policy,
      { type: 'echo:x', data: { n: 1 } },
      sender as unknown as Runtime.MessageSender,
    );
    expect(reply).toEqual({ ok: false, error: 'store is full' });
  });

  it('checkSender: the extension id is checked before anything else', async () => {
    const enabled = vi.fn(async () => true);
    const result = await checkSender(
      'content-script',
      contentScript(CONSOLE_URL, 'evil-extension-id') as unknown as Runtime.MessageSender,
      { ...policy, isEnabledConsole: enabled },
    );
    expect(result.ok).toBe(false);
    expect(enabled).not.toHaveBeenCalled();
  });
});

describe('host patterns: only the console hosts themselves match', () => {
  it.each([
    ['https://ads.google.com/aw/overview', true],
    ['https://ads.google.com.evil.example/aw', false],
    ['https://evilads.google.com/aw', false],
    ['https://ads.google.com@evil.example/', false],
    ['http://ads.google.com/aw', false],
    ['https://us1.admin.mailchimp.com/campaigns/', true],
    ['https://admin.mailchimp.com.evil.example/', false],
    ['https://evil.example/admin.mailchimp.com/', false],
    ['https://www.linkedin.com/campaignmanager/accounts', true],
    ['https://www.linkedin.com/feed/', false],
    ['javascript:alert(1)//ads.google.com/', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(ALL_CONSOLE_HOSTS.some((p) => matchesPattern(url, p))).toBe(expected);
  });
});
