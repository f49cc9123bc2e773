// Public types of the sandbox. index.ts re-exports them; the extension's tests import them from there.

export interface SandboxOptions {
  /** 0 picks a free port. Default 0. */
  port?: number;
  /** Advertised to the SDK in the AUTHEN reply; the server pings at least this often. Default 45000. */
  pingAfterMs?: number;
  /** How long an unanswered call may ring before it ends with 480. Default 45. */
  ringTimeoutSec?: number;
}

export interface Sandbox {
  /** StringeeClient server address, e.g. ws://127.0.0.1:PORT/ws */
  wsUrl: string;
  /** e.g. http://127.0.0.1:PORT */
  httpUrl: string;
  issueToken(userId: string, ttlSec?: number): string;
  callLog(): CallLogEntry[];
  setClockOffset(sec: number): void;
  dropConnections(userId?: string): void;
  setPhoneBehaviour(number84: string, b: PhoneBehaviour): void;
  /**
   * Ends a PSTN call from the phone's side: after the answer the agent gets 30; an inbound call that
   * is still ringing is cancelled (30 to every ringing device).
   */
  hangupFromPhone(callId: string): void;
  /**
   * A phone calls a hotline that rings `toUserId` (a userId, or an agent's extension): every connected
   * device of that user gets an incoming PSTN call (33, then the phone's SDP offer). Returns the callId
   * (also when nobody is connected: the call is then logged as 'unreachable').
   * Throws if fromNumber84 is not 84xxxxxxxxx or opts.hotline is not one of the project's hotlines.
   */
  callFromPhone(fromNumber84: string, toUserId: string, opts?: CallFromPhoneOptions): string;
  stop(): Promise<void>;
}

export interface CallFromPhoneOptions {
  /** The project hotline the customer dialled (33 toNumber). Default: the first hotline. */
  hotline?: string;
  /** The phone hangs up this long after the agent answered. */
  hangupAfterSec?: number;
}

export type PhoneBehaviour =
  | { kind: 'answer'; afterSec: number; hangupAfterSec?: number }
  | { kind: 'busy'; afterSec?: number }
  | { kind: 'noAnswer' }
  | { kind: 'unreachable' };

export type CallResult =
  | 'answered'
  | 'busy'
  | 'noAnswer'
  | 'unreachable'
  | 'cancelled'
  | 'rejected'
  | 'refused';

export type EndedBy = 'caller' | 'callee' | 'timeout' | 'server';

export interface MediaCounters {
  packetsReceived: number;
  packetsSent: number;
}

export interface CallLogEntry {
  callId: string;
  from: string;
  to: string;
  type: 'external' | 'internal';
  /** 'inbound': a phone called a hotline and it rang an app user (from = phone, to = hotline). */
  direction: 'inbound' | 'outbound';
  video: boolean;
  /** The app user who placed the call; '' for inbound calls (the caller is a phone). */
  callerUserId: string;
  calleeUserId?: string;
  custom: string;
  startedAt: number;
  answeredAt?: number;
  endedAt?: number;
  durationSec?: number;
  result?: CallResult;
  endedBy?: EndedBy;
  dtmf: string;
  holds: boolean[];
  /** Counters of the simulated phone's media endpoint, updated while the call runs. */
  media?: MediaCounters;
}
