/**
 * Vietnamese mobile prefixes → the carrier that was allocated the range.
 *
 * Source: the project's numbering notes (mobile prefixes after the 2018 11→10 digit
 * conversion, cross-checked with libphonenumber 9.0.33 carrier data), compiled 2026-11-24.
 * Numbers can be ported between carriers (≈3% overall, far more in Vietnamobile ranges), so
 * this is a good first guess that a per-number override can correct, never a fact.
 */
export type Carrier =
  | 'Viettel'
  | 'Vinaphone'
  | 'Mobifone'
  | 'Vietnamobile'
  | 'Gmobile'
  | 'iTel'
  | 'Reddi';

export const CARRIERS: readonly Carrier[] = [
  'Viettel',
  'Vinaphone',
  'Mobifone',
  'Vietnamobile',
  'Gmobile',
  'iTel',
  'Reddi',
];

/** National prefixes without the trunk 0, e.g. "96" for 096. */
const PREFIXES: Record<Carrier, readonly string[]> = {
  Viettel: ['32', '33', '34', '35', '36', '37', '38', '39', '86', '96', '97', '98'],
  Vinaphone: ['81', '82', '83', '84', '85', '88', '91', '94'],
  Mobifone: ['70', '76', '77', '78', '79', '89', '90', '93'],
  Vietnamobile: ['52', '56', '58', '92'],
  Gmobile: ['59', '99'],
  // iTel runs on VinaPhone's network but is its own operator; agents see it as iTel.
  iTel: ['87'],
  Reddi: ['55'],
};

const BY_PREFIX = new Map<string, Carrier>(
  Object.entries(PREFIXES).flatMap(([carrier, list]) =>
    list.map((p) => [p, carrier as Carrier] as const),
  ),
);

/** Carrier of a Vietnamese mobile given its national significant number (9 digits, no 0). */
export function carrierOfNationalNumber(nsn: string): Carrier | undefined {
  if (!/^\d{9}$/.test(nsn)) return undefined;
  return BY_PREFIX.get(nsn.slice(0, 2));
}

/**
 * Carrier named in free text, e.g. Stringee's number list `telco_name`
 * ("Viettel (mobile number)", "VNPT", "Vina", "Gtel").
 */
export function carrierFromName(name: string): Carrier | undefined {
  const n = name.toLowerCase();
  if (n.includes('viettel')) return 'Viettel';
  if (n.includes('vina') || n.includes('vnpt')) return 'Vinaphone';
  if (n.includes('mobi') && !n.includes('vietnamobile')) return 'Mobifone';
  if (n.includes('vietnamobile')) return 'Vietnamobile';
  if (n.includes('gmobile') || n.includes('g-mobile') || n.includes('gtel')) return 'Gmobile';
  if (n.includes('itel') || n.includes('indochina')) return 'iTel';
  if (n.includes('reddi') || n.includes('mobicast')) return 'Reddi';
  return undefined;
}
