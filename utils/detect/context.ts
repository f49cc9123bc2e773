/**
 * What the words around a digit run say about it. A label right before a number decides what
 * it is ("MST 0101234567" is a tax code, "ĐT: 0901234567" a phone); a unit right after it makes
 * it an amount ("854.000.000đ"). Rules are about kinds of words, never about particular numbers.
 */

// Labels that introduce something other than a phone number: tax and business registration
// codes, bank accounts, identity documents, orders, invoices, shipments, products, versions,
// amounts.
const NOT_PHONE = [
  'mst', 'mã số thuế', 'ma so thue', 'mã số doanh nghiệp', 'mã doanh nghiệp', 'tax code', 'tax id', 'tax',
  'vat', 'đkkd', 'gpkd', 'giấy phép', 'giấy chứng nhận',
  'stk', 'số tk', 'tk', 'số tài khoản', 'tài khoản', 'account number', 'account no', 'account', 'acct', 'a/c',
  'iban', 'swift', 'ngân hàng', 'bank',
  'cccd', 'cmnd', 'cmt', 'căn cước', 'chứng minh', 'passport', 'hộ chiếu', 'định danh', 'national id',
  'id', 'mã', 'ma', 'code', 'order', 'đơn hàng', 'mã đơn', 'invoice', 'hóa đơn', 'hoá đơn', 'receipt', 'bill',
  'tracking', 'vận đơn', 'mã vận đơn', 'awb', 'sku', 'serial', 's/n', 'imei', 'isbn', 'issn', 'ref', 'reference',
  'giao dịch', 'transaction', 'ticket', 'case', 'po', 'số hiệu', 'quyết định', 'công văn', 'văn bản',
  'ip', 'version', 'phiên bản', 'ver', 'build', 'model', 'part', 'lot', 'batch', 'hợp đồng', 'contract',
  'số seri', 'seri', 'số báo danh', 'mssv', 'msnv', 'mã nhân viên', 'employee',
  // Amounts: "Số tiền: 84.912.345.678" is money even without a currency after it.
  'số tiền', 'thành tiền', 'tổng tiền', 'tổng cộng', 'doanh thu', 'số dư', 'giá bán', 'price', 'total',
  'amount', 'balance', 'revenue',
];

// Labels that introduce a phone number; they win when they are nearer than a negative one.
const PHONE = [
  'điện thoại', 'dien thoai', 'đt', 'đthoại', 'sđt', 'sdt', 'dđ', 'dd', 'di động', 'didong', 'hotline',
  'tổng đài', 'cskh', 'liên hệ', 'lien he', 'lh', 'zalo', 'viber', 'whatsapp', 'telegram', 'tel', 'telephone',
  'phone', 'mobile', 'mob', 'cell', 'fax', 'gọi', 'goi', 'call', 'nhắn tin', 'sms', 'contact', 'số điện thoại',
  'số máy', 'đường dây nóng', 'thuê bao', 'số liên hệ', 'phone number', 'tel no',
];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alternation = (words: string[]): string =>
  [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

// Longest alternatives first, so "số điện thoại" wins over "số" and "mã số thuế" over "mã".
// Built on first use: the content script loads on every page, and most hold no number.
let label: RegExp | undefined;
const labelPattern = (): RegExp =>
  (label ??= new RegExp(
    `(?<![\\p{L}\\p{N}])(?:(?<phone>${alternation(PHONE)})|(?<other>${alternation(NOT_PHONE)}))(?![\\p{L}])`,
    'gu',
  ));

export type LabelVerdict = 'phone' | 'other' | 'none';

/**
 * The nearest label in the few words before a number. Text between the label and the number
 * may hold punctuation and short words ("ĐT cố định: "), but no other digits: a label names
 * the number that follows it, not the second one after it.
 */
export function labelBefore(before: string): LabelVerdict {
  const window = before.slice(-40).normalize('NFC').toLowerCase();
  let verdict: LabelVerdict = 'none';
  let lastEnd = -1;
  const pattern = labelPattern();
  pattern.lastIndex = 0;
  for (let m = pattern.exec(window); m; m = pattern.exec(window)) {
    verdict = m.groups?.phone ? 'phone' : 'other';
    lastEnd = m.index + m[0].length;
  }
  if (verdict === 'none') return 'none';
  const between = window.slice(lastEnd);
  if (/\d/.test(between) || between.length > 24) return 'none';
  // "mã xác nhận đến số …": a non-phone label several words back names something else.
  if (verdict === 'other' && between.trim().split(/\s+/).length > 2) return 'none';
  return verdict;
}

/**
 * What a heading says its values are: a table column's header ("Điện thoại", "Mã số thuế") or
 * a form field's label. A phone word anywhere wins over a non-phone one ("Mã KH / SĐT").
 */
export function labelOf(heading: string): LabelVerdict {
  const text = heading.slice(0, 80).normalize('NFC').toLowerCase();
  let verdict: LabelVerdict = 'none';
  const pattern = labelPattern();
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.groups?.phone) return 'phone';
    verdict = 'other';
  }
  return verdict;
}

