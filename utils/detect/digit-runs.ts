/**
 * Splits text into runs of digit groups joined by the separators people write inside phone
 * numbers ("0912 345 678", "(028) 3822.1234", "+84-28", a line break). A run never crosses a
 * list separator (", ", " - ", " / ", a blank line), so "0912345678, 0987654321" gives two runs.
 */
export interface DigitGroup {
  /** Offset of the first digit. */
  start: number;
  /** Offset after the last digit. */
  end: number;
  digits: string;
  /** What was written between the previous group and this one ("" for the first). */
  sepBefore: string;
}

export interface DigitRun {
  /** Offset of the run's first character: a "+" or "(" before the first digit counts. */
  start: number;
  /** True when the run opens with "+" (or "(+"), i.e. it is written with a country code. */
  plus: boolean;
  groups: DigitGroup[];
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

// Dashes people type or word processors substitute for "-": hyphen, non-breaking hyphen,
// figure dash, en dash, minus sign.
const DASHES = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2212']);
// Characters allowed between two digit groups of one number: spaces (a source line break
// renders as one), dot, dashes, parentheses, and invisible characters pages leave in copied
// text (zero-width spaces, soft hyphens).
const INNER_SEPARATORS = new Set([
  ' ', '\t', '\n', '\r', '\u00a0', '\u2009', '\u202f', '.', '(', ')', '\u200b', '\u200c', '\u200d', '\ufeff', '\u00ad',
  ...DASHES,
]);
const INVISIBLE = /[\u200b-\u200d\ufeff\u00ad]/g;
/** A line break with the indentation around it: one space on screen, unless it ends a paragraph. */
const LINE_BREAK = /[ \t\u00a0]*\r?\n[ \t\u00a0]*/;
/** The longest separator looked at: a source line break plus a deep indentation. */
const MAX_SEPARATOR = 48;
/** "+84 ▾ | 912345678": a country-code picker drawn before the national number. */
const PICKER = /^[\s\u00a0]*[▾▼▿⌄˅⏷]?[\s\u00a0]*\|?[\s\u00a0]*$/;

/** A separator joins two groups only if it is short and has at most one space, dot and dash. */
function joins(raw: string): boolean {
  let s = raw.replace(INVISIBLE, '');
  if (s.includes('\n')) {
    if (s.indexOf('\n') !== s.lastIndexOf('\n')) return false;
    s = s.replace(LINE_BREAK, ' ');
  }
  if (s.length > 3) return false;
  let spaces = 0;
  let dots = 0;
  let dashes = 0;
  let opens = 0;
  let closes = 0;
  for (const ch of s) {
    if (ch === '.') dots++;
    else if (DASHES.has(ch)) dashes++;
    else if (ch === '(') opens++;
    else if (ch === ')') closes++;
    else spaces++;
  }
  // A dash with spaces around it (" - ") separates two numbers, it does not join groups; a
  // spaced dot ("0912 . 345 . 678") still joins them.
  if (dashes && spaces > 1) return false;
  return spaces <= (dots ? 2 : 1) && dots <= 1 && dashes <= 1 && opens <= 1 && closes <= 1;
}

/** The dash characters count as "-" in the rules that look at what touches a number. */
export const isDash = (ch: string | undefined): boolean => ch !== undefined && DASHES.has(ch);

const UNICODE_DIGIT = /\p{Nd}/u;
const HIGH_SURROGATE_OF_MATH_DIGITS = 0xd835;

/** A decimal digit other than 0-9 starts at i: full-width, mathematical bold, Arabic-Indic… */
function otherDigitAt(text: string, i: number, c: number): boolean {
  if (c >= 0xff10 && c <= 0xff19) return true;
  // Vietnamese letters (U+00C0-01B0, U+1EA0-1EF9) are skipped without a regex test.
  if (c >= 0x660 && c < 0x1e00) return UNICODE_DIGIT.test(text[i]!);
  if (c === HIGH_SURROGATE_OF_MATH_DIGITS) return UNICODE_DIGIT.test(text.slice(i, i + 2));
  return false;
}

/** Counts digits, stopping early: the cheap test that skips text with too few to hold a number. */
export function hasDigits(text: string, atLeast: number): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((isDigit(c) || (c > 127 && otherDigitAt(text, i, c))) && ++n >= atLeast) return true;
  }
  return false;
}

/** Page text with every decimal digit as 0-9, and the way back to the page's offsets. */
export interface PlainDigits {
  text: string;
  /** The offset in the original text of offset `i` of `text`. */
  source: (i: number) => number;
}

const same = (i: number): number => i;

/** The value of a Unicode decimal digit: its place in its block of ten consecutive digits. */
function digitValue(cp: number): number {
  let zero = cp;
  while (zero > cp - 40 && UNICODE_DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return (cp - zero) % 10;
}

/**
 * Reads every decimal digit as ASCII ("０９１２", "𝟎𝟗𝟏𝟐" → "0912"). Digits outside the Basic
 * Multilingual Plane are two UTF-16 units, so offsets then need `source` to map back.
 */
export function plainDigits(input: string): PlainDigits {
  let i = 0;
  for (; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c > 127 && otherDigitAt(input, i, c)) break;
  }
  if (i === input.length) return { text: input, source: same };
  let out = input.slice(0, i);
  let map: number[] | undefined;
  while (i < input.length) {
    const c = input.charCodeAt(i);
    if (c > 127 && otherDigitAt(input, i, c)) {
      const cp = input.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      if (width === 2 && !map) map = Array.from({ length: out.length }, (_, k) => k);
      map?.push(i);
      out += String.fromCharCode(48 + digitValue(cp));
      i += width;
    } else {
      map?.push(i);
      out += input[i];
      i++;
    }
  }
  if (!map) return { text: out, source: same };
  map.push(input.length);
  const offsets = map;
  return { text: out, source: (k) => offsets[k]! };
}

export function digitRuns(text: string): DigitRun[] {
  const runs: DigitRun[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // Look back for "+", "(" or "(+" glued to the first digit.
    let start = i;
    let plus = false;
    if (text[start - 1] === '+') {
      plus = true;
      start--;
    }
    if (text[start - 1] === '(') start--;
    const groups: DigitGroup[] = [];
    let sepBefore = '';
    for (;;) {
      const gs = i;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      groups.push({ start: gs, end: i, digits: text.slice(gs, i), sepBefore });
      let j = i;
      while (j < n && j - i <= MAX_SEPARATOR && INNER_SEPARATORS.has(text[j]!)) j++;
      if (plus && groups.length === 1 && gs - start <= 1 && i - gs <= 3) j = pickerEnd(text, i, j);
      if (j === i || j >= n) break;
      // "(+84-28) 3822 1234": a "+" may follow an opening parenthesis only at the run's start.
      if (!isDigit(text.charCodeAt(j))) break;
      const sep = text.slice(i, j);
      if (!joins(sep) && !(plus && groups.length === 1 && PICKER.test(sep))) break;
      sepBefore = sep;
      i = j;
    }
    runs.push({ start, plus, groups });
  }
  return runs;
}

/** After "+84", the end of a country-code picker's arrow and bar, if one is drawn there. */
function pickerEnd(text: string, from: number, j: number): number {
  let k = from;
  while (k < text.length && k - from < 8 && !isDigit(text.charCodeAt(k))) k++;
  return k > j && PICKER.test(text.slice(from, k)) ? k : j;
}
