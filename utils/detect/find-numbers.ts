import { parsePhone, type PhoneKind } from '../phone/parse';
import type { Carrier } from '../phone/vn-carriers';
import { columnHeader, extensionAfter, gluedAfter, gluedBefore, labelBefore, labelOf, unitAfter } from './context';
import { carrierOfNationalNumber } from '../phone/vn-carriers';
import { digitRuns, hasDigits, plainDigits, type DigitGroup, type DigitRun } from './digit-runs';

export interface FoundNumber {
  /** Offsets in the text: the number as written, from its "+" or "(" to its last digit. */
  start: number;
  end: number;
  e164: string;
  kind: PhoneKind;
  carrier: Carrier | undefined;
  /** National form for Vietnamese numbers, international otherwise. */
  display: string;
  /** "ext 103" / "máy lẻ 103" written after the number: digits dialled after connect. */
  extension: string | undefined;
}

/** The shortest phone number worth an icon (1900 6868 has 8 digits). */
const MIN_DIGITS = 8;
/** E.164 allows 15 digits; +84 with a stray trunk 0 ("+840912…") makes 12. */
const MAX_DIGITS = 15;
/** Groups tried per candidate: "+84 (0) 912 34 56 78" has six, "0 9 1 2 3 4 5 6 7 8" ten. */
const MAX_GROUPS = 12;

export interface FindOptions {
  /**
   * A heading that applies to the whole text: the table column's header or the field's label
   * the content script found around it. A non-phone heading ("Mã số thuế") drops numbers that
   * have no phone label of their own.
   */
  heading?: string;
}

/**
 * Finds the phone numbers a person would want to call in a piece of page text. Pure and
 * allocation-light: the content script runs it on every text block it scans.
 */
export function findPhoneNumbers(input: string, options: FindOptions = {}): FoundNumber[] {
  if (!hasDigits(input, MIN_DIGITS)) return [];
  const { text, source } = plainDigits(input);
  const heading = options.heading ? labelOf(options.heading) : 'none';
  const found: FoundNumber[] = [];
  for (const run of digitRuns(text)) {
    if (run.groups.reduce((n, g) => n + g.digits.length, 0) < MIN_DIGITS) continue;
    segmentRun(text, run, found);
  }
  const kept = found.filter((f) => {
    const own = labelBefore(text.slice(Math.max(0, f.start - 40), f.start));
    if (own === 'phone') return true;
    const column = columnHeader(text, f.start);
    const verdict = column === undefined ? heading : labelOf(column);
    return verdict !== 'other';
  });
  for (const f of kept) {
    f.start = source(f.start);
    f.end = source(f.end);
  }
  return kept;
}

/**
 * A run can hold several numbers ("0912 345 678 0987 654 321") or one number plus other
 * digits. From each group, take the longest span of groups that makes a valid number, then go
 * on after it. Digits joined tightly ("-", ".") to a number but left over make it part of a
 * longer identifier, so the number is dropped.
 */
function segmentRun(text: string, run: DigitRun, out: FoundNumber[]): void {
  const { groups } = run;
  let i = 0;
  let leftoverBefore = false;
  while (i < groups.length) {
    let hit: { last: number; found: FoundNumber } | undefined;
    for (let j = Math.min(groups.length - 1, i + MAX_GROUPS - 1); j >= i; j--) {
      const found = candidate(text, run, i, j);
      if (found) {
        hit = { last: j, found };
        break;
      }
    }
    if (!hit) {
      leftoverBefore = true;
      i++;
      continue;
    }
    const next = groups[hit.last + 1];
    const tightBefore = leftoverBefore && isTight(groups[i]!.sepBefore);
    const tightAfter = next !== undefined && isTight(next.sepBefore) && !startsNumber(text, run, hit.last + 1);
    if (!tightBefore && !tightAfter) out.push(hit.found);
    leftoverBefore = false;
    i = hit.last + 1;
  }
}

const isTight = (sep: string): boolean => !/[\s\u00a0]/.test(sep);

