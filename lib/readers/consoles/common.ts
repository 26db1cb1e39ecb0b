/** Small page probes shared by the console adapters (standard DOM only). */
import { CONSOLE_HOSTS, matchesPattern } from '../../consoles';
import type { ConsoleId } from '../../domain/figures';
import { fold } from '../text';

/** Does the URL fall under the console's host patterns (lib/consoles.ts, the manifest's single source)? */
export function onConsoleHost(id: Exclude<ConsoleId, 'generic'>, url: URL): boolean {
  return CONSOLE_HOSTS[id].some((p) => matchesPattern(url.href, p));
}

/** The page's title, folded. */
export function titleOf(doc: Document): string {
  return fold(doc.querySelector('title')?.textContent ?? '');
}

/** Does the page link to (or has it been saved from) this host? */
export function linksTo(doc: Document, host: string): boolean {
  return (
    doc.querySelector(`a[href*="//${host}"], link[href*="//${host}"], base[href*="//${host}"]`) !== null ||
    savedFrom(doc)?.hostname === host
  );
}

/** The address in a browser's "saved from url=(…)" comment at the top of a saved page, if any. */
export function savedFrom(doc: Document): URL | null {
  for (const root of [doc, doc.documentElement]) {
    if (!root) continue;
    for (const n of root.childNodes) {
      if (n.nodeType !== 8) continue;
      const m = /saved from url=\(\d+\)(\S+)/.exec(n.nodeValue ?? '');
      if (m) {
        try {
          return new URL(m[1] as string);
        } catch {
          return null;
        }
      }
    }
  }
  return null;
}

/** The first match of a pattern in the text of elements matching a selector. */
export function textMatch(doc: Document, selector: string, re: RegExp): string | null {
  for (const el of doc.querySelectorAll(selector)) {
    const m = re.exec(el.textContent ?? '');
    if (m) return m[1] ?? m[0];
  }
  return null;
}

/** A query parameter read from the page's links (`act=` on Meta, `aid=` on Microsoft). */
export function paramInLinks(doc: Document, name: string, re = /^\w+$/): string | null {
  for (const a of doc.querySelectorAll(`a[href*="${name}="]`)) {
    try {
      const v = new URL(a.getAttribute('href') ?? '', 'https://example.invalid/').searchParams.get(name);
      if (v && re.test(v)) return v;
    } catch {
      // an unparsable link: look at the next one
    }
  }
  return null;
}

/** Folded header words, to test an export's columns. */
export const foldAll = (headers: string[]) => headers.map((h) => fold(h));
