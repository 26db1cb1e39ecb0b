/** Which language and locale; small enough for the content script (no dictionaries here). */
export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Browser language by default: French for any `fr-*`, English otherwise. */
export function defaultLang(browserLanguage: string | undefined): Lang {
  return browserLanguage?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** The formatting locale: the browser's own when it speaks the UI language, else a default for it. */
export function localeFor(lang: Lang, browserLanguage: string | undefined): string {
  if (browserLanguage?.toLowerCase().startsWith(lang)) return browserLanguage;
  return lang === 'fr' ? 'fr-FR' : 'en-US';
}

/** A message with its `{name}` placeholders filled. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
