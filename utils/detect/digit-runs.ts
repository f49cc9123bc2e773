/**
 * Splits text into runs of digit groups joined by the separators people write inside phone
 * numbers ("0912 345 678", "(028) 3822.1234", "+84-28"). A run never crosses a list separator
 * (", ", " - ", " / ", a newline), so "0912345678, 0987654321" gives two runs.
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

// Characters allowed between two digit groups of one number: space, NBSP, thin spaces, dot,
// hyphen, parentheses and zero-width characters that pages leave in copied text.
const INNER_SEPARATORS = new Set([' ', '\t', '\u00a0', '\u2009', '\u202f', '.', '-', '(', ')', '\u200b', '\u200c', '\u200d', '\ufeff']);
const ZERO_WIDTH = /[\u200b-\u200d\ufeff]/g;

/** A separator joins two groups only if it is short and has at most one space, dot and hyphen. */
function joins(sep: string): boolean {
  const s = sep.replace(ZERO_WIDTH, '');
  if (s.length > 3) return false;
  let spaces = 0;
  let dots = 0;
  let dashes = 0;
  let opens = 0;
  let closes = 0;
  for (const ch of s) {
    if (ch === '.') dots++;
    else if (ch === '-') dashes++;
    else if (ch === '(') opens++;
    else if (ch === ')') closes++;
    else spaces++;
  }
  // A dash with spaces around it (" - ") separates two numbers, it does not join groups; a
  // spaced dot ("0912 . 345 . 678") still joins them.
  if (dashes && spaces > 1) return false;
  return spaces <= (dots ? 2 : 1) && dots <= 1 && dashes <= 1 && opens <= 1 && closes <= 1;
}

/** Counts digits, stopping early: the cheap test that skips text with too few to hold a number. */
export function hasDigits(text: string, atLeast: number): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((isDigit(c) || (c >= 0xff10 && c <= 0xff19)) && ++n >= atLeast) return true;
  }
  return false;
}

/** Full-width digits (U+FF10–FF19) read as ASCII; one UTF-16 unit each, so offsets hold. */
export function asciiDigits(text: string): string {
  return /[\uff10-\uff19]/.test(text)
    ? text.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    : text;
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
      while (j < n && j - i <= 4 && INNER_SEPARATORS.has(text[j]!)) j++;
      if (j === i || j >= n) break;
      // "(+84-28) 3822 1234": a "+" may follow an opening parenthesis only at the run's start.
      if (!isDigit(text.charCodeAt(j))) break;
      const sep = text.slice(i, j);
      if (!joins(sep)) break;
      sepBefore = sep;
      i = j;
    }
    runs.push({ start, plus, groups });
  }
  return runs;
}
