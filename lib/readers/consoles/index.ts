/**
 * The console adapters, and which one a page or an export comes from. A page no adapter claims is read by the
 * generic layers alone (`console: "generic"`).
 */
import { brevo } from './brevo';
import { titleOf } from './common';
import { googleAds } from './google-ads';
import { klaviyo } from './klaviyo';
import { linkedinAds } from './linkedin-ads';
import { mailchimp } from './mailchimp';
import { metaAds } from './meta-ads';
import { microsoftAds } from './microsoft-ads';
import { tiktokAds } from './tiktok-ads';
import type { ConsoleAdapter } from './types';

export type { ConsoleAdapter } from './types';

/** In the order exports are tested: the most specific signatures first. */
export const ADAPTERS: readonly ConsoleAdapter[] = [microsoftAds, metaAds, mailchimp, linkedinAds, tiktokAds, googleAds, brevo, klaviyo];

export function adapterById(id: string): ConsoleAdapter | null {
  return ADAPTERS.find((a) => a.id === id) ?? null;
}

/** All consoles' page hooks, for one pass over the page. */
export const PAGE_PROBES = ADAPTERS.flatMap((a) => (a.page.selector ? [a.page.selector] : [])).join(', ');

/** How many elements, in document order, the page probe looks at: console hooks sit in the app shell, early. */
const PROBE_BUDGET = 4000;

/**
 * The adapter of a page: its URL first; else its title; else the first stable hook or console link among the
 * page's first elements (one bounded pass for all consoles: a 5,000-row grid is not scanned for hooks).
 */
export function adapterForPage(doc: Document, url: URL | null): ConsoleAdapter | null {
  return consoleOfPage(doc, url).adapter;
}

/**
 * How a page's console was told: by its URL or its title (nothing in the page's body counts then), by the page
 * probe, or not at all. `probeEnd`: where the probe stopped, the hook it found or the last element it looked at;
 * null when it saw the whole page. The incremental reader knows from this what a change may overturn.
 */
export type PageConsole = { adapter: ConsoleAdapter | null; by: 'url' | 'title' | 'probe' | null; probeEnd: Element | null };

/** {@link adapterForPage}'s first two steps: the URL, then the title. */
export function consoleByUrlOrTitle(doc: Document, url: URL | null): PageConsole | null {
  if (url) {
    const byUrl = ADAPTERS.find((a) => a.matchesUrl(url));
    if (byUrl) return { adapter: byUrl, by: 'url', probeEnd: null };
  }
  const title = titleOf(doc);
  const byTitle = title ? ADAPTERS.find((a) => a.page.title?.test(title)) : undefined;
  return byTitle ? { adapter: byTitle, by: 'title', probeEnd: null } : null;
}

export function consoleOfPage(doc: Document, url: URL | null): PageConsole {
  const known = consoleByUrlOrTitle(doc, url);
  if (known) return known;
  let seen = 0;
  let el: Element | null = doc.documentElement;
  let last: Element | null = null;
  while (el && seen++ < PROBE_BUDGET) {
    if (el.matches(PAGE_PROBES)) {
      const hook = el;
      return { adapter: ADAPTERS.find((a) => a.page.selector && hook.matches(a.page.selector)) ?? null, by: 'probe', probeEnd: hook };
    }
    last = el;
    // Depth first, in document order.
    let next: Element | null = el.firstElementChild;
    while (!next && el) {
      next = el.nextElementSibling;
      if (!next) el = el.parentElement;
    }
    el = next;
  }
  return { adapter: null, by: null, probeEnd: el ? last : null };
}

/** The adapter of an export: the page it came from, its file name, else its header row and title lines. */
export function adapterForExport(headers: string[], preamble: string[], fileName: string | null, url: URL | null): ConsoleAdapter | null {
  if (url) {
    const byUrl = ADAPTERS.find((a) => a.matchesUrl(url));
    if (byUrl) return byUrl;
  }
  const bySignature = ADAPTERS.find((a) => a.detectExport?.(headers, preamble));
  if (bySignature) return bySignature;
  const name = (fileName ?? '').toLowerCase();
  const hints: [RegExp, string][] = [
    [/brevo|sendinblue/, 'brevo'],
    [/klaviyo/, 'klaviyo'],
    [/mailchimp/, 'mailchimp'],
    [/tiktok/, 'tiktok-ads'],
    [/linkedin/, 'linkedin-ads'],
    [/bing|microsoft/, 'microsoft-ads'],
  ];
  for (const [re, id] of hints) if (re.test(name)) return adapterById(id);
  return null;
}
