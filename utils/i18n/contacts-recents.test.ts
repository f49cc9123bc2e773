import { describe, expect, it } from 'vitest';
import { en } from './en';
import { contactsEn, contactsText, contactsVi } from './contacts-recents';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('contacts and recents text', () => {
  it('has the same keys in both languages', () => {
    expect(Object.keys(contactsVi).sort()).toEqual(Object.keys(contactsEn).sort());
  });

  it.each(Object.keys(contactsEn) as (keyof typeof contactsEn)[])('%s: translated, same placeholders', (key) => {
    expect(contactsVi[key].trim()).not.toBe('');
    expect(placeholders(contactsVi[key])).toEqual(placeholders(contactsEn[key]));
  });

  it('is merged into the main dictionaries, every key with its own text', () => {
    for (const [k, v] of Object.entries(contactsEn)) expect(en[k as keyof typeof en], k).toBe(v);
    expect(Object.keys(contactsEn).every((k) => /^(contacts|recents)_/.test(k))).toBe(true);
  });

  it('uses the Vietnamese words of the brief', () => {
    const t = contactsText('vi');
    expect([t('contacts_tab'), t('recents_tab'), t('contacts_add'), t('contacts_import'), t('recents_export')]).toEqual([
      'Danh bạ', 'Gần đây', 'Thêm liên hệ', 'Nhập từ tệp', 'Xuất CSV',
    ]);
    expect(t('contacts_callName', { name: 'Nguyễn Văn A' })).toBe('Gọi Nguyễn Văn A');
  });
});
