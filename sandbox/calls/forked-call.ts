// A call that rings every online device of the callee (an app-to-app call, or a customer's call to
// a hotline): which devices were told, which still ring, which one answered, and the ring timeout.
import { Service, type Body } from '../protocol.js';
import type { Device } from '../sessions.js';
import { BaseCall, type Reply } from './base-call.js';

export abstract class ForkedCall extends BaseCall {
  /** Devices that were sent the 33 (incoming call). */
  protected readonly told = new Set<string>();
  /** Told devices that have neither answered nor declined. */
  protected readonly ringing = new Set<string>();
  protected answeredBy: string | undefined;
  private ringTimer: NodeJS.Timeout | undefined;

  /** What the ring timeout does besides ending the call (the caller hears it first). */
  protected abstract ringTimeout(): void;

  /** Sends the 33 (incoming call) to each device. */
  protected ring(devices: Device[], call: { video: boolean; fromInternal: boolean }): void {
    const e = this.entry;
    for (const d of devices) {
      this.told.add(d.deviceId);
      this.ringing.add(d.deviceId);
      this.ctx.registry.push(d.deviceId, Service.CALL_START_FROM_SERVER, {
        callId: this.id,
        fromNumber: e.from,
        toNumber: e.to,
        fromAlias: e.from,
        toAlias: e.to,
        video: call.video,
        fromInternal: call.fromInternal,
        customDataFromYourServer: e.custom,
        iceServers: [],
      });
    }
  }

  protected startRingTimer(): void {
    this.ringTimer = this.later(this.ctx.ringTimeoutSec * 1000, () => {
      this.ringTimeout();
      this.push30([...this.ringing]);
      this.finish('noAnswer', 'timeout');
    });
  }

  /**
   * A device's 200 (answer). Another device that answered first, or one that already declined,
   * gets r=1 and a 30; the answering device's repeat is acknowledged. True when this device
   * answers now.
   */
  protected acceptAnswer(deviceId: string, reply: Reply): boolean {
    if (this.answeredBy === deviceId) {
      reply({ r: 0 });
      return false;
    }
    if (this.answeredBy !== undefined || !this.ringing.has(deviceId)) {
      reply({ r: 1, message: 'CALL_ANSWERED_ON_ANOTHER_DEVICE' });
      this.push30([deviceId]);
      return false;
    }
    reply({ r: 0 });
    return true;
  }

  /**
   * Records the answer: the callee's other devices stop ringing (a 38 CALL_STATE 200 tells them
   * another device answered). Returns those devices.
   */
  protected answeredOn(deviceId: string): string[] {
    this.answeredBy = deviceId;
    this.ringing.delete(deviceId);
    this.cancel(this.ringTimer);
    this.entry.answeredAt = Date.now();
    const others = [...this.ringing];
    for (const other of others) {
      this.ctx.registry.push(other, Service.MSG_FROM_OTHER_DEVICE, { type: 'CALL_STATE', data: { callId: this.id, code: 200 } });
    }
    this.ringing.clear();
    return others;
  }

  /** Devices that still hold the call: the ringing ones, or the one that answered. */
  protected holders(): string[] {
    return this.answeredBy ? [this.answeredBy] : [...this.ringing];
  }

  /** A 30 (call stopped) to each device. */
  protected push30(deviceIds: string[]): void {
    for (const d of deviceIds) this.ctx.registry.push(d, Service.CALL_STOP_FROM_SERVER, { callId: this.id });
  }

  /** Relays a body to every device that holds the call. */
  protected toHolders(service: number, body: Body): void {
    for (const d of this.holders()) this.ctx.registry.push(d, service, { callId: this.id, ...body });
  }
}
