import { parsePhone } from '../phone/parse';

/** mm:ss, or h:mm:ss for long calls. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h ? 2 : 1, '0');
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** A Stringee number (84…) as people read it; anything else (user ids, extensions) as is. */
export function displayNumber(stringeeNumber: string): string {
  if (!/^\d{8,15}$/.test(stringeeNumber)) return stringeeNumber;
  return parsePhone(`+${stringeeNumber}`)?.display ?? stringeeNumber;
}

/** How a hotline is named in pickers and menus: "0966 000 111 · Viettel", "0966 000 111 · Sales (Viettel)". */
export function hotlineLabel(h: { number: string; carrier?: string | undefined; telco: string; label?: string | undefined }): string {
  const network = h.carrier ?? h.telco;
  const name = h.label ? (network ? `${h.label} (${network})` : h.label) : network;
  return name ? `${displayNumber(h.number)} · ${name}` : displayNumber(h.number);
}

/** A date and time in the UI language ("07/12/2026, 14:05" in both; Vietnamese order in vi). */
export function formatDateTime(ms: number, lang: 'vi' | 'en'): string {
  return new Date(ms).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
}
