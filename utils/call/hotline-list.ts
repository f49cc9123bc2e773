import { parsePhone } from '../phone/parse';
import type { Carrier } from '../phone/vn-carriers';
import type { Hotline } from './types';

/**
 * The account's hotlines as the user manages them: fetched from a number list or entered by
 * hand, each with a label, a carrier (detected, editable: numbers get ported) and a switch.
 * Only switched-on hotlines are offered for calls.
 */
export interface HotlineEntry {
  /** 84… as Stringee lists it. */
  number: string;
  /** The user's name for it ("Sales", "CSKH miền Nam"); '' for none. */
  label: string;
  carrier: Carrier | undefined;
  /** Carrier text from the number list; '' for a hotline entered by hand. */
  telco: string;
  /** The user set the carrier: a refreshed list does not overwrite it. */
  carrierByUser: boolean;
  enabled: boolean;
  origin: 'list' | 'manual';
}

/** The hotlines calls may use, in the user's order. */
export function activeHotlines(entries: readonly HotlineEntry[]): Hotline[] {
  return entries
    .filter((e) => e.enabled)
    .map((e) => ({ number: e.number, carrier: e.carrier, telco: e.telco, ...(e.label ? { label: e.label } : {}) }));
}

/** A hotline from a number list as the user first has it: switched on, unlabelled. */
export function listedEntry(h: Hotline): HotlineEntry {
  return { number: h.number, label: '', carrier: h.carrier, telco: h.telco, carrierByUser: false, enabled: true, origin: 'list' };
}

/**
 * A fetched number list merged into what the user has: edits (label, carrier, switch) are
 * kept for numbers still listed, numbers gone from the list go, new ones come in switched on,
 * and hotlines entered by hand stay (one the list now has becomes a listed one, edits kept).
 */
export function mergeFetched(entries: readonly HotlineEntry[], fetched: readonly Hotline[]): HotlineEntry[] {
  const listed = new Map(fetched.map((h) => [h.number, h]));
  const out: HotlineEntry[] = [];
  for (const e of entries) {
    const h = listed.get(e.number);
    if (h) {
      out.push({ ...e, origin: 'list', telco: h.telco, carrier: e.carrierByUser ? e.carrier : h.carrier });
      listed.delete(e.number);
    } else if (e.origin === 'manual') {
      out.push(e);
    }
  }
  for (const h of listed.values()) out.push(listedEntry(h));
  return out;
}

export type ManualHotlineResult = { ok: true; entry: HotlineEntry } | { ok: false; error: 'invalidNumber' | 'notVietnamese' | 'duplicate' };

/** A hotline typed by the user ("028 7300 1234", "+84 966 000 111"), checked and normalised. */
export function manualHotline(input: string, label: string, entries: readonly HotlineEntry[]): ManualHotlineResult {
  const phone = parsePhone(input);
  if (!phone || phone.kind === 'other') return { ok: false, error: 'invalidNumber' };
  // Stringee hotlines are Vietnamese numbers; a foreign caller id would be refused.
  if (phone.country !== 'VN') return { ok: false, error: 'notVietnamese' };
  if (entries.some((e) => e.number === phone.stringee)) return { ok: false, error: 'duplicate' };
  return {
    ok: true,
    entry: { number: phone.stringee, label: label.trim(), carrier: phone.carrier, telco: '', carrierByUser: false, enabled: true, origin: 'manual' },
  };
}

/** The user's carrier for a hotline (undefined: unknown, as for most landlines). */
export function withCarrier(entry: HotlineEntry, carrier: Carrier | undefined): HotlineEntry {
  return { ...entry, carrier, carrierByUser: true };
}
