import { displayNumber } from '../call/format';
import { contactsText } from '../i18n/contacts-recents';
import type { RecentCall } from './types';

/** RFC 4180 field: quoted when it holds a comma, quote or line break. Formula-looking text is
 *  prefixed with an apostrophe so Excel shows it instead of evaluating it ("+84 …", "=cmd…"). */
export function csvField(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local time as "2025-03-04 09:05:07": sorts as text, and Excel reads it as a date. */
export function csvTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The call list as a CSV file's text: UTF-8 BOM (so Excel reads Vietnamese), CRLF line ends. */
export function recentsToCsv(list: readonly RecentCall[], lang: 'vi' | 'en'): string {
  const t = contactsText(lang);
  const header = [
    t('recents_csv_time'),
    t('recents_csv_direction'),
    t('recents_csv_number'),
    t('recents_csv_contact'),
    t('recents_csv_hotline'),
    t('recents_csv_mode'),
    t('recents_csv_duration'),
    t('recents_csv_result'),
  ];
  const rows = list.map((r) => [
    csvTime(r.startedAt),
    t(r.direction === 'incoming' ? 'recents_incoming' : 'recents_outgoing'),
    displayNumber(r.target),
    r.contactName ?? '',
    r.hotline ? displayNumber(r.hotline) : '',
    t(`recents_mode_${r.mode}`),
    r.durationSec,
    t(`recents_result_${r.result}`),
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function recentsCsvName(now = Date.now()): string {
  return `calls-${csvTime(now).slice(0, 10)}.csv`;
}
