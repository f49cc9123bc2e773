// Inbound call from the simulated phone network: a customer dials a project hotline and it rings an
// app user. The phone is a real WebRTC peer in the media worker that makes the first offer (§5.6).
// The SDK stores that offer and applies it only at answer(): 31/200 comes first, then its 27 answer.
import { loopbackCandidate, stripNonLoopbackCandidates } from '../ice.js';
import { Service, str, type Body } from '../protocol.js';
import type { Device } from '../sessions.js';
import type { CallLogEntry } from '../types.js';
import { BaseCall, type CallContext, type Reply } from './base-call.js';

export interface InboundOptions {
  /** The phone hangs up this long after the answer. */
  hangupAfterSec?: number;
}

export class InboundCall extends BaseCall {
  /** Devices that were sent the 33 (incoming call). */
  private readonly told = new Set<string>();
  /** Told devices that have neither answered nor declined. */
  private readonly ringing = new Set<string>();
  private answeredBy: string | undefined;
  private ringTimer: NodeJS.Timeout | undefined;
  private mediaOpen = false;

  constructor(
    ctx: CallContext,
    entry: CallLogEntry,
    private readonly calleeUserId: string,
    private readonly opts: InboundOptions = {},
  ) {
    // No caller device: the caller is the phone.
    super(ctx, entry, '');
  }

  start(): void {
    const e = this.entry;
    const targets = this.ctx.registry.online(this.calleeUserId);
    if (targets.length === 0) {
      this.finish('unreachable', 'server');
      return;
    }
    for (const d of targets) {
      this.told.add(d.deviceId);
      this.ringing.add(d.deviceId);
      this.ctx.registry.push(d.deviceId, Service.CALL_START_FROM_SERVER, {
        callId: this.id,
        fromNumber: e.from,
        toNumber: e.to,
        fromAlias: e.from,
        toAlias: e.to,
        video: false,
        fromInternal: false,
        customDataFromYourServer: '',
        iceServers: [],
      });
    }
    // The offer is made after the 33s went out, so its 29 can never overtake them.
    this.openMedia();
    this.ringTimer = this.later(this.ctx.ringTimeoutSec * 1000, () => this.ringTimeout());
  }

  involves(deviceId: string): boolean {
    return this.told.has(deviceId);
  }

  onSdpCandidate(from: Device, body: Body): void {
    // Only the answering device applies the offer; a device that lost the answer race may still send.
    if (from.deviceId !== this.answeredBy || !this.mediaOpen) return;
    if (body.type === 'sdp') {
      const data = (typeof body.data === 'object' && body.data !== null ? body.data : {}) as Body;
      if (typeof data.sdp !== 'string') return;
      const type = str(data.type);
      if (type === 'answer') this.ctx.gateway.remoteAnswer(this.id, stripNonLoopbackCandidates(data.sdp));
      // A re-offer after the answer (hold, unhold): the phone answers it like an outbound leg.
      else if (type === 'offer') this.ctx.gateway.offer(this.id, stripNonLoopbackCandidates(data.sdp));
    } else if (body.type === 'candidate') {
      const c = loopbackCandidate(body.data); // drops the SDK's fake public srflx/relay candidates
      if (c) this.ctx.gateway.candidate(this.id, c);
    }
  }

  onState(from: Device, code: number, reply: Reply): void {
    const id = from.deviceId;
    if (code === 200) {
      if (this.answeredBy === id) return reply({ r: 0 });
      if (this.answeredBy !== undefined || !this.ringing.has(id)) {
        reply({ r: 1, message: 'CALL_ANSWERED_ON_ANOTHER_DEVICE' });
        this.ctx.registry.push(id, Service.CALL_STOP_FROM_SERVER, { callId: this.id });
        return;
      }
      reply({ r: 0 });
      this.answer(id);
    } else if (code === 486 || code === 603) {
      reply({ r: 0 });
      this.declined(id);
    } else {
      reply({ r: 0 });
    }
  }

  onStop(from: Device): void {
    const id = from.deviceId;
    if (id === this.answeredBy) this.finish('answered', 'callee');
    else this.declined(id); // a ringing device hung up instead of rejecting
  }

  onInfo(): void {
    // Nobody on a phone line reads app info messages.
  }

  override onHold(hold: boolean): void {
    super.onHold(hold);
    if (this.answeredBy && this.mediaOpen) this.ctx.gateway.setMode(this.id, hold ? 'silence' : 'voice');
  }

