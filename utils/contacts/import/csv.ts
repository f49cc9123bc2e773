import Papa from 'papaparse';
import { foldText } from '../text';
import type { ImportCandidate } from './types';

export type CsvField = 'name' | 'given' | 'family' | 'middle' | 'phone' | 'phoneLabel' | 'company' | 'email' | 'note' | 'ignore';

export interface HeaderInfo {
  field: CsvField;
  /** Google's "Phone 2 - Value" / "Phone 2 - Label" pair share group "2". */
  group?: string;
  /** The phone label a header implies ("Mobile", "Di động"); empty for a plain "Phone". */
  label?: string;
  /** "Họ"/"Tên" columns: Vietnamese order, family name first. */
  vietnamese?: boolean;
}

const GENERIC_PHONE = /^(phone|phone number|phones?|telephone|tel|so dien thoai|dien thoai|sdt|so dt|dt|phone \d+ value)$/;

/** What a column holds, from its header in Vietnamese or English (Google, Outlook, hand-made). */
export function classifyHeader(header: string): HeaderInfo {
  const h = foldText(header).replace(/[_\-:.()/#*]+/g, ' ').replace(/\s+/g, ' ').trim();
  const group = /\b(\d+)\b/.exec(h)?.[1];
  if (!h) return { field: 'ignore' };
  if (/\b(phonetic|yomi|prefix|suffix|nickname)\b/.test(h)) return { field: 'ignore' };
  if (/\b(phone|dien thoai|tel)\b.*\b(type|label|loai|nhan)\b/.test(h)) return { field: 'phoneLabel', group };
  if (/\bfax\b/.test(h)) return { field: 'ignore' };
  if (/\b(phones?|mobile|cell|cellphone|tel|telephone|sdt|so dt|dtdd|dien thoai|di dong|so may|hotline|zalo)\b/.test(h)) {
    return { field: 'phone', group, label: GENERIC_PHONE.test(h) ? '' : header.trim() };
  }
  if (/\b(e ?mail|thu dien tu)\b/.test(h)) return /\b(type|label)\b/.test(h) ? { field: 'ignore' } : { field: 'email' };
  if (/\b(title|department|phong ban|chuc vu|job|yomi)\b/.test(h)) return { field: 'ignore' };
  if (/\b(company|organi[sz]ation|cong ty|to chuc|don vi|doanh nghiep)\b/.test(h)) return { field: 'company' };
  if (/\b(notes?|ghi chu|mo ta|description)\b/.test(h)) return { field: 'note' };
  if (/^(ho|ho dem)$/.test(h)) return { field: 'family', vietnamese: true };
  if (/^(last name|family name|surname)$/.test(h)) return { field: 'family' };
  if (/^(ten dem|ten lot)$/.test(h)) return { field: 'middle', vietnamese: true };
  if (/^(middle name|additional name)$/.test(h)) return { field: 'middle' };
  if (h === 'ten') return { field: 'given', vietnamese: true };
  if (/^(first name|given name)$/.test(h)) return { field: 'given' };
  if (/\b(ho ten|ho va ten|name|ten day du|ten lien he|lien he|contact|khach hang|customer|nguoi lien he)\b/.test(h)) {
    return { field: 'name' };
  }
  return { field: 'ignore' };
}

/** Several numbers written in one cell: "0912 345 678 / 0987 654 321", Google's " ::: ". */
export function splitNumbers(cell: string): string[] {
  return cell
    .split(/\s*(?::::|[;,/|\n]|\s+(?:hoặc|or)\s+)\s*/i)
    .map((s) => s.trim())
    .filter(Boolean);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_LIKE = /^[\d\s().+\-]{6,}$/;

function emptyCandidate(row: number): ImportCandidate {
  return { row, name: '', phones: [], company: '', email: '', note: '' };
}

function fromHeaders(headers: HeaderInfo[], cells: string[], row: number): ImportCandidate {
  const c = emptyCandidate(row);
  const parts: Record<'given' | 'family' | 'middle', string> = { given: '', family: '', middle: '' };
  const labels = new Map<string, string>();
  headers.forEach((info, i) => {
    if (info.field === 'phoneLabel' && info.group) labels.set(info.group, (cells[i] ?? '').replace(/^\*\s*/, '').trim());
  });
  const vietnamese = headers.some((h) => h.vietnamese);
  headers.forEach((info, i) => {
    const v = (cells[i] ?? '').trim();
    if (!v) return;
    switch (info.field) {
      case 'name':
        c.name ||= v;
        break;
      case 'given':
      case 'family':
      case 'middle':
        parts[info.field] ||= v;
        break;
      case 'phone': {
        const label = (info.group && labels.get(info.group)) || info.label || '';
        for (const number of splitNumbers(v)) c.phones.push({ label, number });
        break;
      }
      case 'company':
        c.company ||= v;
        break;
      case 'email':
        c.email ||= v.split(/\s*(?::::|[;,])\s*/)[0] ?? '';
        break;
      case 'note':
        c.note = c.note ? `${c.note}\n${v}` : v;
        break;
      default:
    }
  });
  if (!c.name) {
    const order = vietnamese ? [parts.family, parts.middle, parts.given] : [parts.given, parts.middle, parts.family];
    c.name = order.filter(Boolean).join(' ');
  }
  return c;
}

/** A file without a header row: numbers, an e-mail and the first other text as the name. */
function guessed(cells: string[], row: number): ImportCandidate {
  const c = emptyCandidate(row);
  for (const raw of cells) {
    const v = raw.trim();
    if (!v) continue;
    if (EMAIL.test(v)) c.email ||= v;
    else if (splitNumbers(v).every((n) => PHONE_LIKE.test(n))) {
      for (const number of splitNumbers(v)) c.phones.push({ label: '', number });
    } else if (!c.name) c.name = v;
    else if (!c.company) c.company = v;
  }
  return c;
}

/** The separator used most on the first line (outside quotes): Excel writes ';' where ',' is the decimal mark. */
export function guessDelimiter(text: string): string {
  const line = (/^[^\r\n]*/.exec(text)?.[0] ?? '').replace(/"[^"]*"/g, '');
  let best = ',';
  let most = 0;
  for (const d of [',', ';', '\t', '|']) {
    const n = line.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

/** Rows of a CSV file (`,` `;` or tab separated, with or without a header row) as candidates. */
export function parseContactsCsv(text: string): ImportCandidate[] {
  const body = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: false, delimiter: guessDelimiter(body) });
  const rows = parsed.data;
  const first = rows[0] ?? [];
  const headers = first.map(classifyHeader);
  const hasHeader = headers.some((h) => ['name', 'given', 'family', 'phone'].includes(h.field));
  const out: ImportCandidate[] = [];
  rows.forEach((cells, i) => {
    if (hasHeader && i === 0) return;
    if (cells.every((v) => !v.trim())) return;
    out.push(hasHeader ? fromHeaders(headers, cells, i + 1) : guessed(cells, i + 1));
  });
  return out;
}
