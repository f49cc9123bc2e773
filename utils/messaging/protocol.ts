import { CALL_MODES, type CallView, type HostSnapshot, type Hotline } from '../call/types';
import type { ModeRefusal } from '../call/mode-rules';
import {
  arrayOf,
  bool,
  object,
  oneOf,
  optional,
  str,
  trusted,
  type Check,
  ValidationError,
} from './validate';

/**
 * The one protocol between the extension's contexts. Every message names its receiver; each
 * receiver checks who sent it (see sender.ts) and then the payload with these validators.
 */
export type Receiver = 'background' | 'host' | 'ui' | 'content' | 'window';

/**
 * Who may send a message: any page of ours, only our call host (offscreen document), or our
 * content script in a web page (the least trusted: it shares a renderer with the page).
 */
export type SenderRule = 'extensionPage' | 'callHost' | 'contentScript';

export type StartCallError =
  | ModeRefusal
  | 'noAccount'
  | 'noHotlines'
  | 'unknownHotline'
  | 'callInProgress'
  | 'hostUnavailable'
  | 'notConnected';

export interface StartCallResult {
  ok: boolean;
  /** The call runs in its own window (Free video call). */
  inWindow?: boolean;
  error?: StartCallError;
  detail?: string;
  /** For Adaptive number: which hotline was used and why, to show before/while calling. */
  hotline?: { number: string; how: 'chosen' | 'adaptive' | 'fallback' };
}

export interface PageCardInfo {
  connected: boolean;
  hotlines: Hotline[];
  /** The default choice and what it resolves to for this number (Adaptive number shown). */
  choice: { kind: 'adaptive' } | { kind: 'hotline'; number: string };
  resolved?: { number: string; carrier?: string; how: 'chosen' | 'adaptive' | 'fallback' };
  callLive: boolean;
  language: 'vi' | 'en';
}

export interface ConnectConfig {
  serverAddrs: string[];
  token: string;
  userId: string;
}

export type ConnectConfigResult = { ok: true; config: ConnectConfig } | { ok: false; error: 'notConfigured' | 'tokenSource'; detail?: string };

const hotlineChoice = (v: unknown, path?: string) => {
  const kind = oneOf(['adaptive', 'hotline'] as const)((v as { kind?: unknown })?.kind, `${path}.kind`);
  return kind === 'adaptive'
    ? ({ kind } as const)
    : ({ kind, number: str(20)((v as { number?: unknown }).number, `${path}.number`) } as const);
};

export type ControlAction = 'mute' | 'unmute' | 'hold' | 'resume' | 'dtmf' | 'cameraOff' | 'cameraOn';
export interface MediaStats {
  packetsReceived: number;
  packetsSent: number;
  bytesReceived: number;
  videoFramesDecoded: number;
}
export interface ControlResult {
  ok: boolean;
  error?: 'noCall' | 'notAnswered' | 'refused';
}
export interface AudioDeviceList {
  inputs: { id: string; label: string }[];
  outputs: { id: string; label: string }[];
}
export interface AudioDeviceChoice {
  input?: string;
  output?: string;
}
const audioDevicesCheck = object({ input: optional(str(256)), output: optional(str(256)) });

/** What the call host is asked to place (also the video window's URL parameters). */
export const placeCallCheck = object({
  from: str(64),
  to: str(64),
  mode: oneOf(CALL_MODES),
  custom: str(2000),
  dtmfAfterConnect: optional(str(32)),
});

/** The call window's URL for a Free video call to us that the call host answered: which call. */
export const answeredCallCheck = object({ answered: str(64) });

