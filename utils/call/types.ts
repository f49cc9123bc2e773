import type { Carrier } from '../phone/vn-carriers';

/** The seed's three modes: Call out to phones, Free voice / Free video to Stringee users. */
export type CallMode = 'callout' | 'voice' | 'video';
export const CALL_MODES: readonly CallMode[] = ['callout', 'voice', 'video'];

export interface Hotline {
  /** 84… as Stringee lists it. */
  number: string;
  carrier: Carrier | undefined;
  /** Carrier text as the number list gave it, e.g. "Viettel (mobile number)". */
  telco: string;
  /** The user's name for it, when given ("Sales"). */
  label?: string;
}

/** What the user picked in the hotline select: a hotline, or the Adaptive number. */
export type HotlineChoice = { kind: 'adaptive' } | { kind: 'hotline'; number: string };

/** 'incoming': someone is calling us and we have not answered yet. */
export type CallPhase = 'incoming' | 'starting' | 'calling' | 'ringing' | 'answered' | 'ended';

/** Why a call ended, in words the UI can translate. */
export type EndReason =
  | 'hangup' // we hung up
  | 'remoteHangup'
  | 'busy'
  | 'noAnswer'
  | 'unreachable'
  | 'refused' // the server refused to start it
  | 'micDenied'
  | 'notConnected'
  | 'failed'
  | 'declined' // we declined an incoming call
  | 'missed' // the caller gave up before we answered
  | 'answeredElsewhere'; // another device of ours took it

export interface CallView {
  id: string; // local id, known before Stringee's callId
  callId: string | undefined;
  direction: 'outgoing' | 'incoming';
  mode: CallMode;
  from: string;
  to: string;
  phase: CallPhase;
  startedAt: number;
  answeredAt: number | undefined;
  endedAt: number | undefined;
  endReason: EndReason | undefined;
  /** Server or SDK detail for the ended reason, shown under the translated text. */
  detail: string | undefined;
  mediaConnected: boolean;
  /** Answered, but no media path after a while: the SDK never reports ICE failure itself. */
  mediaStalled: boolean;
  muted: boolean;
  onHold: boolean;
  cameraOff: boolean;
  /** A video call that captured no camera (none plugged in, or not allowed): audio only from us. */
  noCamera: boolean;
  /** DTMF digits sent during the call, shown under the keypad. */
  dtmfSent: string;
}

export type ConnectionStatus = 'idle' | 'connecting' | 'ready' | 'reconnecting' | 'error';

export interface ConnectionView {
  status: ConnectionStatus;
  userId: string | undefined;
  /** For status 'error': a code the UI can translate. */
  error: 'auth' | 'tokenSource' | 'notConfigured' | 'timeout' | undefined;
  detail: string | undefined;
}

export interface HostSnapshot {
  connection: ConnectionView;
  call: CallView | null;
}

export const IDLE_SNAPSHOT: HostSnapshot = {
  connection: { status: 'idle', userId: undefined, error: undefined, detail: undefined },
  call: null,
};
