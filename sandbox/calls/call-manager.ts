// Dispatches call services (26–36, 100, 101, 205) from authenticated devices to the calls they name.
import { randomInt } from 'node:crypto';
import { CallLog } from '../call-log.js';
import { HOTLINES, PSTN_NUMBER, findHotline, findUserByExtension } from '../config.js';
import { Service, str, type Body } from '../protocol.js';
import { decideRoute } from '../routing.js';
import type { Device } from '../sessions.js';
import type { CallFromPhoneOptions, CallLogEntry } from '../types.js';
import type { PhoneBook } from '../pstn/phone-book.js';
import type { BaseCall, CallContext, Reply } from './base-call.js';
import { ExternalCall } from './external-call.js';
import { InboundCall } from './inbound-call.js';
import { InternalCall } from './internal-call.js';

const CALL_NOT_FOUND = { r: 2, message: 'CALL_NOT_FOUND' } as const;
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Stringee-style call id: call-vn-1-<10 chars>-<ms>. */
export function newCallId(now = Date.now()): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += ID_CHARS[randomInt(ID_CHARS.length)];
  return `call-vn-1-${s}-${now}`;
}

export class CallManager {
  private readonly active = new Map<string, BaseCall>();

  constructor(
    private readonly ctx: Omit<CallContext, 'onEnded'>,
    private readonly log: CallLog,
    private readonly phones: PhoneBook,
  ) {}

  /** Handles one request; always replies exactly once (before any push about a new call). */
  handle(device: Device, service: number, body: Body, reply: Reply): void {
    const call = this.active.get(str(body.callId));
    switch (service) {
      case Service.CALL_START:
        this.start(device, body, reply);
        return;
      case Service.CALL_SDP_CANDIDATE:
        reply({ r: 0 });
        if (call?.involves(device.deviceId)) call.onSdpCandidate(device, body);
        return;
      case Service.CALL_STOP:
        // Always r:0: anything else leaves the SDK holding the peer connection and the mic.
        reply({ r: 0 });
        if (call?.involves(device.deviceId)) call.onStop(device);
        return;
      case Service.CALL_STATE: {
        if (!call?.involves(device.deviceId)) return reply(CALL_NOT_FOUND);
        const code = typeof body.code === 'number' ? body.code : 0;
        call.onState(device, code, reply);
        return;
      }
      case Service.CALL_DTMF:
        if (!call?.involves(device.deviceId)) return reply(CALL_NOT_FOUND);
        reply({ r: 0 });
        call.onDtmf(str(body.digits));
        return;
      case Service.CALL_INFO:
        if (!call?.involves(device.deviceId)) return reply(CALL_NOT_FOUND);
        reply({ r: 0 });
        call.onInfo(device, body.info);
        return;
      case Service.HOLD:
        if (!call?.involves(device.deviceId)) return reply(CALL_NOT_FOUND);
        reply({ r: 0 });
        call.onHold(body.hold === true);
        return;
      case Service.TRANSFER:
        // Accepted but not carried out: the sandbox does not move call legs.
        return reply(call ? { r: 0 } : CALL_NOT_FOUND);
      case Service.CHECK_EXIST_CALL:
        // callId must be echoed: the SDK looks the call up by the reply's callId to hang it up.
        return reply({ r: 0, callId: str(body.callId), exist: call !== undefined && !call.ended });
      default:
        return reply({ r: 1, message: 'SERVICE_NOT_SUPPORTED_BY_SANDBOX' });
    }
  }

  deviceOffline(deviceId: string): void {
    for (const c of this.active.values()) c.deviceOffline(deviceId);
  }

  deviceOnline(deviceId: string): void {
    for (const c of this.active.values()) c.deviceOnline(deviceId);
  }

  hangupFromPhone(callId: string): boolean {
    const call = this.active.get(callId);
    return call instanceof ExternalCall || call instanceof InboundCall ? call.hangupFromPhone() : false;
  }

  /**
   * A phone calls a hotline that rings an app user. Validates untrusted input (throws Error with a
   * readable message) and returns the callId; the call is logged even when nobody can be rung.
   */
  callFromPhone(fromNumber: unknown, toUser: unknown, opts: CallFromPhoneOptions = {}): string {
    if (typeof fromNumber !== 'string' || !PSTN_NUMBER.test(fromNumber)) {
      throw new Error('from must be the calling phone as 84xxxxxxxxx');
    }
    if (typeof toUser !== 'string' || toUser.trim() === '') throw new Error('to must be a userId or an extension');
    const hotline = opts.hotline ?? HOTLINES[0]!.number;
    if (typeof hotline !== 'string' || !findHotline(hotline)) {
      throw new Error(`hotline must be one of ${HOTLINES.map((h) => h.number).join(', ')}`);
    }
    const hangupAfterSec = opts.hangupAfterSec;
    if (hangupAfterSec !== undefined && (typeof hangupAfterSec !== 'number' || !Number.isFinite(hangupAfterSec) || hangupAfterSec < 0)) {
      throw new Error('hangupAfterSec must be a number of seconds >= 0');
    }
    const calleeUserId = findUserByExtension(toUser)?.userId ?? toUser;
    const entry: CallLogEntry = {
      callId: newCallId(),
      from: fromNumber,
      to: hotline,
      type: 'external',
      direction: 'inbound',
      video: false,
      callerUserId: '',
      calleeUserId,
      custom: '',
      startedAt: Date.now(),
      dtmf: '',
      holds: [],
    };
    this.log.add(entry);
    const ctx: CallContext = { ...this.ctx, onEnded: (id) => this.active.delete(id) };
    const call = new InboundCall(ctx, entry, calleeUserId, hangupAfterSec === undefined ? {} : { hangupAfterSec });
    this.active.set(entry.callId, call);
    call.start();
    return entry.callId;
  }

  shutdown(): void {
    for (const c of [...this.active.values()]) c.shutdown();
    this.active.clear();
  }

  private start(device: Device, body: Body, reply: Reply): void {
    const from = str(body.fromNumber);
    const to = str(body.toNumber);
    const entry: CallLogEntry = {
      callId: newCallId(),
      from,
      to,
      type: 'internal',
      direction: 'outbound',
      video: body.video === true,
      callerUserId: device.userId,
      custom: typeof body.custom === 'string' ? body.custom : body.custom === undefined ? '' : JSON.stringify(body.custom),
      startedAt: Date.now(),
      dtmf: '',
      holds: [],
    };
    const route = decideRoute(body.fromNumber, body.toNumber, {
      isKnownUser: (id) => this.ctx.registry.isKnownUser(id),
      userForExtension: (ext) => findUserByExtension(ext)?.userId,
      isHotline: (n) => findHotline(n) !== undefined,
    });
    const ctx: CallContext = { ...this.ctx, onEnded: (id) => this.active.delete(id) };
    if (route.kind === 'refused') {
      entry.type = /^\+?\d{5,}$/.test(to) ? 'external' : 'internal';
      entry.endedAt = entry.startedAt;
      entry.result = 'refused';
      entry.endedBy = 'server';
      entry.durationSec = 0;
      this.log.add(entry);
      reply({ r: route.r, message: route.message });
      return;
    }
    this.log.add(entry);
    if (route.kind === 'internal') {
      entry.calleeUserId = route.calleeUserId;
      const call = new InternalCall(ctx, entry, device, route.calleeUserId);
      this.active.set(entry.callId, call);
      call.start(reply);
    } else {
      entry.type = 'external';
      const call = new ExternalCall(ctx, entry, device, this.phones.get(route.toNumber));
      this.active.set(entry.callId, call);
      call.start(reply);
    }
  }
}
