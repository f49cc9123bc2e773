// Messages between the sandbox process and the media worker child process (Node IPC, JSON).
import type { IceCandidateInit } from '../ice.js';
import type { ToneMode } from './tones.js';

export type ToWorker =
  /** The SDK's offer (outbound call, or a re-offer such as hold): the worker answers it. */
  | { op: 'offer'; legId: string; sdp: string }
  /** Inbound call: the phone makes the first offer. */
  | { op: 'makeOffer'; legId: string }
  /** The SDK's answer to the phone's offer. */
  | { op: 'remoteAnswer'; legId: string; sdp: string }
  | { op: 'candidate'; legId: string; candidate: IceCandidateInit }
  | { op: 'mode'; legId: string; mode: ToneMode }
  | { op: 'close'; legId: string }
  | { op: 'shutdown' };

export type FromWorker =
  | { op: 'ready' }
  | { op: 'answer'; legId: string; sdp: string }
  /** The phone's own offer (inbound call), loopback candidates inline. */
  | { op: 'localOffer'; legId: string; sdp: string }
  | { op: 'candidate'; legId: string; candidate: IceCandidateInit }
  | { op: 'stats'; legId: string; packetsReceived: number; packetsSent: number }
  | { op: 'ice'; legId: string; state: string }
  | { op: 'error'; legId: string; message: string }
  | { op: 'closed'; legId: string };
