// Outbound call to the simulated phone network. The far end follows a PhoneBehaviour and, when it
// rings or answers, is a real WebRTC peer in the media worker (ringback as early media, then voice).
import { DEFAULTS } from '../config.js';
import { loopbackCandidate, stripNonLoopbackCandidates } from '../ice.js';
import { SIP, Service, str, type Body } from '../protocol.js';
import type { Device } from '../sessions.js';
import type { CallLogEntry, PhoneBehaviour } from '../types.js';
import { BaseCall, type CallContext, type Reply } from './base-call.js';

export class ExternalCall extends BaseCall {
  private mediaOpen = false;
  private sdpAnswered = false;
  private answerDue = false;
  private answered = false;
  private ringTimer: NodeJS.Timeout | undefined;

  constructor(
    ctx: CallContext,
    entry: CallLogEntry,
    caller: Device,
    private readonly behaviour: PhoneBehaviour,
  ) {
    super(ctx, entry, caller.deviceId);
  }

  start(reply: Reply): void {
    reply({
      r: 0,
      message: 'SUCCESS',
      callId: this.id,
      toType: 'external',
      peerToPeerCall: false,
      customDataFromYourServer: this.entry.custom,
      iceServers: [],
    });
    this.stateToCaller(SIP.trying);
    const b = this.behaviour;
    switch (b.kind) {
      case 'answer':
        this.openMedia();
        this.later(b.afterSec * 1000, () => {
          this.answerDue = true;
          this.maybeAnswer();
        });
        this.ringTimer = this.later(this.ctx.ringTimeoutSec * 1000, () => this.ringTimeout());
        break;
      case 'noAnswer':
        this.openMedia();
        this.ringTimer = this.later(this.ctx.ringTimeoutSec * 1000, () => this.ringTimeout());
        break;
      case 'busy':
        this.later((b.afterSec ?? 1) * 1000, () =>
          this.whenCallerReady(() => {
            this.stateToCaller(SIP.busyHere);
            this.finish('busy', 'callee');
          }),
        );
        break;
      case 'unreachable':
        this.whenCallerReady(() =>
          this.later(DEFAULTS.unreachableDelayMs, () => {
            this.stateToCaller(SIP.notFound);
            this.finish('unreachable', 'server');
          }),
        );
        break;
    }
  }

  involves(deviceId: string): boolean {
    return deviceId === this.callerDeviceId;
  }

  onSdpCandidate(from: Device, body: Body): void {
    if (from.deviceId !== this.callerDeviceId) return;
    this.markCallerReady();
    if (!this.mediaOpen) return; // busy / unreachable phones never pick up media
    if (body.type === 'sdp') {
      const data = (typeof body.data === 'object' && body.data !== null ? body.data : {}) as Body;
      if (str(data.type) !== 'offer' || typeof data.sdp !== 'string') return;
      this.ctx.gateway.offer(this.id, stripNonLoopbackCandidates(data.sdp));
    } else if (body.type === 'candidate') {
      const c = loopbackCandidate(body.data); // drops the SDK's fake public srflx/relay candidates
      if (c) this.ctx.gateway.candidate(this.id, c);
    }
  }

  onState(_from: Device, _code: number, reply: Reply): void {
    reply({ r: 0 });
  }

  onStop(from: Device): void {
    if (from.deviceId !== this.callerDeviceId) return;
    this.finish(this.answered ? 'answered' : 'cancelled', 'caller');
  }

  onInfo(): void {
    // Nobody on a phone line reads app info messages.
  }

  override onHold(hold: boolean): void {
    super.onHold(hold);
    if (this.answered && this.mediaOpen) this.ctx.gateway.setMode(this.id, hold ? 'silence' : 'voice');
  }

  /** The person on the phone hangs up. */
  hangupFromPhone(): boolean {
    if (this.ended) return false;
    this.toCaller(Service.CALL_STOP_FROM_SERVER, {});
    this.finish(this.answered ? 'answered' : 'rejected', 'callee');
    return true;
  }

  protected endByServer(): void {
    this.toCaller(Service.CALL_STOP_FROM_SERVER, {});
    this.finish(this.answered ? 'answered' : 'cancelled', 'server');
  }

  protected override onFinished(): void {
    if (this.mediaOpen) this.ctx.gateway.closeLeg(this.id);
  }

  private openMedia(): void {
    this.mediaOpen = true;
    this.entry.media = { packetsReceived: 0, packetsSent: 0 };
    this.ctx.gateway.openLeg(this.id, {
      onAnswer: (sdp) => this.onGatewayAnswer(sdp),
      onCandidate: (c) => {
        const cand = loopbackCandidate(c);
        if (!this.ended && cand) this.toCaller(Service.CALL_SDP_CANDIDATE_FROM_SERVER, { type: 'candidate', data: cand });
      },
      // Stats keep arriving briefly after the end so the log has the final counts.
      onStats: (packetsReceived, packetsSent) => {
        this.entry.media = { packetsReceived, packetsSent };
      },
      onFailure: (message) => {
        console.warn(`[sandbox] ${this.id}: ${message}`);
        if (this.ended) return;
        if (this.answered) this.toCaller(Service.CALL_STOP_FROM_SERVER, {});
        else this.stateToCaller(SIP.serviceUnavailable);
        this.mediaOpen = false;
        this.finish(this.answered ? 'answered' : 'unreachable', 'server');
      },
    });
    this.ctx.gateway.setMode(this.id, 'ringback');
  }

  private onGatewayAnswer(sdp: string): void {
    if (this.ended) return;
    // No deviceId on PSTN legs: the SDK files it under "" and applies it at once (early media).
    this.toCaller(Service.CALL_SDP_CANDIDATE_FROM_SERVER, { type: 'sdp', data: { type: 'answer', sdp } });
    if (this.sdpAnswered) return;
    this.sdpAnswered = true;
    if (!this.answerDue) this.stateToCaller(SIP.sessionProgress);
    this.maybeAnswer();
  }

  private maybeAnswer(): void {
    if (this.answered || !this.answerDue || !this.sdpAnswered) return;
    this.answered = true;
    this.cancel(this.ringTimer);
    this.entry.answeredAt = Date.now();
    this.stateToCaller(SIP.ok);
    this.ctx.gateway.setMode(this.id, 'voice');
    if (this.behaviour.kind === 'answer' && this.behaviour.hangupAfterSec !== undefined) {
      this.later(this.behaviour.hangupAfterSec * 1000, () => this.hangupFromPhone());
    }
  }

  private ringTimeout(): void {
    this.stateToCaller(SIP.temporarilyUnavailable);
    this.finish('noAnswer', 'timeout');
  }
}
