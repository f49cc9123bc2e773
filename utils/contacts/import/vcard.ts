import { foldText } from '../text';
import type { ImportCandidate } from './types';

/**
 * vCard 2.1 / 3.0 / 4.0, the subset a contact list needs: FN, N, TEL, EMAIL, ORG, NOTE.
 * Handles folded lines, item groups ("item1.TEL"), TYPE parameters in all three styles,
 * quoted-printable with a charset (phones' 2.1 exports), backslash escapes, and tel: URIs.
 */

interface Property {
  name: string;
  params: Map<string, string[]>;
  /** 2.1 bare parameters ("TEL;CELL;VOICE:…") and TYPE values, lower case. */
  types: string[];
  value: string;
}

/** Joins folded lines: a line starting with a space or tab continues the previous one. */
export function unfold(text: string): string[] {
  const out: string[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const last = out.length - 1;
    const prev = out[last];
    if (prev !== undefined && isQuotedPrintable(prev) && prev.endsWith('=')) {
      // Quoted-printable soft line break (vCard 2.1): "=" at the end of a line.
      out[last] = prev.slice(0, -1) + line.replace(/^[ \t]/, '');
    } else if (prev !== undefined && /^[ \t]/.test(line)) {
      out[last] = prev + line.slice(1);
    } else {
      out.push(line);
    }
  }
  return out;
}

function isQuotedPrintable(line: string): boolean {
  const colon = nameEnd(line);
  return colon > 0 && /quoted-printable/i.test(line.slice(0, colon));
}

/** Index of the ':' that ends the name and parameters (a ':' inside a quoted parameter does not). */
function nameEnd(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) return i;
  }
  return -1;
}

function splitParams(head: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of head) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function decodeQuotedPrintable(s: string, charset = 'utf-8'): string {
  const bytes: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const hex = s.slice(i + 1, i + 3);
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (ch === '=') {
      continue; // a stray soft break
    } else {
      bytes.push(...enc.encode(ch));
    }
  }
  try {
    return new TextDecoder(charset).decode(new Uint8Array(bytes));
  } catch {
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  }
}

function parseLine(line: string): Property | undefined {
  const colon = nameEnd(line);
  if (colon <= 0) return undefined;
  const [rawName = '', ...rawParams] = splitParams(line.slice(0, colon));
  const name = rawName.replace(/^.*\./, '').trim().toUpperCase(); // drop "item1." groups
  const params = new Map<string, string[]>();
  const types: string[] = [];
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    const key = (eq < 0 ? 'TYPE' : p.slice(0, eq)).trim().toUpperCase();
    const raw = eq < 0 ? p : p.slice(eq + 1);
    const values = raw
      .split(',')
      .map((v) => v.trim().replace(/^"|"$/g, ''))
      .filter(Boolean);
    // 2.1 writes encodings and charsets bare, too ("TEL;QUOTED-PRINTABLE:").
    if (key === 'TYPE' && values.length === 1 && /^quoted-printable$/i.test(values[0]!)) {
      params.set('ENCODING', values);
      continue;
    }
    params.set(key, [...(params.get(key) ?? []), ...values]);
    if (key === 'TYPE') types.push(...values.map((v) => v.toLowerCase()));
  }
  let value = line.slice(colon + 1);
  if (params.get('ENCODING')?.some((e) => /^quoted-printable$/i.test(e))) {
    value = decodeQuotedPrintable(value, params.get('CHARSET')?.[0]);
  }
  return { name, params, types, value };
}

/** Splits on ';' not escaped with a backslash (N and ORG are structured). */
function splitStructured(value: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && i + 1 < value.length) {
      cur += ch + value[i + 1];
      i++;
    } else if (ch === ';') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function unescapeText(s: string): string {
  return s.replace(/\\([nN,;:\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c)).trim();
}

const IGNORED_TYPES = new Set(['voice', 'pref', 'internet', 'x400', 'msg']);
const TYPE_LABELS: Record<string, string> = {
  cell: 'mobile',
  mobile: 'mobile',
  iphone: 'mobile',
  work: 'work',
  home: 'home',
  main: 'main',
  fax: 'fax',
  pager: 'pager',
  other: 'other',
};

function phoneLabel(types: string[]): string {
  const useful = types.filter((t) => !IGNORED_TYPES.has(t) && !/^pref$/.test(t));
  const words = [...new Set(useful.map((t) => TYPE_LABELS[t] ?? t.replace(/^x-/, '')))];
  return words.join(', ');
}

/** "tel:+84-912-345-678;ext=103" → "+84-912-345-678 ext 103" (vCard 4.0 writes numbers as URIs). */
function telValue(value: string): string {
  const v = value.trim();
  if (!/^tel:/i.test(v)) return unescapeText(v);
  const [num = '', ...rest] = v.slice(4).split(';');
  const ext = rest.find((p) => /^ext=/i.test(p))?.slice(4);
  return ext ? `${num} ext ${ext}` : num;
}

// With only N, which order to write it in: Vietnamese family names go first.
const VN_FAMILY = new Set(
  'nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh doan trinh truong lam mai cao ha luong quach ta ton thai chu kieu la'.split(' '),
);

function nameFromN(value: string): string {
  const [family = '', given = '', middle = ''] = splitStructured(value).map(unescapeText);
  const order = VN_FAMILY.has(foldText(family)) ? [family, middle, given] : [given, middle, family];
  return order.filter(Boolean).join(' ');
}

/** Every card of a .vcf file as an import candidate, in file order. */
export function parseVCards(text: string): ImportCandidate[] {
  const out: ImportCandidate[] = [];
  let card: ImportCandidate | undefined;
  let n = '';
  for (const line of unfold(text)) {
    const prop = parseLine(line);
    if (!prop) continue;
    if (prop.name === 'BEGIN' && /^vcard$/i.test(prop.value.trim())) {
      card = { row: out.length + 1, name: '', phones: [], company: '', email: '', note: '' };
      n = '';
      continue;
    }
    if (!card) continue;
    switch (prop.name) {
      case 'END':
        if (!card.name && n) card.name = nameFromN(n);
        out.push(card);
        card = undefined;
        break;
      case 'FN':
        card.name ||= unescapeText(prop.value);
        break;
      case 'N':
        n = prop.value;
        break;
      case 'TEL': {
        const number = telValue(prop.value);
        if (number) card.phones.push({ label: phoneLabel(prop.types), number });
        break;
      }
      case 'EMAIL':
        card.email ||= unescapeText(prop.value);
        break;
      case 'ORG':
        card.company ||= splitStructured(prop.value).map(unescapeText).filter(Boolean).join(', ');
        break;
      case 'NOTE':
        card.note = [card.note, unescapeText(prop.value)].filter(Boolean).join('\n');
        break;
      default:
    }
  }
  return out;
}
