// InboundCall (a phone calls a hotline that rings an app user) against a fake device registry and a
// fake media gateway: the frames each device gets, what reaches the phone's media leg, the call log.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallLog } from '../call-log.js';
import type { LegListener, MediaGateway } from '../pstn/gateway.js';
import { PhoneBook } from '../pstn/phone-book.js';
import type { Device, DeviceRegistry } from '../sessions.js';
import type { CallLogEntry } from '../types.js';
import { CallManager } from './call-manager.js';

type Body = Record<string, any>;

class FakeRegistry {
  readonly devices: Device[] = [];
  readonly sent: Array<{ to: string; service: number; body: Body }> = [];

  add(userId: string, deviceId: string): Device {
    const d = { userId, deviceId, browserId: 'b', sessionId: 's', platform: 3, deviceName: 'test', socket: null } as Device;
    this.devices.push(d);
    return d;
  }
  online(userId?: string): Device[] {
    return this.devices.filter((d) => userId === undefined || d.userId === userId);
  }
  isOnline(deviceId: string): boolean {
    return this.devices.some((d) => d.deviceId === deviceId);
  }
  isKnownUser(): boolean {
    return true;
  }
  push(to: string, service: number, body: Body): boolean {
    this.sent.push({ to, service, body });
    return true;
  }
  to(deviceId: string): Array<{ service: number; body: Body }> {
    return this.sent.filter((s) => s.to === deviceId).map(({ service, body }) => ({ service, body }));
  }
}

class FakeGateway {
  readonly ops: Array<{ op: string; legId: string; arg?: unknown }> = [];
  readonly legs = new Map<string, LegListener>();
  openLeg(legId: string, l: LegListener): void {
    this.legs.set(legId, l);
    this.ops.push({ op: 'open', legId });
  }
  makeOffer(legId: string): void {
    this.ops.push({ op: 'makeOffer', legId });
  }
  remoteAnswer(legId: string, sdp: string): void {
    this.ops.push({ op: 'remoteAnswer', legId, arg: sdp });
  }
  offer(legId: string, sdp: string): void {
    this.ops.push({ op: 'offer', legId, arg: sdp });
  }
  candidate(legId: string, c: unknown): void {
    this.ops.push({ op: 'candidate', legId, arg: c });
  }
  setMode(legId: string, mode: string): void {
    this.ops.push({ op: 'mode', legId, arg: mode });
  }
  closeLeg(legId: string): void {
    this.ops.push({ op: 'close', legId });
  }
  names(): string[] {
    return this.ops.map((o) => (o.op === 'mode' ? `mode:${String(o.arg)}` : o.op));
  }
}

