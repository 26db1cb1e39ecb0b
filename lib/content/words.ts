import { fill, type Lang } from '../i18n/lang';
import * as core from '../i18n/parts/core';
import * as domain from '../i18n/parts/domain';
import * as overlay from '../i18n/parts/overlay';

/** The overlay's words only: the content script stays small by not carrying the pages' dictionaries. */
export type OverlayWord = keyof typeof core.fr | keyof typeof domain.fr | keyof typeof overlay.fr;

export function overlayTranslator(lang: Lang): (key: OverlayWord, params?: Record<string, string | number>) => string {
  const dict: Record<OverlayWord, string> =
    lang === 'fr' ? { ...core.fr, ...domain.fr, ...overlay.fr } : { ...core.en, ...domain.en, ...overlay.en };
  return (key, params) => fill(dict[key], params);
}
