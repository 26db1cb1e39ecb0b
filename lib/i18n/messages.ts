/**
 * UI words in French (first) and English. Stored values (channel, status…) keep
 * their DESIGN spellings; these dictionaries translate them for display.
 */
import { fill, type Lang } from './lang';
import * as core from './parts/core';
import * as domain from './parts/domain';
import * as ledger from './parts/ledger';
import * as overlay from './parts/overlay';
import * as panel from './parts/panel';

/**
 * Each area keeps its words in `parts/<area>.ts` (French first; English typed against it so a
 * missing translation fails the type check). Add a part here when an area gets its own file.
 */
export { defaultLang, fill, LANGS, type Lang, localeFor } from './lang';

const PARTS = [core, domain, overlay, ledger, panel] as const;

type Part = (typeof PARTS)[number];
export type MessageKey = Part extends infer P ? (P extends { fr: infer F } ? keyof F & string : never) : never;

export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = {
  fr: Object.assign({}, ...PARTS.map((p) => p.fr)),
  en: Object.assign({}, ...PARTS.map((p) => p.en)),
};

export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fill(DICTIONARIES[lang][key], params);
}
