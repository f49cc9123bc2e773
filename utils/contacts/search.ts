import { foldText } from './text';
import type { Contact, ContactPhone } from './types';

/** Digit forms a number can be typed in: as typed, international (84…) and national (0…). */
function phoneForms(p: ContactPhone): string[] {
  const forms = [p.number.replace(/\D/g, '')];
  if (p.e164) {
    const intl = p.e164.slice(1);
    forms.push(intl);
    if (intl.startsWith('84')) forms.push(`0${intl.slice(2)}`);
  }
  return forms.filter(Boolean);
}

function queryDigitForms(digits: string): string[] {
  // "+84 912…" or "84912…" typed as the search should still find a number stored as "0912…".
  if (digits.startsWith('84') && digits.length > 3) return [digits, `0${digits.slice(2)}`];
  return [digits];
}

/** A query that looks like (part of) a phone number: digits and phone punctuation only. */
const NUMBERISH = /^[\d\s().+\-]+$/;

export function matchesContact(c: Contact, query: string): boolean {
  const q = query.trim();
  if (!q) return true;
  if (NUMBERISH.test(q)) {
    const digits = q.replace(/\D/g, '');
    if (digits) {
      const wanted = queryDigitForms(digits);
      if (c.phones.some((p) => phoneForms(p).some((f) => wanted.some((w) => f.includes(w))))) return true;
    }
  }
  const hay = foldText([c.name, c.company, c.email, c.note, ...c.phones.map((p) => p.label)].join(' \u0001 '));
  return foldText(q)
    .split(' ')
    .every((word) => hay.includes(word));
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Contacts sorted by name (Vietnamese collation); unnamed ones last. */
export function sortContacts(list: readonly Contact[]): Contact[] {
  return [...list].sort((a, b) => {
    if (!a.name !== !b.name) return a.name ? -1 : 1;
    return collator.compare(a.name, b.name) || a.createdAt - b.createdAt;
  });
}

/** The contacts matching the query, sorted for display. */
export function searchContacts(list: readonly Contact[], query: string): Contact[] {
  return sortContacts(list.filter((c) => matchesContact(c, query)));
}

/** The contact owning a number given as Stringee sends it (84…) or in E.164. */
export function contactByNumber(list: readonly Contact[], number: string): Contact | undefined {
  const digits = number.replace(/\D/g, '');
  if (digits.length < 8) return undefined;
  const e164 = `+${digits}`;
  return list.find((c) => c.phones.some((p) => p.e164 === e164));
}
