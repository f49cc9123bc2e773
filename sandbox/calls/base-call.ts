// What internal and PSTN calls share: timers, the caller's readiness, log bookkeeping and ending.
import { finishEntry } from '../call-log.js';
import { DEFAULTS } from '../config.js';
import { Service, type Body, type CallStateReason } from '../protocol.js';
import type { Device, DeviceRegistry } from '../sessions.js';
import type { CallLogEntry, CallResult, EndedBy } from '../types.js';
import type { MediaGateway } from '../pstn/gateway.js';

export interface CallContext {
  registry: DeviceRegistry;
  gateway: MediaGateway;
  ringTimeoutSec: number;
  reconnectGraceSec: number;
  /** Removes the call from the active set once it has ended. */
  onEnded(callId: string): void;
}

export type Reply = (body: Body) => void;

export abstract class BaseCall {
  ended = false;
  protected readonly timers = new Set<NodeJS.Timeout>();
  private callerReady = false;
  private readonly readyWaiters: Array<() => void> = [];
  private readonly graceTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    protected readonly ctx: CallContext,
    readonly entry: CallLogEntry,
    readonly callerDeviceId: string,
  ) {}

  get id(): string {
    return this.entry.callId;
  }

  abstract involves(deviceId: string): boolean;
  abstract onSdpCandidate(from: Device, body: Body): void;
  abstract onStop(from: Device): void;
  abstract onState(from: Device, code: number, reply: Reply): void;
  abstract onInfo(from: Device, info: unknown): void;
  /** The server is stopping, or a party stayed away too long: end and tell whoever is left. */
  protected abstract endByServer(lostDeviceId?: string): void;

  onDtmf(digits: string): void {
    this.entry.dtmf += digits;
  }

  onHold(hold: boolean): void {
    this.entry.holds.push(hold);
  }

  shutdown(): void {
    this.endByServer();
  }

  deviceOffline(deviceId: string): void {
    if (this.ended || !this.involves(deviceId) || this.graceTimers.has(deviceId)) return;
    const t = setTimeout(() => {
      this.graceTimers.delete(deviceId);
      if (!this.ended && !this.ctx.registry.isOnline(deviceId)) this.endByServer(deviceId);
    }, this.ctx.reconnectGraceSec * 1000);
    this.graceTimers.set(deviceId, t);
  }

  deviceOnline(deviceId: string): void {
    const t = this.graceTimers.get(deviceId);
    if (t) clearTimeout(t);
    this.graceTimers.delete(deviceId);
  }

  protected later(ms: number, fn: () => void): NodeJS.Timeout {
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!this.ended) fn();
    }, ms);
    this.timers.add(t);
    return t;
  }

  protected cancel(t: NodeJS.Timeout | undefined): void {
    if (!t) return;
    clearTimeout(t);
    this.timers.delete(t);
  }

  /** The caller has sent its first SDP/candidate, so its SDK holds a peer connection it can free. */
  protected markCallerReady(): void {
    if (this.callerReady) return;
    this.callerReady = true;
    for (const fn of this.readyWaiters.splice(0)) if (!this.ended) fn();
  }

  /**
   * Runs fn once the caller's SDK has a peer connection. A terminal 32 that arrives before that
   * leaves the SDK capturing the mic for a call it has already forgotten.
   */
  protected whenCallerReady(fn: () => void): void {
    if (this.callerReady) {
      fn();
      return;
    }
    this.readyWaiters.push(fn);
    this.later(DEFAULTS.callerReadyMaxWaitMs, () => this.markCallerReady());
  }

  protected toCaller(service: number, body: Body): void {
    this.ctx.registry.push(this.callerDeviceId, service, { callId: this.id, ...body });
  }

  protected stateToCaller(s: CallStateReason, deviceId?: string): void {
    this.toCaller(Service.CALL_STATE_FROM_SERVER, deviceId ? { code: s.code, reason: s.reason, deviceId } : { ...s });
  }

  protected finish(result: CallResult, endedBy: EndedBy): void {
    if (this.ended) return;
    this.ended = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const t of this.graceTimers.values()) clearTimeout(t);
    this.graceTimers.clear();
    this.readyWaiters.length = 0;
    finishEntry(this.entry, result, endedBy);
    this.onFinished();
    this.ctx.onEnded(this.id);
  }

  /** Hook for subclasses to release resources (media legs). */
  protected onFinished(): void {}
}
