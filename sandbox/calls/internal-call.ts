// App-to-app StringeeCall: forks to every device of the callee and relays SDP/candidates between
// browsers, tagging each relayed frame with the sender's deviceId (the SDK keys remote SDPs by it).
import { loopbackCandidate, stripNonLoopbackCandidates } from '../ice.js';
import { SIP, Service, str, type Body } from '../protocol.js';
import type { Device } from '../sessions.js';
import type { CallContext, Reply } from './base-call.js';
import { ForkedCall } from './forked-call.js';
import type { CallLogEntry } from '../types.js';

export class InternalCall extends ForkedCall {

  constructor(
    ctx: CallContext,
    entry: CallLogEntry,
    private readonly caller: Device,
    private readonly calleeUserId: string,
  ) {
    super(ctx, entry, caller.deviceId);
  }

  start(reply: Reply): void {
    const e = this.entry;
    reply({
      r: 0,
      message: 'SUCCESS',
      callId: this.id,
      toType: 'internal',
      peerToPeerCall: true,
      customDataFromYourServer: e.custom,
      iceServers: [],
    });
    const targets = this.ctx.registry.online(this.calleeUserId).filter((d) => d.deviceId !== this.caller.deviceId);
    this.stateToCaller(SIP.trying);
    if (targets.length === 0) {
      this.whenCallerReady(() => {
        this.stateToCaller(SIP.temporarilyUnavailable);
        this.finish('unreachable', 'server');
      });
      return;
    }
    this.ring(targets, { video: e.video, fromInternal: true });
    this.stateToCaller(SIP.ringing);
    this.startRingTimer();
  }

  involves(deviceId: string): boolean {
    return deviceId === this.callerDeviceId || this.told.has(deviceId);
  }

  onSdpCandidate(from: Device, body: Body): void {
    let targets: string[];
    if (from.deviceId === this.callerDeviceId) {
      this.markCallerReady();
      targets = this.holders();
    } else if (this.ringing.has(from.deviceId) || from.deviceId === this.answeredBy) {
      targets = [this.callerDeviceId];
    } else {
      return; // a device that declined, or lost the race to answer
    }
    const relayed = relayBody(body);
    if (!relayed) return;
    for (const t of targets) {
      this.ctx.registry.push(t, Service.CALL_SDP_CANDIDATE_FROM_SERVER, { callId: this.id, ...relayed, deviceId: from.deviceId });
    }
  }

  onState(from: Device, code: number, reply: Reply): void {
    const id = from.deviceId;
    if (id === this.callerDeviceId || !this.told.has(id)) {
      reply({ r: 0 });
      return;
    }
    if (code === 180) {
      reply({ r: 0 });
      if (!this.answeredBy) this.stateToCaller(SIP.ringing, id);
    } else if (code === 200) {
      if (this.acceptAnswer(id, reply)) this.answer(id, from.userId);
    } else if (code === 486 || code === 603) {
      reply({ r: 0 });
      this.ringing.delete(id);
      if (!this.answeredBy && this.ringing.size === 0) {
        this.stateToCaller(code === 486 ? SIP.busyHere : SIP.decline, id);
        this.finish('rejected', 'callee');
      }
    } else {
      reply({ r: 0 });
    }
  }

  onStop(from: Device): void {
    const id = from.deviceId;
    if (id === this.callerDeviceId) {
      this.markCallerReady();
      if (this.answeredBy) this.push30([this.answeredBy]);
      else this.push30([...this.ringing]);
      this.otherDevicesEnd();
      this.finish(this.answeredBy ? 'answered' : 'cancelled', 'caller');
    } else if (id === this.answeredBy) {
      this.toCaller(Service.CALL_STOP_FROM_SERVER, {});
      this.otherDevicesEnd();
      this.finish('answered', 'callee');
    } else if (this.ringing.delete(id) && !this.answeredBy && this.ringing.size === 0) {
      // A ringing device hung up instead of rejecting; the caller sees a plain remote hang-up.
      this.toCaller(Service.CALL_STOP_FROM_SERVER, {});
      this.finish('rejected', 'callee');
    }
  }

  onInfo(from: Device, info: unknown): void {
    const targets = from.deviceId === this.callerDeviceId ? this.holders() : [this.callerDeviceId];
    for (const t of targets) this.ctx.registry.push(t, Service.CALL_INFO_FROM_SERVER, { callId: this.id, info });
  }

  protected endByServer(lostDeviceId?: string): void {
    if (lostDeviceId !== undefined && lostDeviceId !== this.callerDeviceId && lostDeviceId !== this.answeredBy) {
      // Only one ringing device vanished; the call goes on while others still ring.
      this.ringing.delete(lostDeviceId);
      if (this.answeredBy || this.ringing.size > 0) return;
      this.stateToCaller(SIP.temporarilyUnavailable);
      this.finish('unreachable', 'server');
      return;
    }
    this.toCaller(Service.CALL_STOP_FROM_SERVER, {});
    this.push30(this.holders());
    this.otherDevicesEnd();
    this.finish(this.answeredBy ? 'answered' : 'cancelled', 'server');
  }

  private answer(deviceId: string, userId: string): void {
    // The callee's other devices stop ringing; their call objects stay until the end (38 CALL_END).
    this.answeredOn(deviceId);
    this.entry.calleeUserId = userId;
    this.stateToCaller(SIP.ok, deviceId);
  }

  protected ringTimeout(): void {
    this.stateToCaller(SIP.temporarilyUnavailable);
  }

  /** Devices of the callee that lost the answer race learn that the call is over. */
  private otherDevicesEnd(): void {
    if (!this.answeredBy) return;
    for (const d of this.told) {
      if (d === this.answeredBy) continue;
      this.ctx.registry.push(d, Service.MSG_FROM_OTHER_DEVICE, { type: 'CALL_END', data: { callId: this.id } });
    }
  }
}

/** The part of a 27 body that is relayed as 29, with non-loopback candidates removed; null drops it. */
export function relayBody(body: Body): Body | null {
  const data = body.data;
  if (body.type === 'sdp') {
    if (typeof data !== 'object' || data === null) return null;
    const d = data as Body;
    const type = str(d.type);
    if ((type !== 'offer' && type !== 'answer') || typeof d.sdp !== 'string') return null;
    return { type: 'sdp', data: { type, sdp: stripNonLoopbackCandidates(d.sdp) } };
  }
  if (body.type === 'candidate') {
    const c = loopbackCandidate(data);
    return c ? { type: 'candidate', data: c } : null;
  }
  return null;
}
