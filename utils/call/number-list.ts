import { parsePhone } from '../phone/parse';
import { carrierFromName } from '../phone/vn-carriers';
import type { Hotline } from './types';

/**
 * Reads a Stringee REST number list ({r:0, data:{numbers:[{phone_number, telco_name, …}]}}) into
 * hotlines. Rows without a usable number, or not enabled for voice, are skipped.
 */
export function hotlinesFromNumberList(body: unknown): Hotline[] {
  const numbers = (body as { r?: unknown; data?: { numbers?: unknown } } | null)?.data?.numbers;
  if ((body as { r?: unknown } | null)?.r !== 0 || !Array.isArray(numbers)) {
    throw new Error('Not a Stringee number list');
  }
  const out: Hotline[] = [];
  for (const row of numbers as Array<Record<string, unknown>>) {
    const number = typeof row.phone_number === 'string' ? row.phone_number.replace(/\D/g, '') : '';
    if (!number || row.voice_enabled === 0) continue;
    const telco = typeof row.telco_name === 'string' ? row.telco_name : '';
    const carrier = carrierFromName(telco) ?? parsePhone(`+${number}`)?.carrier;
    if (!out.some((h) => h.number === number)) out.push({ number, carrier, telco });
  }
  return out;
}
