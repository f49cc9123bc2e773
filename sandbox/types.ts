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
  hangupFromPhone(callId: string): void;
  stop(): Promise<void>;
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
  video: boolean;
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
