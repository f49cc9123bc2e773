import type { Carrier } from '../phone/vn-carriers';

/**
 * Callee numbers the user knows were ported to another network: Adaptive number must pick the
 * hotline on the network the number is on now, not the one its prefix was allocated to.
 */
export interface PortedNumber {
  /** 84… (Stringee form). */
  number: string;
  carrier: Carrier;
}

/** The carrier Adaptive number uses for a callee: the user's override, else the prefix's. */
export function calleeCarrier(stringeeNumber: string | undefined, detected: Carrier | undefined, ported: readonly PortedNumber[]): Carrier | undefined {
  if (!stringeeNumber) return detected;
  return ported.find((p) => p.number === stringeeNumber)?.carrier ?? detected;
}

/** Adds or replaces one override; the newest first. */
export function setPorted(list: readonly PortedNumber[], entry: PortedNumber): PortedNumber[] {
  return [entry, ...list.filter((p) => p.number !== entry.number)];
}
