import type { CallView, EndReason } from './types';

/** The SDK's signalingstate payload (server code/reason come through as sipCode/sipReason). */
export interface SignalingEvent {
  code: number;
  reason?: string;
  sipCode?: number;
  sipReason?: string;
}

function endReasonOf(e: SignalingEvent): EndReason {
  if (e.code === 5) return 'busy';
  const sip = e.sipCode ?? 0;
  if (sip === -1) return 'remoteHangup';
  if (sip === 486 || sip === 600 || sip === 603) return 'busy';
  if (sip === 480 || sip === 408 || sip === 487) return 'noAnswer';
  if (sip === 404 || sip === 484 || sip === 410 || sip === 503 || sip === 604) return 'unreachable';
  return 'failed';
}

/**
 * Applies one SDK signalingstate to the call. Pure: terminal states stay terminal, and states
 * never go backwards (a late "Ringing" after "Answered" is ignored).
 */
export function applySignaling(call: CallView, e: SignalingEvent, now: number): CallView {
  if (call.phase === 'ended') return call;
  switch (e.code) {
    case 1:
      return call.phase === 'starting' ? { ...call, phase: 'calling' } : call;
    case 2:
      return call.phase === 'starting' || call.phase === 'calling'
        ? { ...call, phase: 'ringing' }
        : call;
    case 3:
      return { ...call, phase: 'answered', answeredAt: call.answeredAt ?? now };
    case 5:
    case 6:
      return endCall(call, endReasonOf(e), now, e.sipReason ?? e.reason);
    default:
      return call;
  }
}

/** A call as it starts: the one place that lists every field's starting value. */
export function newCallView(
  fields: Pick<CallView, 'direction' | 'mode' | 'from' | 'to'> & Partial<CallView>,
): CallView {
  return {
    id: crypto.randomUUID(),
    callId: undefined,
    phase: fields.direction === 'incoming' ? 'incoming' : 'starting',
    startedAt: Date.now(),
    answeredAt: undefined,
    endedAt: undefined,
    endReason: undefined,
    detail: undefined,
    mediaConnected: false,
    mediaStalled: false,
    muted: false,
    onHold: false,
    cameraOff: false,
    noCamera: false,
    dtmfSent: '',
    ...fields,
  };
}

export function endCall(call: CallView, reason: EndReason, now: number, detail?: string): CallView {
  if (call.phase === 'ended') return call;
  return { ...call, phase: 'ended', endedAt: now, endReason: reason, detail };
}

export function isLive(call: CallView | null | undefined): boolean {
  return !!call && call.phase !== 'ended';
}
