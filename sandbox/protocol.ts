// Wire format of the Stringee SDK socket: one JSON text frame {service, body} per message.

export const Service = {
  PING: 1,
  AUTHEN: 2,
  CALL_START: 26,
  CALL_SDP_CANDIDATE: 27,
  CALL_STOP: 28,
  CALL_SDP_CANDIDATE_FROM_SERVER: 29,
  CALL_STOP_FROM_SERVER: 30,
  CALL_STATE: 31,
  CALL_STATE_FROM_SERVER: 32,
  CALL_START_FROM_SERVER: 33,
  CALL_DTMF: 34,
  CALL_INFO: 36,
  CALL_INFO_FROM_SERVER: 37,
  MSG_FROM_OTHER_DEVICE: 38,
  CUSTOM_MESSAGE: 54,
  CUSTOM_MESSAGE_FROM_SERVER: 55,
  HOLD: 100,
  TRANSFER: 101,
  CHANGE_ATTRIBUTE: 103,
  OTHER_DEVICE_AUTHEN: 104,
  CHECK_EXIST_CALL: 205,
} as const;

export type Body = Record<string, unknown>;

export interface Frame {
  service: number;
  body: Body;
}

function isObject(v: unknown): v is Body {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Returns null for anything that is not a well-formed frame; such frames are ignored, never fatal. */
export function parseFrame(raw: string): Frame | null {
  let msg: unknown;
  try {
    msg = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObject(msg)) return null;
  const { service, body } = msg;
  if (typeof service !== 'number' || !Number.isInteger(service) || service <= 0) return null;
  return { service, body: isObject(body) ? body : {} };
}

export function encodeFrame(service: number, body: Body): string {
  return JSON.stringify({ service, body });
}

/** requestId as the SDK sent it (a number), or undefined when absent. */
export function requestIdOf(body: Body): number | string | undefined {
  const id = body.requestId;
  return typeof id === 'number' || typeof id === 'string' ? id : undefined;
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export interface CallStateReason {
  code: number;
  reason: string;
}

/** SIP-like codes pushed in 32, with the reason phrases the sandbox uses. */
export const SIP = {
  trying: { code: 100, reason: 'Trying' },
  ringing: { code: 180, reason: 'Ringing' },
  sessionProgress: { code: 183, reason: 'Session Progress' },
  ok: { code: 200, reason: 'OK' },
  notFound: { code: 404, reason: 'Not Found' },
  temporarilyUnavailable: { code: 480, reason: 'Temporarily Unavailable' },
  busyHere: { code: 486, reason: 'Busy Here' },
  decline: { code: 603, reason: 'Decline' },
  serviceUnavailable: { code: 503, reason: 'Service Unavailable' },
} as const satisfies Record<string, CallStateReason>;