const callControl = object({
  action: oneOf(['mute', 'unmute', 'hold', 'resume', 'dtmf', 'cameraOff', 'cameraOn'] as const),
  /** DTMF: 0-9 * # only. */
  digits: optional((v: unknown, path?: string) => {
    const d = str(32)(v, path);
    if (!/^[0-9*#]+$/.test(d)) throw new ValidationError(`${path}: DTMF digits`);
    return d;
  }),
});

/** Requests: payload check, response type, receiver and who may send them. */
export const REQUESTS = {
  // popup / options → background
  'call.start': {
    to: 'background',
    from: 'extensionPage',
    check: object({
      target: str(200),
      mode: oneOf(CALL_MODES),
      /** Absent: the remembered choice. */
      hotline: optional(hotlineChoice),
      premiumConfirmed: optional(bool),
    }),
    res: {} as StartCallResult,
  },
  'call.hangup': { to: 'background', from: 'extensionPage', check: object({}), res: {} as { ok: boolean } },
  'call.answer': { to: 'background', from: 'extensionPage', check: object({}), res: {} as { ok: boolean } },
  'call.decline': { to: 'background', from: 'extensionPage', check: object({}), res: {} as { ok: boolean } },
  'call.control': {
    to: 'background',
    from: 'extensionPage',
    check: callControl,
    res: {} as ControlResult,
  },
  'call.getState': { to: 'background', from: 'extensionPage', check: object({}), res: {} as HostSnapshot },
  'devices.list': { to: 'background', from: 'extensionPage', check: object({}), res: {} as AudioDeviceList & { chosen: AudioDeviceChoice } },
  'devices.choose': { to: 'background', from: 'extensionPage', check: audioDevicesCheck, res: {} as { ok: boolean } },
  'hotlines.get': {
    to: 'background',
    from: 'extensionPage',
    check: object({ refresh: optional(bool) }),
    res: {} as { hotlines: Hotline[]; error?: string },
  },
  // content script (page icons, hover card) → background
  /** A call from a number found on a page; sent only after a trusted click on our own UI. */
  'page.call': {
    to: 'background',
    from: 'contentScript',
    check: object({
      /** E.164 of the found number, or an internal target for Free calls. */
      target: str(64),
      mode: oneOf(CALL_MODES),
      hotline: optional(hotlineChoice),
      premiumConfirmed: optional(bool),
      /** Extension digits written with the number, dialled after connect. */
      extension: optional(str(8)),
    }),
    res: {} as StartCallResult,
  },
  /** What the hover card shows for a number: the hotline that would be used, and the choices. */
  'page.cardInfo': {
    to: 'background',
    from: 'contentScript',
    check: object({ target: str(64) }),
    res: {} as PageCardInfo,
  },
  // call host → background
  'host.needConfig': {
    to: 'background',
    from: 'callHost',
    check: object({ fresh: bool }),
    res: {} as ConnectConfigResult,
  },
  // background → call host
  'host.makeCall': {
    to: 'host',
    from: 'extensionPage',
    check: placeCallCheck,
    res: {} as { ok: boolean; error?: StartCallError; detail?: string },
  },
  'host.hangup': { to: 'host', from: 'extensionPage', check: object({}), res: {} as { ok: boolean } },
  'host.reconnect': { to: 'host', from: 'extensionPage', check: object({}), res: {} as { ok: boolean } },
  /** The answered call comes back: a Free video call then opens its window. */
  'host.answer': { to: 'host', from: 'extensionPage', check: object({}), res: {} as { ok: boolean; call?: CallView } },
  'host.decline': { to: 'host', from: 'extensionPage', check: object({}), res: {} as { ok: boolean } },
  'host.control': { to: 'host', from: 'extensionPage', check: callControl, res: {} as ControlResult },
  'host.listDevices': { to: 'host', from: 'extensionPage', check: object({}), res: {} as AudioDeviceList },
  'host.setDevices': { to: 'host', from: 'extensionPage', check: audioDevicesCheck, res: {} as { ok: boolean } },
  'host.getState': { to: 'host', from: 'extensionPage', check: object({}), res: {} as HostSnapshot },
  /** RTP counters of the live call: call quality, and proof in tests that audio flows. */
  'host.getMediaStats': {
    to: 'host',
    from: 'extensionPage',
    check: object({}),
    res: {} as MediaStats,
  },
  // → the video call window (a call host with a screen, for Free video calls)
  'window.getState': { to: 'window', from: 'extensionPage', check: object({}), res: {} as HostSnapshot },
  'window.getMediaStats': { to: 'window', from: 'extensionPage', check: object({}), res: {} as MediaStats },
  // popup → content script of the active tab (sent with tabs.sendMessage)
  // `all`: walk the whole page for the count (only the parts near the screen are walked
  // otherwise); `complete` says when that walk is done.
  'content.stats': {
    to: 'content',
    from: 'extensionPage',
    check: object({ all: optional(bool) }),
    res: {} as { found: number; complete: boolean; enabled: boolean },
  },
  // background → content scripts of the active tab (the call-selection shortcut)
  /** The text selected in a frame. Every frame gets it; with `focusedOnly`, only the frame
   * that has focus and a selection answers (the first answer is the one delivered). */
  'content.selection': {
    to: 'content',
    from: 'extensionPage',
    check: object({ focusedOnly: bool }),
    res: {} as SelectionAnswer,
  },
} as const satisfies Record<string, { to: Receiver; from: SenderRule; check: Check<unknown>; res: unknown }>;

/** Longest selection a content script hands over: far beyond any number, short enough to show. */
export const SELECTION_MAX = 200;
export interface SelectionAnswer {
  text: string;
}
/** A content script shares a renderer with the page: its answer is checked like a request. */
export const selectionAnswerCheck: Check<SelectionAnswer> = object({ text: str(SELECTION_MAX) });

/** Events: no response; delivered to every context that listens for them. */
export const EVENTS = {
  'host.state': { from: 'callHost', check: trusted<HostSnapshot>() },
  'host.callEnded': { from: 'callHost', check: trusted<CallView>() },
  'hotlines.changed': { from: 'extensionPage', check: object({ hotlines: arrayOf(trusted<Hotline>()) }) },
} as const satisfies Record<string, { from: SenderRule; check: Check<unknown> }>;

export type RequestType = keyof typeof REQUESTS;
export type EventType = keyof typeof EVENTS;
export type RequestPayload<T extends RequestType> = ReturnType<(typeof REQUESTS)[T]['check']>;
export type RequestResponse<T extends RequestType> = (typeof REQUESTS)[T]['res'];
export type EventPayload<T extends EventType> = ReturnType<(typeof EVENTS)[T]['check']>;

/** The wire envelope; `app` keeps foreign runtime messages (other code, old versions) out. */
export interface Envelope {
  app: 'stringee-c2c/1';
  kind: 'request' | 'event';
  type: string;
  payload: unknown;
}
export const APP_TAG = 'stringee-c2c/1' as const;