  /** The customer hangs up: before the answer this cancels the call on every ringing device. */
  hangupFromPhone(): boolean {
    if (this.ended) return false;
    if (this.answeredBy) {
      this.push30([this.answeredBy]);
      this.finish('answered', 'caller');
    } else {
      this.push30([...this.ringing]);
      this.finish('cancelled', 'caller');
    }
    return true;
  }

  protected endByServer(lostDeviceId?: string): void {
    if (lostDeviceId !== undefined && lostDeviceId !== this.answeredBy) {
      // One ringing device vanished; the call goes on while others still ring.
      this.ringing.delete(lostDeviceId);
      if (this.answeredBy || this.ringing.size > 0) return;
      this.finish('unreachable', 'server');
      return;
    }
    this.push30(this.answeredBy ? [this.answeredBy] : [...this.ringing]);
    this.finish(this.answeredBy ? 'answered' : 'cancelled', 'server');
  }

  protected override onFinished(): void {
    if (this.mediaOpen) this.ctx.gateway.closeLeg(this.id);
  }

  private declined(deviceId: string): void {
    if (!this.ringing.delete(deviceId)) return;
    // Like an internal fork: the call ends once every device has declined (the phone hears busy).
    if (!this.answeredBy && this.ringing.size === 0) this.finish('rejected', 'callee');
  }

  private answer(deviceId: string): void {
    this.answeredBy = deviceId;
    this.ringing.delete(deviceId);
    this.cancel(this.ringTimer);
    this.entry.answeredAt = Date.now();
    // The user's other devices stop ringing: 38 closes their PC and mic, 30 ends their call object.
    for (const other of this.ringing) {
      this.ctx.registry.push(other, Service.MSG_FROM_OTHER_DEVICE, { type: 'CALL_STATE', data: { callId: this.id, code: 200 } });
      this.ctx.registry.push(other, Service.CALL_STOP_FROM_SERVER, { callId: this.id });
    }
    this.ringing.clear();
    if (this.mediaOpen) this.ctx.gateway.setMode(this.id, 'voice');
    if (this.opts.hangupAfterSec !== undefined) this.later(this.opts.hangupAfterSec * 1000, () => this.hangupFromPhone());
  }

  private ringTimeout(): void {
    this.push30([...this.ringing]);
    this.finish('noAnswer', 'timeout');
  }

  /** Devices that still hold the call: the ringing ones, or the one that answered. */
  private holders(): string[] {
    return this.answeredBy ? [this.answeredBy] : [...this.ringing];
  }

  private push30(deviceIds: string[]): void {
    for (const d of deviceIds) this.ctx.registry.push(d, Service.CALL_STOP_FROM_SERVER, { callId: this.id });
  }

  private toHolders(body: Body): void {
    // No deviceId on PSTN legs (R2): the SDK files the offer and candidates under "".
    for (const d of this.holders()) this.ctx.registry.push(d, Service.CALL_SDP_CANDIDATE_FROM_SERVER, { callId: this.id, ...body });
  }

  private openMedia(): void {
    this.mediaOpen = true;
    this.entry.media = { packetsReceived: 0, packetsSent: 0 };
    this.ctx.gateway.openLeg(this.id, {
      onOffer: (sdp) => {
        if (!this.ended) this.toHolders({ type: 'sdp', data: { type: 'offer', sdp } });
      },
      // The phone's answer to a re-offer of the SDK (hold, unhold).
      onAnswer: (sdp) => {
        if (!this.ended && this.answeredBy) this.toHolders({ type: 'sdp', data: { type: 'answer', sdp } });
      },
      onCandidate: (c) => {
        const cand = loopbackCandidate(c);
        if (!this.ended && cand) this.toHolders({ type: 'candidate', data: cand });
      },
      // Stats keep arriving briefly after the end so the log has the final counts.
      onStats: (packetsReceived, packetsSent) => {
        this.entry.media = { packetsReceived, packetsSent };
      },
      onFailure: (message) => {
        console.warn(`[sandbox] ${this.id}: ${message}`);
        this.mediaOpen = false;
        if (this.ended) return;
        this.push30(this.holders());
        this.finish(this.answeredBy ? 'answered' : 'unreachable', 'server');
      },
    });
    this.ctx.gateway.makeOffer(this.id);
  }
}
