// Inbound call from the simulated phone network: a customer dials a project hotline and it rings an
// app user. The phone is a real WebRTC peer in the media worker that makes the first offer (§5.6).
// The SDK stores that offer and applies it only at answer(): 31/200 comes first, then its 27 answer.
import { loopbackCandidate, stripNonLoopbackCandidates } from '../ice.js';
import { Service, str, type Body } from '../protocol.js';
import type { Device } from '../sessions.js';
import type { CallLogEntry } from '../types.js';
import type { CallContext, Reply } from './base-call.js';
import { ForkedCall } from './forked-call.js';

export interface InboundOptions {
  /** The phone hangs up this long after the answer. */
  hangupAfterSec?: number;
}

export class InboundCall extends ForkedCall {
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
    const targets = this.ctx.registry.online(this.calleeUserId);
    if (targets.length === 0) {
      this.finish('unreachable', 'server');
      return;
    }
    this.ring(targets, { video: false, fromInternal: false });
    // The offer is made after the 33s went out, so its 29 can never overtake them.
    this.openMedia();
    this.startRingTimer();
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
      if (this.acceptAnswer(id, reply)) this.answer(id);
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
    this.push30(this.holders());
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
    // The user's other devices stop ringing: 38 closes their PC and mic, 30 ends their call object.
    this.push30(this.answeredOn(deviceId));
    if (this.mediaOpen) this.ctx.gateway.setMode(this.id, 'voice');
    if (this.opts.hangupAfterSec !== undefined) this.later(this.opts.hangupAfterSec * 1000, () => this.hangupFromPhone());
  }

  protected ringTimeout(): void {
    // The phone hears nothing more: the devices get their 30 and the call ends (ForkedCall).
  }

  /** No deviceId on PSTN legs (R2): the SDK files the offer and candidates under "". */
  private toDevices(body: Body): void {
    this.toHolders(Service.CALL_SDP_CANDIDATE_FROM_SERVER, body);
  }

  private openMedia(): void {
    this.mediaOpen = true;
    this.entry.media = { packetsReceived: 0, packetsSent: 0 };
    this.ctx.gateway.openLeg(this.id, {
      onOffer: (sdp) => {
        if (!this.ended) this.toDevices({ type: 'sdp', data: { type: 'offer', sdp } });
      },
      // The phone's answer to a re-offer of the SDK (hold, unhold).
      onAnswer: (sdp) => {
        if (!this.ended && this.answeredBy) this.toDevices({ type: 'sdp', data: { type: 'answer', sdp } });
      },
      onCandidate: (c) => {
        const cand = loopbackCandidate(c);
        if (!this.ended && cand) this.toDevices({ type: 'candidate', data: cand });
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