function startsNumber(text: string, run: DigitRun, i: number): boolean {
  for (let j = Math.min(run.groups.length - 1, i + MAX_GROUPS - 1); j >= i; j--) {
    if (candidate(text, run, i, j)) return true;
  }
  return false;
}

/** Groups i..j of a run as one number, or undefined when they are not a callable number. */
function candidate(text: string, run: DigitRun, i: number, j: number): FoundNumber | undefined {
  const groups = run.groups.slice(i, j + 1);
  const digits = groups.map((g) => g.digits).join('');
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) return undefined;
  const first = groups[0]!;
  const last = groups[groups.length - 1]!;
  const plus = i === 0 && run.plus;
  const start = i === 0 ? run.start : first.start;
  const end = closeParen(text, start, last.end);

  const dialable = dialString(digits, plus, groups);
  if (!dialable) return undefined;
  const label = labelBefore(text.slice(Math.max(0, start - 40), start));
  if (label === 'other') return undefined;
  // "SĐT0912345678", "Liên hệ(0912…)": glued to a phone label is still a phone.
  if ((gluedBefore(text, start) && label !== 'phone') || gluedAfter(text, end)) return undefined;
  const ext = extensionAfter(text.slice(end, end + 32));
  if (!ext && unitAfter(text.slice(end, end + 16))) return undefined;

  const phone = parsePhone(dialable);
  if (!phone) return undefined;
  if (phone.country === 'VN' || phone.e164.startsWith('+84')) {
    // Ranges no carrier sells to the public (M2M, closed S-Fone, special codes) are far more
    // often tax codes or ids on a page than phones.
    if (phone.kind === 'mobile' && !phone.carrier) return undefined;
    if (phone.kind === 'other') return undefined;
  }
  return {
    start,
    end,
    e164: phone.e164,
    kind: phone.kind,
    carrier: phone.carrier,
    display: phone.display,
    extension: ext?.digits,
  };
}

/** Keeps a closing parenthesis that belongs to the number ("(+84 28 3822 1234)" stays whole). */
function closeParen(text: string, start: number, end: number): number {
  return text[start] === '(' && text[end] === ')' && !text.slice(start + 1, end).includes(')') ? end + 1 : end;
}

/**
 * The string handed to the parser, or undefined when the digits cannot be a phone number in
 * the way they are written. Without "+", only Vietnamese national forms count: a trunk 0,
 * 84 followed by a national number, or a 1800/1900 service number. Everything else (prices,
 * ids, years, IP addresses) starts with another digit.
 */
function dialString(digits: string, plus: boolean, groups: DigitGroup[]): string | undefined {
  if (plus) return `+${digits}`;
  if (digits.startsWith('00')) return digits.length >= 10 ? `+${digits.slice(2)}` : undefined;
  if (digits.startsWith('0')) {
    if (digits.length < 10 || digits.length > 11) return undefined;
    // "(08) 3822 1234" is the pre-2017 HCMC form: today it reads as a different, mobile, number.
    if (groups[0]!.digits.length === 2 && groups.length > 1 && groups[1]!.sepBefore.includes(')')) return undefined;
    return digits;
  }
  if (/^1[89]00\d{4,6}$/.test(digits)) return digits;
  if (/^84[1-9]\d{8,9}$/.test(digits) && !looksLikeAmount(digits, groups)) return `+${digits}`;
  return undefined;
}

/**
 * "84,912,345,678" is an amount; "84.399.741.777" is how CRMs print a stored 84… mobile, and
 * as an amount it would need a unit, which `unitAfter` checks. Dotted threes count as a phone
 * only when the rest is a carrier's mobile.
 */
function looksLikeAmount(digits: string, groups: DigitGroup[]): boolean {
  const threes = groups.length > 1 && groups.slice(1).every((g) => g.digits.length === 3 && /^[.,]$/.test(g.sepBefore));
  if (!threes) return false;
  return groups.some((g) => g.sepBefore === ',') || !carrierOfNationalNumber(digits.slice(2));
}
