import { parsePhone } from '../phone/parse';
import type { Contact, ContactPhone } from './types';

/**
 * Lower case without diacritics, for matching what people type without Vietnamese accents:
 * "Nguyễn Văn Đức" → "nguyen van duc". "đ"/"Đ" are letters of their own, not d + a mark.
 */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A phone entry from what the user typed: E.164 added when the number parses. */
export function makePhone(label: string, number: string): ContactPhone {
  const typed = number.trim();
  const e164 = parsePhone(typed)?.e164;
  return e164 ? { label: label.trim(), number: typed, e164 } : { label: label.trim(), number: typed };
}

/** The first callable number of a contact, or undefined. */
export function firstCallable(c: Pick<Contact, 'phones'>): ContactPhone | undefined {
  return c.phones.find((p) => p.e164);
}

/** The name to show: the contact's name, or its first number when it has none. */
export function contactTitle(c: Pick<Contact, 'name' | 'phones'>): string {
  if (c.name.trim()) return c.name.trim();
  const p = c.phones[0];
  if (!p) return '';
  return (p.e164 && parsePhone(p.e164)?.display) || p.number;
}

/** "+84912345678" → "0912 345 678" (national for Vietnam); unparseable numbers as typed. */
export function phoneDisplay(p: ContactPhone): string {
  return (p.e164 && parsePhone(p.e164)?.display) || p.number;
}
