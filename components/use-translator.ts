import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { resolveLanguage, translator, type Translate, type UiLanguage } from '@/utils/i18n';
import { languageItem } from '@/utils/settings/items';

/** The UI language from settings ('auto' follows the browser), live when it changes. */
export function useTranslator(): { t: Translate; lang: UiLanguage } {
  const uiLang = () => browser.i18n.getUILanguage();
  const [lang, setLang] = useState<UiLanguage>(resolveLanguage('auto', uiLang()));
  useEffect(() => {
    void languageItem.getValue().then((v) => setLang(resolveLanguage(v, uiLang())));
    return languageItem.watch((v) => setLang(resolveLanguage(v, uiLang())));
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return { t: translator(lang), lang };
}
