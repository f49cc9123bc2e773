// The sandbox's fake Stringee project: API key, agents, hotlines and the simulated phone network.
// Everything here is made up and only meaningful on 127.0.0.1.
import type { PhoneBehaviour } from './types.js';

export interface ApiKey {
  sid: string;
  secret: string;
}

/** The only API key of the sandbox project; tokens must be signed with its secret. */
export const API_KEY: ApiKey = {
  sid: 'SKsandboxC2CLocalDevKey0001',
  secret: 'sandbox-secret-not-for-production-7f3a9c1e',
};

export const PROJECT = { id: 4242, name: 'Click-to-call sandbox' } as const;

export interface SandboxUser {
  userId: string;
  displayName: string;
  /** Dialling this short number rings the user (internal call). */
  extension: string;
}

export const USERS: readonly SandboxUser[] = [
  { userId: 'agent1', displayName: 'Nguyễn Văn An', extension: '101' },
  { userId: 'agent2', displayName: 'Trần Thị Bình', extension: '102' },
  { userId: 'agent3', displayName: 'Lê Hoàng Cường', extension: '103' },
];

export type Carrier = 'Viettel' | 'Vinaphone' | 'Mobifone' | 'VNPT';

export interface Hotline {
  id: number;
  /** 84… without '+', as Stringee lists numbers. */
  number: string;
  carrier: Carrier;
  /** Stringee's telco_name field, e.g. "Viettel (mobile number)". */
  telcoName: string;
}

/** Numbers the project "owns": the only valid fromNumber values of outbound PSTN calls. */
export const HOTLINES: readonly Hotline[] = [
  { id: 9001, number: '84966000111', carrier: 'Viettel', telcoName: 'Viettel (mobile number)' },
  { id: 9002, number: '84916000222', carrier: 'Vinaphone', telcoName: 'Vinaphone (mobile number)' },
  { id: 9003, number: '84906000333', carrier: 'Mobifone', telcoName: 'Mobifone (mobile number)' },
  { id: 9004, number: '842873001234', carrier: 'Viettel', telcoName: 'Viettel (fixed line)' },
];

export interface DemoPhone {
  number: string;
  carrier: Carrier;
  /** What a person reading the demo legend should expect. */
  label: string;
  behaviour: PhoneBehaviour;
}

/** Well-known called numbers with a fixed behaviour; any other valid 84 number uses DEFAULT_PHONE_BEHAVIOUR. */
export const DEMO_PHONES: readonly DemoPhone[] = [
  { number: '84983000001', carrier: 'Viettel', label: 'answers after 2 s', behaviour: { kind: 'answer', afterSec: 2 } },
  {
    number: '84773000005',
    carrier: 'Mobifone',
    label: 'answers after 1 s, hangs up after 15 s',
    behaviour: { kind: 'answer', afterSec: 1, hangupAfterSec: 15 },
  },
  { number: '842838000006', carrier: 'VNPT', label: 'landline, answers after 4 s', behaviour: { kind: 'answer', afterSec: 4 } },
  { number: '84913000002', carrier: 'Vinaphone', label: 'busy (486)', behaviour: { kind: 'busy', afterSec: 1 } },
  { number: '84903000003', carrier: 'Mobifone', label: 'rings, never answers (480 at the ring timeout)', behaviour: { kind: 'noAnswer' } },
  { number: '84943000004', carrier: 'Vinaphone', label: 'unreachable (404, no ringing)', behaviour: { kind: 'unreachable' } },
];

export const DEFAULT_PHONE_BEHAVIOUR: PhoneBehaviour = { kind: 'answer', afterSec: 2 };

export const DEFAULTS = {
  port: 47100,
  pingAfterMs: 45_000,
  ringTimeoutSec: 45,
  tokenTtlSec: 3600,
  /** A party whose socket stays gone this long loses its calls. */
  reconnectGraceSec: 30,
  /** Terminal call states wait for the caller's offer (so the SDK has a PC to free), but no longer than this. */
  callerReadyMaxWaitMs: 5000,
  /** Unreachable numbers fail this long after the caller's offer. */
  unreachableDelayMs: 300,
} as const;

/** Outbound PSTN destinations: 84 followed by a 9 or 10 digit national number. */
export const PSTN_NUMBER = /^84\d{9,10}$/;

export function findUserByExtension(ext: string): SandboxUser | undefined {
  return USERS.find((u) => u.extension === ext);
}

export function findHotline(number: string): Hotline | undefined {
  return HOTLINES.find((h) => h.number === number);
}
