import { parsePhoneNumberFromString, type MetadataJson, type PhoneNumber } from 'libphonenumber-js/core';
// Full data for Vietnam, length-only data for other countries (make-metadata.ts says why):
// 19 KB gzipped instead of max's 39 KB, in every bundle that parses numbers.
import { METADATA_JSON } from './metadata';
import { carrierOfNationalNumber, type Carrier } from './vn-carriers';

export type PhoneKind = 'mobile' | 'fixed' | 'tollFree' | 'premium' | 'other';

export interface ParsedPhone {
  /** +84912345678 */
  e164: string;
  /** What Stringee wants as toNumber/fromNumber: country code + national number, no "+". */
  stringee: string;
  country: string | undefined;
  kind: PhoneKind;
  carrier: Carrier | undefined;
  /** Human form for display, national for VN ("0912 345 678"), international otherwise. */
  display: string;
  /** Extension written with the number ("ext 103"), dialled as DTMF after connect. */
  extension: string | undefined;
}

let metadata: MetadataJson | undefined;
/** Parsed on first use: plain mobiles never need it, and most pages hold no number at all. */
const libraryMetadata = (): MetadataJson => (metadata ??= JSON.parse(METADATA_JSON) as MetadataJson);

/** Characters people write inside phone numbers; anything else makes the input not a number. */
const PHONE_CHARS = /^[\d\s().+\-\u00a0]+$/;

// Vietnamese service numbers libphonenumber types loosely; the prefix is the rule here.
function kindOf(p: PhoneNumber): PhoneKind {
  const nsn = p.nationalNumber;
  if (p.countryCallingCode === '84') {
    if (/^1800\d{4,6}$/.test(nsn)) return 'tollFree';
    if (/^1900\d{4,6}$/.test(nsn)) return 'premium';
  }
  switch (p.getType()) {
    case 'MOBILE':
      return 'mobile';
    case 'FIXED_LINE':
    case 'FIXED_LINE_OR_MOBILE':
      return 'fixed';
    case 'TOLL_FREE':
      return 'tollFree';
    case 'PREMIUM_RATE':
      return 'premium';
    default:
      return 'other';
  }
}

/** "0892 765 198": the 4-3-3 form Vietnamese mobiles are written in. */
const mobileDisplay = (nsn: string): string => `0${nsn.slice(0, 3)} ${nsn.slice(3, 6)} ${nsn.slice(6)}`;

const EXTENSION = /\s*(?:ext\.?|extension|x|máy lẻ|ml|nhánh)\s*:?\s*(\d{1,6})\s*$/i;

/**
 * Parses what a user typed or selected as a phone number (default country VN).
 * Returns null when it is not a valid, dialable number.
 */
export function parsePhone(input: string): ParsedPhone | null {
  let text = input.normalize('NFC').trim();
  let extension: string | undefined;
  const ext = EXTENSION.exec(text);
  if (ext) {
    extension = ext[1];
    text = text.slice(0, ext.index);
  }
  if (!text || !PHONE_CHARS.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  return plainMobile(text, digits, extension) ?? parseWithLibrary(text, digits, extension);
}

/** "+84", "(+84)", "84" or a trunk "0", then a national number: how mobiles are written. */
const MOBILE_FORM = /^(?:\(?\+?84\)?|\(?0)[\d\s().\-\u00a0]*$/;

/**
 * A Vietnamese mobile written plainly ("0912 345 678", "+84 912…", "84912…"): the carrier's
 * prefix decides it whatever libphonenumber says (below), so the library is not asked. Most
 * numbers on Vietnamese pages are mobiles, and the content script then marks them without
 * warming the library up (its first parse compiles its metadata's patterns: 2-6 ms measured).
 * parse.test.ts checks that both ways give the same result.
 */
function plainMobile(text: string, digits: string, extension: string | undefined): ParsedPhone | null {
  if (!MOBILE_FORM.test(text)) return null;
  const trunk = text.replace(/^\(/, '').startsWith('0');
  if (trunk ? digits.length !== 10 : digits.length !== 11 || !digits.startsWith('84')) return null;
  const nsn = digits.slice(trunk ? 1 : 2);
  const carrier = carrierOfNationalNumber(nsn);
  if (!carrier) return null;
  return { e164: `+84${nsn}`, stringee: `84${nsn}`, country: 'VN', kind: 'mobile', carrier, display: mobileDisplay(nsn), extension };
}

/** The full parse, through libphonenumber: every other number. Exported for parse.test.ts. */
export function parseWithLibrary(text: string, digits: string, extension: string | undefined): ParsedPhone | null {
  // "84912345678" written without "+" is how Stringee and many CRMs store numbers.
  const candidate = /^84\d{9,10}$/.test(digits) && !text.trim().startsWith('0') ? `+${digits}` : text;
  const p = parsePhoneNumberFromString(candidate, 'VN', libraryMetadata());
  if (!p) return null;
  const isVN = p.countryCallingCode === '84';
  // libphonenumber's data lags the carriers' allocations (it accepts only 0896-0899 of
  // MobiFone's 089, parts of 052 and 055): a 9-digit national number in a carrier's prefix is
  // a mobile whatever the library says.
  const byPrefix = isVN ? carrierOfNationalNumber(p.nationalNumber) : undefined;
  if (!p.isValid() && !byPrefix) return null;
  const kind = byPrefix ? 'mobile' : kindOf(p);
  return {
    e164: p.number,
    stringee: `${p.countryCallingCode}${p.nationalNumber}`,
    country: p.country,
    kind,
    carrier: kind === 'mobile' ? byPrefix : undefined,
    display: byPrefix ? mobileDisplay(p.nationalNumber) : isVN ? p.formatNational() : p.formatInternational(),
    extension: extension ?? (p.ext || undefined),
  };
}
