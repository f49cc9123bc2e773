import { describe, expect, it } from 'vitest';
import { en } from './en';
import { resolveLanguage, translator } from './index';
import { vi } from './vi';

describe('i18n', () => {
  it('translates every English key into Vietnamese, with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(vi[key], key).toBeTruthy();
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(vi[key]), key).toEqual(names(en[key]));
    }
  });

  it.each([
    ['auto', 'vi', 'vi'],
    ['auto', 'vi-VN', 'vi'],
    ['auto', 'en-US', 'en'],
    ['auto', 'fr', 'en'],
    ['en', 'vi', 'en'],
    ['vi', 'en-GB', 'vi'],
  ] as const)('setting %s on a %s browser → %s', (setting, browserLang, lang) => {
    expect(resolveLanguage(setting, browserLang)).toBe(lang);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('en');
    expect(t('conn_ready', { user: 'agent1' })).toBe('Connected as agent1');
    expect(t('conn_ready')).toBe('Connected as {user}');
  });

  it('uses the guide’s Vietnamese words for the modes', () => {
    expect(translator('vi')('mode_callout')).toContain('Gọi ra');
  });
});
