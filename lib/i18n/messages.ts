/**
 * UI words in French (first) and English. Stored values (channel, status…) keep
 * their DESIGN spellings; these dictionaries translate them for display.
 */
import * as core from './parts/core';
import * as domain from './parts/domain';

/**
 * Each area keeps its words in `parts/<area>.ts` (French first; English typed against it so a
 * missing translation fails the type check). Add a part here when an area gets its own file.
 */
const PARTS = [core, domain] as const;

type Part = (typeof PARTS)[number];
export type MessageKey = Part extends infer P ? (P extends { fr: infer F } ? keyof F & string : never) : never;

export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = {
  fr: Object.assign({}, ...PARTS.map((p) => p.fr)),
  en: Object.assign({}, ...PARTS.map((p) => p.en)),
};

/** Browser language by default: French for any `fr-*`, English otherwise. */
export function defaultLang(browserLanguage: string | undefined): Lang {
  return browserLanguage?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return DICTIONARIES[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
