// Messages between the sandbox process and the media worker child process (Node IPC, JSON).
import type { IceCandidateInit } from '../ice.js';
import type { ToneMode } from './tones.js';

export type ToWorker =
  | { op: 'offer'; legId: string; sdp: string }
  | { op: 'candidate'; legId: string; candidate: IceCandidateInit }
  | { op: 'mode'; legId: string; mode: ToneMode }
  | { op: 'close'; legId: string }
  | { op: 'shutdown' };

export type FromWorker =
  | { op: 'ready' }
  | { op: 'answer'; legId: string; sdp: string }
  | { op: 'candidate'; legId: string; candidate: IceCandidateInit }
  | { op: 'stats'; legId: string; packetsReceived: number; packetsSent: number }
  | { op: 'ice'; legId: string; state: string }
  | { op: 'error'; legId: string; message: string }
  | { op: 'closed'; legId: string };
