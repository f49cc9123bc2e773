import { parsePhone } from '@/utils/phone/parse';
import type { Found } from './found';

const INTERNAL = /^\d{2,6}$/;

/** A link that dials: its href, not its text, is the number (see `telTarget`). */
export const isTelLink = (el: Element): el is HTMLAnchorElement => el.tagName === 'A' && /^tel:/i.test(el.getAttribute('href') ?? '');

/**
 * The number a tel: link dials, from its href (not its text): a phone number, or a short
 * extension that becomes an internal target for Free calls.
 */
export function telTarget(href: string): { target: string; number: Found['number'] } | undefined {
  if (!/^tel:/i.test(href)) return undefined;
  let raw: string;
  try {
    raw = decodeURIComponent(href.slice(4));
  } catch {
    return undefined;
  }
  // RFC 3966 parameters (";ext=103", ";phone-context=…") follow the number.
  const [main = '', ...params] = raw.split(';');
  const ext = params.find((p) => /^ext=/i.test(p))?.slice(4).replace(/\D/g, '') || undefined;
  const compact = main.replace(/[\s.\-()]/g, '');
  if (INTERNAL.test(compact)) {
    return { target: compact, number: { kind: 'other', carrier: undefined, display: compact, extension: undefined } };
  }
  const phone = parsePhone(main);
  if (!phone) return undefined;
  return {
    target: phone.e164,
    number: { kind: phone.kind, carrier: phone.carrier, display: phone.display, extension: ext ?? phone.extension },
  };
}
