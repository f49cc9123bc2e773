import { parsePhone, type ParsedPhone } from '../phone/parse';

/** Who the user asked to call, before any mode rule is applied. */
export type Target =
  | { kind: 'phone'; phone: ParsedPhone }
  | { kind: 'internal'; id: string } // an extension like 103 or a Stringee user id
  | { kind: 'invalid'; input: string }
  | { kind: 'empty' };

// Extensions are short digit strings; longer digit strings are phone numbers (valid or not).
const EXTENSION = /^\d{2,6}$/;
// Stringee user ids: letters first, so they are never mistaken for numbers.
const USER_ID = /^[A-Za-z][\w.@-]{0,63}$/;

export function classifyTarget(input: string): Target {
  const text = input.trim();
  if (!text) return { kind: 'empty' };
  if (EXTENSION.test(text) || USER_ID.test(text)) return { kind: 'internal', id: text };
  const phone = parsePhone(text);
  if (phone) return { kind: 'phone', phone };
  return { kind: 'invalid', input: text };
}
