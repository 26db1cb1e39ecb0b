import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { type Formatters, makeFormatters } from '@/lib/i18n/format';
import { defaultLang, type Lang, localeFor, type MessageKey, translate } from '@/lib/i18n/messages';
import { uiLanguage } from '@/lib/settings';

type I18n = {
  lang: Lang;
  /** The formatting locale: the browser's own when it speaks the UI language, else a default for it. */
  locale: string;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  fmt: (currency: string) => Formatters;
  setLang: (lang: Lang) => void;
};

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initialLang }: { children: ReactNode; initialLang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(initialLang ?? defaultLang(navigator.language));
  useEffect(() => {
    void uiLanguage.getValue().then((saved) => saved && setLangState(saved));
    return uiLanguage.watch((saved) => setLangState(saved ?? defaultLang(navigator.language)));
  }, []);
  const value = useMemo<I18n>(() => {
    const locale = localeFor(lang, navigator.language);
    const formatters = new Map<string, Formatters>();
    return {
      lang,
      locale,
      t: (key, params) => translate(lang, key, params),
      fmt: (currency) => {
        let f = formatters.get(currency);
        if (!f) {
          f = makeFormatters(locale, currency);
          formatters.set(currency, f);
        }
        return f;
      },
      setLang: (next) => {
        setLangState(next);
        void uiLanguage.setValue(next);
      },
    };
  }, [lang]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