/**
 * For text laid out as a table ("a | b | c" or tab-separated lines), the header cell above
 * the offset, taken from the first line; undefined outside tables or on the header line itself.
 */
export function columnHeader(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const line = text.slice(lineStart, offset);
  const delim = line.includes('|') ? '|' : line.includes('\t') ? '\t' : undefined;
  if (!delim || lineStart === 0) return undefined;
  const column = line.split(delim).length - 1;
  const firstEnd = text.indexOf('\n');
  const header = text.slice(0, firstEnd).split(delim);
  return header.length > column ? header[column] : undefined;
}

// Units and currencies that turn digits into an amount or a measure.
const UNIT_AFTER = /^\s?(?:đ|₫|vnđ|vnd|đồng|dong|usd|eur|\$|€|%|k|tr|triệu|trieu|tỷ|ty|nghìn|ngàn|cổ phiếu|cp|lượt|người|km|kg|m2|m²|cm|mm|gb|mb|ha)(?![\p{L}])/iu;

/** The text right after a number names a unit or currency: an amount, not a phone. */
export function unitAfter(after: string): boolean {
  return UNIT_AFTER.test(after.slice(0, 16));
}

/** Characters that glue digits to an identifier when they touch the run's first character. */
export function gluedBefore(text: string, start: number): boolean {
  const c = text[start - 1];
  if (c === undefined) return false;
  if (/[\p{L}\p{N}#@$€£¥_\\&=~*]/u.test(c)) return true;
  // "SKU-0912…", "INV/0912…": a joiner after a letter; "1,0912…", "3.0912…" after a digit.
  // A slash after a digit stays a list ("0912345678/0987654321"), and so does a comma after a
  // whole number or a word: "0912345678,0987654321" and CSV rows ("Lan,0912345678,…").
  const prev = text[start - 2] ?? '';
  if (JOINER.test(c) && /\p{L}/u.test(prev)) return true;
  if (c === ',' && /\d/.test(prev)) return digitsBefore(text, start - 1) < MIN_NUMBER_DIGITS;
  return /[.\u2010-\u2013\u2212-]/.test(c) && /\d/.test(prev);
}

// Characters that join an identifier's parts: dashes of every kind, slash and dot.
const JOINER = /[-/.\u2010-\u2013\u2212]/;
/** A number of its own before a comma has this many digits (1900 6868 has 8). */
const MIN_NUMBER_DIGITS = 8;

/** Digits of the number that ends at `end`, across the spaces, dots and dashes inside it. */
function digitsBefore(text: string, end: number): number {
  let n = 0;
  for (let i = end - 1; i >= 0 && end - i < 24; i--) {
    const ch = text[i]!;
    if (ch >= '0' && ch <= '9') n++;
    else if (!/[ .\-()\u00a0]/.test(ch)) break;
  }
  return n;
}

/** A letter or identifier character touching the number's end ("0912345678abc", "…678_x"). */
export function gluedAfter(text: string, end: number): boolean {
  const c = text[end];
  if (c === undefined) return false;
  if (/[\p{L}_@#$%€₫]/u.test(c)) return true;
  // "0101234567-001" or "…678.5": a joiner followed at once by a digit continues an identifier.
  return /[.\u2010-\u2013\u2212-]/.test(c) && /\d/.test(text[end + 1] ?? '');
}

/** "ext 103", "máy lẻ 12", "x5": an extension dialled after the call connects. */
const EXTENSION_AFTER = /^[ \t\u00a0]*[,;(]?\s*(?:ext\.?|extension|x|máy lẻ|số máy lẻ|ml|nhánh|line)\s*[:.]?\s*(\d{1,6})(?!\d)/iu;

export function extensionAfter(after: string): { digits: string; length: number } | undefined {
  const m = EXTENSION_AFTER.exec(after.slice(0, 32).normalize('NFC'));
  return m ? { digits: m[1]!, length: m[0].length } : undefined;
}
