import { en, type MessageKey } from './en';
import { vi } from './vi';
import type { Language } from '../settings/items';

export type { MessageKey };
export type UiLanguage = 'vi' | 'en';
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const DICTIONARIES: Record<UiLanguage, Record<MessageKey, string>> = { en, vi };

/** 'auto' follows the browser: Vietnamese on a Vietnamese browser, English otherwise. */
export function resolveLanguage(setting: Language, browserLanguage: string): UiLanguage {
  if (setting !== 'auto') return setting;
  return browserLanguage.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

export function translator(lang: UiLanguage): Translate {
  const dict = DICTIONARIES[lang];
  return (key, params) =>
    dict[key].replace(/\{(\w+)\}/g, (m, name: string) =>
      params && name in params ? String(params[name]) : m,
    );
}