const OFFER = 'v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=candidate:1 1 udp 2122260223 127.0.0.1 40000 typ host\r\n';
const ANSWER_SDP = 'v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=candidate:2 1 udp 2122260223 192.168.1.5 40001 typ host\r\na=candidate:3 1 udp 2122260223 127.0.0.1 40002 typ host\r\n';
const LOOPBACK = { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 40000 typ host', sdpMid: '0', sdpMLineIndex: 0 };
const FAKE_SRFLX = { candidate: 'candidate:1289619645 1 udp 1686052607 115.78.95.208 47279 typ srflx raddr 10.151.102.246 rport 53870', sdpMid: '0', sdpMLineIndex: 0 };

let registry: FakeRegistry;
let gateway: FakeGateway;
let log: CallLog;
let manager: CallManager;
let pc: Device;
let phone: Device;

function state(device: Device, callId: string, code: number): Body {
  let reply: Body = {};
  manager.handle(device, 31, { callId, code, requestId: 1 }, (b) => (reply = b));
  return reply;
}

function send27(device: Device, callId: string, body: Body): void {
  manager.handle(device, 27, { callId, ...body, requestId: 2 }, () => {});
}

function entry(callId: string): CallLogEntry {
  return log.list().find((e) => e.callId === callId)!;
}

beforeEach(() => {
  vi.useFakeTimers();
  registry = new FakeRegistry();
  gateway = new FakeGateway();
  log = new CallLog();
  manager = new CallManager(
    {
      registry: registry as unknown as DeviceRegistry,
      gateway: gateway as unknown as MediaGateway,
      ringTimeoutSec: 10,
      reconnectGraceSec: 5,
    },
    log,
    new PhoneBook(),
  );
  pc = registry.add('agent1', 'web-pc');
  phone = registry.add('agent1', 'web-phone');
  registry.add('agent2', 'web-other-user');
});

afterEach(() => {
  vi.useRealTimers();
});

describe('a phone calls agent1', () => {
  it('rings every device of the user with 33, then sends the phone offer without deviceId', () => {
    const callId = manager.callFromPhone('84987001122', 'agent1', { hotline: '842873001234' });
    expect(callId).toMatch(/^call-vn-1-[A-Z0-9]{10}-\d+$/);
    for (const d of [pc, phone]) {
      expect(registry.to(d.deviceId)).toEqual([
        {
          service: 33,
          body: {
            callId,
            fromNumber: '84987001122',
            toNumber: '842873001234',
            fromAlias: '84987001122',
            toAlias: '842873001234',
            video: false,
            fromInternal: false,
            customDataFromYourServer: '',
            iceServers: [],
          },
        },
      ]);
    }
    expect(registry.to('web-other-user')).toEqual([]);
    expect(gateway.names()).toEqual(['open', 'makeOffer']);

    gateway.legs.get(callId)!.onOffer!(OFFER);
    gateway.legs.get(callId)!.onCandidate(LOOPBACK);
    gateway.legs.get(callId)!.onCandidate({ ...LOOPBACK, candidate: LOOPBACK.candidate.replace('127.0.0.1', '10.0.0.2') });
    for (const d of [pc, phone]) {
      expect(registry.to(d.deviceId).slice(1)).toEqual([
        { service: 29, body: { callId, type: 'sdp', data: { type: 'offer', sdp: OFFER } } },
        { service: 29, body: { callId, type: 'candidate', data: LOOPBACK } },
      ]);
    }
    expect(entry(callId)).toMatchObject({
      type: 'external',
      direction: 'inbound',
      from: '84987001122',
      to: '842873001234',
      callerUserId: '',
      calleeUserId: 'agent1',
      media: { packetsReceived: 0, packetsSent: 0 },
    });
    expect(entry(callId).endedAt).toBeUndefined();
  });

  it('answer on one device: r:0, 38 + 30 to the other, the SDK answer and loopback candidates reach the phone', () => {
    const callId = manager.callFromPhone('84987001122', 'agent1');
    expect(entry(callId).to).toBe('84966000111'); // the first hotline by default
    expect(state(pc, callId, 200)).toEqual({ r: 0 });
    expect(registry.to(phone.deviceId).slice(1)).toEqual([
      { service: 38, body: { type: 'CALL_STATE', data: { callId, code: 200 } } },
      { service: 30, body: { callId } },
    ]);
    expect(entry(callId).answeredAt).toBeTypeOf('number');
    send27(pc, callId, { type: 'sdp', data: { type: 'answer', sdp: ANSWER_SDP } });
    send27(pc, callId, { type: 'candidate', data: LOOPBACK });
    send27(pc, callId, { type: 'candidate', data: FAKE_SRFLX });
    send27(pc, callId, { type: 'candidate', data: 'garbage' });
    send27(pc, callId, { type: 'sdp', data: null });
    send27(phone, callId, { type: 'sdp', data: { type: 'answer', sdp: ANSWER_SDP } }); // lost the race: ignored
    const toPhone = gateway.ops.filter((o) => o.op === 'remoteAnswer' || o.op === 'candidate');
    expect(toPhone).toEqual([
      { op: 'remoteAnswer', legId: callId, arg: ANSWER_SDP.replace(/a=candidate:2 [^\n]*\n/, '') },
      { op: 'candidate', legId: callId, arg: LOOPBACK },
    ]);
    expect(gateway.names()).toContain('mode:voice');

    // Offer and candidates that arrive after the answer go to the answering device only.
    gateway.legs.get(callId)!.onOffer!(OFFER);
    expect(registry.to(pc.deviceId).at(-1)).toEqual({ service: 29, body: { callId, type: 'sdp', data: { type: 'offer', sdp: OFFER } } });
    expect(registry.to(phone.deviceId)).toHaveLength(3);

    // The losing device answering late is told the call is gone.
    expect(state(phone, callId, 200)).toEqual({ r: 1, message: 'CALL_ANSWERED_ON_ANOTHER_DEVICE' });

    // A hold re-offer is answered by the phone and relayed back as an answer.
    send27(pc, callId, { type: 'sdp', data: { type: 'offer', sdp: OFFER } });
    expect(gateway.ops.at(-1)).toEqual({ op: 'offer', legId: callId, arg: OFFER });
    gateway.legs.get(callId)!.onAnswer('v=0 answer');
    expect(registry.to(pc.deviceId).at(-1)).toEqual({ service: 29, body: { callId, type: 'sdp', data: { type: 'answer', sdp: 'v=0 answer' } } });

    gateway.legs.get(callId)!.onStats(12, 34);
    expect(entry(callId).media).toEqual({ packetsReceived: 12, packetsSent: 34 });
  });

  it('the phone hangs up after the answer: 30 to the answering device only; answered, ended by the caller', () => {
    const callId = manager.callFromPhone('84987001122', 'agent1');
    state(pc, callId, 200);
    vi.advanceTimersByTime(3000);
    const before = registry.to(phone.deviceId).length;
    expect(manager.hangupFromPhone(callId)).toBe(true);
    expect(registry.to(pc.deviceId).at(-1)).toEqual({ service: 30, body: { callId } });
    expect(registry.to(phone.deviceId)).toHaveLength(before);
    expect(entry(callId)).toMatchObject({ result: 'answered', endedBy: 'caller', durationSec: 3 });
    expect(gateway.names().at(-1)).toBe('close');
    expect(manager.hangupFromPhone(callId)).toBe(false);
  });

  it('the agent hangs up (28) after the answer: the phone leg closes; answered, ended by the callee', () => {
    const callId = manager.callFromPhone('84987001122', 'agent1');
    state(phone, callId, 200);
    let reply: Body = {};
    manager.handle(phone, 28, { callId, requestId: 9 }, (b) => (reply = b));
    expect(reply).toEqual({ r: 0 });
    expect(entry(callId)).toMatchObject({ result: 'answered', endedBy: 'callee' });
    expect(gateway.names().at(-1)).toBe('close');
    expect(registry.to(phone.deviceId).some((f) => f.service === 30)).toBe(false);
  });

  it('declined on every device (486, or a 28 while ringing): rejected by the callee', () => {
    const callId = manager.callFromPhone('84987001122', 'agent1');
    expect(state(pc, callId, 486)).toEqual({ r: 0 });
    expect(entry(callId).endedAt).toBeUndefined(); // the other device still rings
    manager.handle(phone, 28, { callId, requestId: 3 }, () => {});
    expect(entry(callId)).toMatchObject({ result: 'rejected', endedBy: 'callee', durationSec: 0 });
    expect(gateway.names().at(-1)).toBe('close');
    // The call is gone: a late offer from the phone goes nowhere.
    gateway.legs.get(callId)!.onOffer!(OFFER);
    expect(registry.sent.filter((s) => s.service === 29)).toEqual([]);
  });

  it('the caller gives up after one device declined: 30 to the device still ringing only; cancelled', () => {
    const callId = manager.callFromPhone('84987001122', 'agent1');
    state(pc, callId, 603);
    expect(manager.hangupFromPhone(callId)).toBe(true);
    expect(registry.to(phone.deviceId).at(-1)).toEqual({ service: 30, body: { callId } });
    expect(registry.to(pc.deviceId).some((f) => f.service === 30)).toBe(false);
    expect(entry(callId)).toMatchObject({ result: 'cancelled', endedBy: 'caller' });
  });

  it('the caller gives up while two devices ring: cancelled, ended by the caller', () => {
    const callId = manager.callFromPhone('84987001122', 'agent1');
    expect(manager.hangupFromPhone(callId)).toBe(true);
    for (const d of [pc, phone]) expect(registry.to(d.deviceId).at(-1)).toEqual({ service: 30, body: { callId } });
    expect(entry(callId)).toMatchObject({ result: 'cancelled', endedBy: 'caller' });
  });

  it('ring timeout: 30 to the devices; noAnswer', () => {
    const callId = manager.callFromPhone('84987001122', 'agent1');
    vi.advanceTimersByTime(10_000);
    for (const d of [pc, phone]) expect(registry.to(d.deviceId).at(-1)).toEqual({ service: 30, body: { callId } });
    expect(entry(callId)).toMatchObject({ result: 'noAnswer', endedBy: 'timeout' });
    expect(gateway.names().at(-1)).toBe('close');
  });

  it('hangupAfterSec: the phone hangs up that long after the answer', () => {
    const callId = manager.callFromPhone('84987001122', 'agent1', { hangupAfterSec: 4 });
    vi.advanceTimersByTime(2000);
    state(pc, callId, 200);
    vi.advanceTimersByTime(3900);
    expect(entry(callId).endedAt).toBeUndefined();
    vi.advanceTimersByTime(200);
    expect(entry(callId)).toMatchObject({ result: 'answered', endedBy: 'caller', durationSec: 4 });
    expect(registry.to(pc.deviceId).at(-1)).toEqual({ service: 30, body: { callId } });
  });

  it('nobody connected: logged unreachable, nothing sent, no media', () => {
    const callId = manager.callFromPhone('84987001122', 'agent3');
    expect(entry(callId)).toMatchObject({ result: 'unreachable', endedBy: 'server', calleeUserId: 'agent3' });
    expect(registry.sent).toEqual([]);
    expect(gateway.ops).toEqual([]);
    expect(manager.hangupFromPhone(callId)).toBe(false);
  });

  it('an extension rings its agent', () => {
    registry.add('agent2', 'web-agent2');
    const callId = manager.callFromPhone('84987001122', '102');
    expect(entry(callId).calleeUserId).toBe('agent2');
    expect(registry.to('web-agent2')[0]!.service).toBe(33);
  });

  it('a media worker failure ends the call with 30', () => {
    const callId = manager.callFromPhone('84987001122', 'agent1');
    state(pc, callId, 200);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    gateway.legs.get(callId)!.onFailure('media worker exited (SIGKILL)');
    expect(registry.to(pc.deviceId).at(-1)).toEqual({ service: 30, body: { callId } });
    expect(entry(callId)).toMatchObject({ result: 'answered', endedBy: 'server' });
    expect(gateway.names()).not.toContain('close');
  });

  it('shutdown ends a ringing call with 30 to its devices', () => {
    const callId = manager.callFromPhone('84987001122', 'agent1');
    manager.shutdown();
    for (const d of [pc, phone]) expect(registry.to(d.deviceId).at(-1)).toEqual({ service: 30, body: { callId } });
    expect(entry(callId)).toMatchObject({ result: 'cancelled', endedBy: 'server' });
  });

  it('CHECK_EXIST_CALL sees the call while it rings', () => {
    const callId = manager.callFromPhone('84987001122', 'agent1');
    let reply: Body = {};
    manager.handle(pc, 205, { callId, requestId: 4 }, (b) => (reply = b));
    expect(reply).toEqual({ r: 0, callId, exist: true });
  });

  it.each([
    ['0987001122', 'agent1', {}, /from/],
    ['84987001122', '', {}, /to/],
    ['84987001122', 'agent1', { hotline: '84999999999' }, /hotline/],
    ['84987001122', 'agent1', { hangupAfterSec: -1 }, /hangupAfterSec/],
  ])('refuses from=%s to=%s %o', (from, to, opts, message) => {
    expect(() => manager.callFromPhone(from, to, opts)).toThrow(message);
    expect(log.list()).toEqual([]);
  });
});
