// The sandbox over a real socket, with raw WebSocket clients speaking the SDK's frames.
// (No browser and no media here: tests/e2e covers the real SDK and WebRTC.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { API_KEY } from './config.js';
import { signJwt } from './jwt.js';
import { startSandbox } from './index.js';
import type { Sandbox } from './types.js';

type Body = Record<string, any>;
interface Frame {
  service: number;
  body: Body;
}

/** Minimal stand-in for the SDK's socket handling: numbered requests and a frame journal. */
class RawClient {
  readonly frames: Frame[] = [];
  private nextId = 1;
  readonly deviceId: string;

  private constructor(
    readonly ws: WebSocket,
    readonly name: string,
  ) {
    this.deviceId = `web-${name}`;
    ws.on('message', (d) => this.frames.push(JSON.parse(d.toString()) as Frame));
  }

  static async open(url: string, name: string): Promise<RawClient> {
    const ws = new WebSocket(url);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    return new RawClient(ws, name);
  }

  send(service: number, body: Body = {}): number {
    const requestId = this.nextId++;
    this.ws.send(JSON.stringify({ service, body: { ...body, requestId } }));
    return requestId;
  }

  async request(service: number, body: Body = {}): Promise<Body> {
    const id = this.send(service, body);
    return (await this.waitFor(service, (b) => b.requestId === id)).body;
  }

  authen(token: string): Promise<Body> {
    return this.request(2, {
      accesstoken: token,
      deviceId: this.deviceId,
      browserId: 'browser-test',
      sessionId: `session-${this.name}`,
      platform: 3,
      deviceName: 'vitest',
    });
  }

  waitFor(service: number, match: (b: Body) => boolean = () => true, timeoutMs = 3000): Promise<Frame> {
    const end = Date.now() + timeoutMs;
    return new Promise((resolve, reject) => {
      const tick = (): void => {
        const f = this.frames.find((x) => x.service === service && match(x.body));
        if (f) return resolve(f);
        if (Date.now() > end) return reject(new Error(`${this.name}: no frame ${service} within ${timeoutMs} ms`));
        setTimeout(tick, 10);
      };
      tick();
    });
  }

  pushes(service: number): Body[] {
    return this.frames.filter((f) => f.service === service && f.body.requestId === undefined).map((f) => f.body);
  }

  index(service: number, match: (b: Body) => boolean): number {
    return this.frames.findIndex((f) => f.service === service && match(f.body));
  }

  closed(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => this.ws.once('close', () => resolve()));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SDP_OFFER = [
  'v=0',
  'o=- 1 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111',
  'a=candidate:1 1 udp 2122260223 127.0.0.1 40000 typ host generation 0',
  'a=candidate:2 1 udp 2122260223 192.168.1.20 40001 typ host generation 0',
  'a=sendrecv',
  '',
].join('\r\n');
const LOOPBACK_CAND = { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 40000 typ host', sdpMid: '0', sdpMLineIndex: 0 };
const FAKE_CAND = {
  candidate: 'candidate:1289619645 1 udp 1686052607 115.78.95.208 47279 typ srflx raddr 10.151.102.246 rport 53870 generation 1',
  sdpMid: '0',
  sdpMLineIndex: 0,
};

let sandbox: Sandbox;
let clients: RawClient[] = [];

async function connect(userId: string, name = userId): Promise<RawClient> {
  const c = await RawClient.open(sandbox.wsUrl, name);
  clients.push(c);
  const res = await c.authen(sandbox.issueToken(userId));
  expect(res.r).toBe(0);
  return c;
}

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, pingAfterMs: 1000, ringTimeoutSec: 1 });
});

afterEach(async () => {
  for (const c of clients) c.ws.terminate();
  clients = [];
  await sandbox.stop();
});

describe('AUTHEN', () => {
  it('replies in the shape the SDK needs', async () => {
    const c = await RawClient.open(sandbox.wsUrl, 'a');
    clients.push(c);
    const res = await c.authen(sandbox.issueToken('agent1'));
    expect(res).toMatchObject({
      r: 0,
      userId: 'agent1',
      ping_after_ms: 1000,
      ice_servers: [],
      clients: [{ clientId: 'web-a', browserId: 'browser-test', platform: 3 }],
    });
    expect(typeof res.projectId).toBe('number');
    expect(typeof res.connectionId).toBe('number');
  });

  const expired = () => signJwt(API_KEY.secret, { iss: API_KEY.sid, exp: Math.floor(Date.now() / 1000) - 5, userId: 'agent1' });
  it.each([
    ['no token', () => undefined, 1],
    ['garbage', () => 'abc', 2],
    ['an expired token', expired, 6],
    ['a token for an unknown key', () => signJwt('x', { iss: 'SKother', exp: 2e9, userId: 'u' }), 5],
    ['a REST token without userId', () => signJwt(API_KEY.secret, { iss: API_KEY.sid, exp: 2e9, rest_api: true }), 7],
  ])('rejects %s with r=%i', async (_name, token, r) => {
    const c = await RawClient.open(sandbox.wsUrl, 'x');
    clients.push(c);
    expect(await c.request(2, { accesstoken: token(), deviceId: 'web-x' })).toMatchObject({ r });
  });

  it('checks exp against the moved clock, and issues tokens on that clock', async () => {
    const token = sandbox.issueToken('agent1', 60);
    sandbox.setClockOffset(120);
    const c = await RawClient.open(sandbox.wsUrl, 'a');
    clients.push(c);
    expect(await c.authen(token)).toMatchObject({ r: 6 });
    expect(await c.authen(sandbox.issueToken('agent1', 60))).toMatchObject({ r: 0 });
  });

  it('refuses call services before authentication', async () => {
    const c = await RawClient.open(sandbox.wsUrl, 'a');
    clients.push(c);
    expect(await c.request(26, { fromNumber: 'agent1', toNumber: 'agent2' })).toMatchObject({ r: 1 });
  });
});

describe('keep-alive and robustness', () => {
  it('pings at least every ping_after_ms and never answers the echo', async () => {
    const c = await connect('agent1');
    c.ws.on('message', (d) => {
      const f = JSON.parse(d.toString()) as Frame;
      if (f.service === 1) c.send(1); // the SDK's echo
    });
    await sleep(1700);
    const pings = c.frames.filter((f) => f.service === 1).length;
    expect(pings).toBeGreaterThanOrEqual(2);
    expect(pings).toBeLessThanOrEqual(4);
  });

  it('survives malformed frames', async () => {
    const c = await connect('agent1');
    for (const junk of ['{', 'null', '[]', '{"service":0,"body":{}}', '{"service":"26"}', '{"service":26}', '{"service":27,"body":7}']) {
      c.ws.send(junk);
    }
    c.ws.send(Buffer.from([0, 1, 2, 3]), { binary: true });
    c.send(999, { x: 1 });
    c.send(26, { fromNumber: { nested: true }, toNumber: ['agent2'] });
    expect(await c.request(205, { callId: 'nope' })).toEqual({ r: 0, callId: 'nope', exist: false, requestId: expect.any(Number) });
  });

  it.each([
    [28, { callId: 'unknown', reasonEndcall: '' }, { r: 0 }],
    [205, { callId: 'unknown' }, { r: 0, callId: 'unknown', exist: false }],
    [34, { callId: 'unknown', digits: '1' }, { r: 2 }],
    [31, { callId: 'unknown', code: 200 }, { r: 2 }],
    [100, { callId: 'unknown', hold: true }, { r: 2 }],
    [36, { callId: 'unknown', info: {} }, { r: 2 }],
    [128, { fromNumber: 'a', toNumber: 'b' }, { r: 1 }],
  ])('service %i on an unknown call → %j', async (service, body, expected) => {
    const c = await connect('agent1');
    expect(await c.request(service, body)).toMatchObject(expected);
  });
});

describe('internal calls', () => {
  it('forks to every device of the callee and relays SDP/candidates tagged with the sender deviceId', async () => {
    const a = await connect('agent1', 'a');
    const b = await connect('agent2', 'b');
    const b2 = await connect('agent2', 'b2');

    const id = a.send(26, { fromNumber: 'agent1', toNumber: 'agent2', video: false, custom: '{"crm":7}' });
    const reply = (await a.waitFor(26, (x) => x.requestId === id)).body;
    expect(reply).toMatchObject({ r: 0, toType: 'internal', peerToPeerCall: true, iceServers: [], customDataFromYourServer: '{"crm":7}' });
    const callId = reply.callId as string;
    expect(callId).toMatch(/^call-vn-1-[A-Z0-9]{10}-\d{13}$/);
    await a.waitFor(32, (x) => x.code === 180);
    // The reply comes before any push about the call.
    expect(a.index(26, (x) => x.requestId === id)).toBeLessThan(a.index(32, (x) => x.code === 100));
    for (const dev of [b, b2]) {
      expect((await dev.waitFor(33)).body).toEqual({
        callId,
        fromNumber: 'agent1',
        toNumber: 'agent2',
        fromAlias: 'agent1',
        toAlias: 'agent2',
        video: false,
        fromInternal: true,
        customDataFromYourServer: '{"crm":7}',
        iceServers: [],
      });
    }

    a.send(27, { callId, type: 'sdp', data: { type: 'offer', sdp: SDP_OFFER } });
    a.send(27, { callId, type: 'candidate', data: FAKE_CAND });
    a.send(27, { callId, type: 'candidate', data: LOOPBACK_CAND });
    for (const dev of [b, b2]) {
      const sdp = (await dev.waitFor(29, (x) => x.type === 'sdp')).body;
      expect(sdp).toMatchObject({ callId, deviceId: 'web-a', data: { type: 'offer' } });
      expect(sdp.data.sdp).toContain('127.0.0.1 40000');
      expect(sdp.data.sdp).not.toContain('192.168.1.20');
      await dev.waitFor(29, (x) => x.type === 'candidate');
      expect(dev.pushes(29).filter((x) => x.type === 'candidate')).toEqual([{ callId, type: 'candidate', data: LOOPBACK_CAND, deviceId: 'web-a' }]);
    }

    b.send(27, { callId, type: 'sdp', data: { type: 'answer', sdp: SDP_OFFER } });
    await a.waitFor(29, (x) => x.type === 'sdp' && x.deviceId === 'web-b');
    expect(await b.request(31, { callId, code: 200 })).toMatchObject({ r: 0 });
    expect((await a.waitFor(32, (x) => x.code === 200)).body).toEqual({ callId, code: 200, reason: 'OK', deviceId: 'web-b' });
    expect((await b2.waitFor(38)).body).toEqual({ type: 'CALL_STATE', data: { callId, code: 200 } });
    // The device that lost the race cannot answer any more.
    expect(await b2.request(31, { callId, code: 200 })).toMatchObject({ r: 1 });

    expect(await a.request(36, { callId, info: { hello: 1 } })).toMatchObject({ r: 0 });
    expect((await b.waitFor(37)).body).toEqual({ callId, info: { hello: 1 } });
    expect(await a.request(34, { callId, digits: '12' })).toMatchObject({ r: 0 });
    expect(await a.request(34, { callId, digits: '#' })).toMatchObject({ r: 0 });
    expect(await a.request(100, { callId, hold: true, musicOnHold: null })).toMatchObject({ r: 0 });
    expect(await a.request(100, { callId, hold: false })).toMatchObject({ r: 0 });
    expect(await a.request(205, { callId })).toMatchObject({ r: 0, callId, exist: true });

    expect(await b.request(28, { callId, reasonEndcall: '' })).toMatchObject({ r: 0 });
    await a.waitFor(30, (x) => x.callId === callId);
    expect((await b2.waitFor(38, (x) => x.type === 'CALL_END')).body).toEqual({ type: 'CALL_END', data: { callId } });
    expect(await a.request(205, { callId })).toMatchObject({ exist: false });

    expect(sandbox.callLog().find((e) => e.callId === callId)).toMatchObject({
      type: 'internal',
      callerUserId: 'agent1',
      calleeUserId: 'agent2',
      custom: '{"crm":7}',
      result: 'answered',
      endedBy: 'callee',
      dtmf: '12#',
      holds: [true, false],
    });
  });

  it('keeps an answered call across a reconnect of the same device and routes to the new socket', async () => {
    const a = await connect('agent1', 'a');
    const b = await connect('agent2', 'b');
    const { callId } = await a.request(26, { fromNumber: 'agent1', toNumber: 'agent2' });
    await b.waitFor(33);
    await b.request(31, { callId, code: 200 });
    a.ws.close();
    await a.closed();
    const again = await connect('agent1', 'a'); // same deviceId, as the SDK does on reconnect
    await b.request(36, { callId, info: 'still there?' });
    expect((await again.waitFor(37)).body).toEqual({ callId, info: 'still there?' });
    expect(await again.request(205, { callId })).toMatchObject({ exist: true });
    await again.request(28, { callId });
    await b.waitFor(30);
  });

  it.each([
    ['a configured user who is offline', 'agent3', 'unreachable', 'server'],
    ['an extension whose user is offline', '103', 'unreachable', 'server'],
  ])('calling %s ends with 480 once the caller has a peer connection', async (_n, to, result, endedBy) => {
    const a = await connect('agent1');
    const { callId } = await a.request(26, { fromNumber: 'agent1', toNumber: to });
    await a.waitFor(32, (x) => x.code === 100);
    await sleep(100);
    expect(a.pushes(32).some((x) => x.code === 480)).toBe(false);
    a.send(27, { callId, type: 'candidate', data: LOOPBACK_CAND });
    await a.waitFor(32, (x) => x.code === 480);
    expect(sandbox.callLog().find((e) => e.callId === callId)).toMatchObject({ result, endedBy, calleeUserId: 'agent3' });
  });

  it('times out unanswered calls: 480 to the caller, 30 to the ringing devices', async () => {
    const a = await connect('agent1', 'a');
    const b = await connect('agent2', 'b');
    const { callId } = await a.request(26, { fromNumber: 'agent1', toNumber: '102' });
    await b.waitFor(33);
    await a.waitFor(32, (x) => x.code === 480, 3000);
    await b.waitFor(30, (x) => x.callId === callId);
    expect(sandbox.callLog().find((e) => e.callId === callId)).toMatchObject({ result: 'noAnswer', endedBy: 'timeout' });
  });

  it('a caller cancel sends 30 to the ringing devices; a callee reject sends 486 to the caller', async () => {
    const a = await connect('agent1', 'a');
    const b = await connect('agent2', 'b');
    const first = await a.request(26, { fromNumber: 'agent1', toNumber: 'agent2' });
    await b.waitFor(33, (x) => x.callId === first.callId);
    expect(await a.request(28, { callId: first.callId, reasonEndcall: '' })).toMatchObject({ r: 0 });
    await b.waitFor(30, (x) => x.callId === first.callId);

    const second = await a.request(26, { fromNumber: 'agent1', toNumber: 'agent2' });
    await b.waitFor(33, (x) => x.callId === second.callId);
    expect(await b.request(31, { callId: second.callId, code: 486, reasonEndcall: '' })).toMatchObject({ r: 0 });
    expect((await a.waitFor(32, (x) => x.callId === second.callId && x.code === 486)).body).toMatchObject({ reason: 'Busy Here', deviceId: 'web-b' });

    const log = sandbox.callLog();
    expect(log.find((e) => e.callId === first.callId)).toMatchObject({ result: 'cancelled', endedBy: 'caller' });
    expect(log.find((e) => e.callId === second.callId)).toMatchObject({ result: 'rejected', endedBy: 'callee' });
  });
});

describe('PSTN signalling without media', () => {
  it.each([
    ['84913000002', 486, 'busy'],
    ['84943000004', 404, 'unreachable'],
  ])('%s ends with 32/%i (%s)', async (to, code, result) => {
    const a = await connect('agent1');
    const res = await a.request(26, { fromNumber: '84916000222', toNumber: to, custom: '' });
    expect(res).toMatchObject({ r: 0, toType: 'external', peerToPeerCall: false, iceServers: [] });
    await a.waitFor(32, (x) => x.code === 100);
    a.send(27, { callId: res.callId, type: 'candidate', data: LOOPBACK_CAND });
    await a.waitFor(32, (x) => x.code === code, 3000);
    expect(a.pushes(32).map((x) => x.code)).toEqual([100, code]);
    expect(a.pushes(29)).toEqual([]);
    expect(sandbox.callLog().at(-1)).toMatchObject({ type: 'external', result, to, from: '84916000222' });
  });

  it('refuses a fromNumber that is not a hotline, with no callId', async () => {
    const a = await connect('agent1');
    const res = await a.request(26, { fromNumber: '84912345678', toNumber: '84987654321' });
    expect(res.r).not.toBe(0);
    expect(res.callId).toBeUndefined();
    expect(sandbox.callLog().at(-1)).toMatchObject({ result: 'refused', from: '84912345678', type: 'external' });
    expect(a.pushes(32)).toEqual([]);
  });

  it('uses the behaviour set at runtime', async () => {
    sandbox.setPhoneBehaviour('84987654321', { kind: 'busy', afterSec: 0 });
    const a = await connect('agent1');
    const { callId } = await a.request(26, { fromNumber: '84966000111', toNumber: '84987654321' });
    a.send(27, { callId, type: 'candidate', data: LOOPBACK_CAND });
    await a.waitFor(32, (x) => x.code === 486);
  });
});

describe('devices and presence', () => {
  it('announces other devices of the same user (104) and drops only the chosen user', async () => {
    const a1 = await connect('agent1', 'a1');
    const a2 = await connect('agent1', 'a2');
    const b = await connect('agent2', 'b');
    expect((await a1.waitFor(104)).body).toEqual({ userId: 'agent1', clientId: 'web-a2', browserId: 'browser-test', status: 'connected' });
    expect(b.pushes(104)).toEqual([]);

    sandbox.dropConnections('agent1');
    await Promise.all([a1.closed(), a2.closed()]);
    await sleep(50);
    expect(b.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('a reconnecting device replaces its old socket without a "disconnected" notice', async () => {
    const a1 = await connect('agent1', 'a1');
    const a2 = await connect('agent1', 'a2');
    const again = await RawClient.open(sandbox.wsUrl, 'a2');
    clients.push(again);
    expect((await again.authen(sandbox.issueToken('agent1'))).r).toBe(0);
    await a2.closed();
    await sleep(50);
    expect(a1.pushes(104).map((x) => x.status)).toEqual(['connected']);
    again.ws.close();
    await a1.waitFor(104, (x) => x.status === 'disconnected');
  });
});

describe('HTTP', () => {
  const get = (path: string, init?: RequestInit) => fetch(`${sandbox.httpUrl}${path}`, init);
  const post = (path: string, body: unknown) =>
    get(path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

  it('issues demo tokens that the socket accepts, honouring ttl and the clock offset', async () => {
    sandbox.setClockOffset(1000);
    const res = await get('/token?userId=someone-new&ttl=60');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await res.json()) as { token: string; userId: string; expiresAt: number };
    expect(body.userId).toBe('someone-new');
    expect(Math.abs(body.expiresAt - (Date.now() / 1000 + 1060))).toBeLessThan(3);
    const c = await RawClient.open(sandbox.wsUrl, 'n');
    clients.push(c);
    expect(await c.authen(body.token)).toMatchObject({ r: 0, userId: 'someone-new' });
  });

  it.each([
    ['GET', '/token', 400],
    ['GET', '/token?userId=a&ttl=-5', 400],
    ['GET', '/nope', 404],
    ['POST', '/admin/clock', 400],
    ['POST', '/admin/phones', 400],
    ['POST', '/admin/calls/call-vn-1-X-1/hangup', 404],
    ['DELETE', '/calls', 405],
  ])('%s %s → %i', async (method, path, status) => {
    const res = await get(path, { method, body: method === 'POST' ? '{}' : undefined });
    expect(res.status).toBe(status);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('POST /admin/phones/call starts an inbound call like callFromPhone, and validates its input', async () => {
    // Nobody of agent3 is connected, so no media leg is ever opened.
    const res = await post('/admin/phones/call', { from: '84987001122', to: 'agent3', hotline: '84916000222' });
    expect(res.status).toBe(200);
    const { callId } = (await res.json()) as { callId: string };
    expect(sandbox.callLog().find((c) => c.callId === callId)).toMatchObject({
      type: 'external',
      direction: 'inbound',
      from: '84987001122',
      to: '84916000222',
      calleeUserId: 'agent3',
      result: 'unreachable',
    });
    const direct = sandbox.callFromPhone('84987001122', 'agent3');
    expect(sandbox.callLog().find((c) => c.callId === direct)?.to).toBe('84966000111');
    for (const bad of [{ from: '0987001122', to: 'agent1' }, { from: '84987001122' }, { from: '84987001122', to: 'agent1', hotline: '8411' }]) {
      const r = await post('/admin/phones/call', bad);
      expect(r.status).toBe(400);
      expect(((await r.json()) as { error: string }).error).toMatch(/from|to|hotline/);
    }
    expect(() => sandbox.callFromPhone('+84987001122', 'agent1')).toThrow(/84/);
  });

  it('answers CORS preflight', async () => {
    const res = await get('/admin/phones', { method: 'OPTIONS', headers: { 'Access-Control-Request-Method': 'POST' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('drives the sandbox like the JS API', async () => {
    expect(await (await post('/admin/clock', { offsetSec: 30 })).json()).toEqual({ ok: true, offsetSec: 30 });
    expect((await post('/admin/phones', { number: '84987654321', behaviour: { kind: 'unreachable' } })).status).toBe(200);
    expect((await post('/admin/phones', { number: '84987654321', behaviour: { kind: 'x' } })).status).toBe(400);
    const a = await connect('agent1');
    const { callId } = await a.request(26, { fromNumber: '84966000111', toNumber: '84987654321' });
    a.send(27, { callId, type: 'candidate', data: LOOPBACK_CAND });
    await a.waitFor(32, (x) => x.code === 404);
    const calls = (await (await get('/calls')).json()) as Array<{ callId: string; result: string }>;
    expect(calls.find((c) => c.callId === callId)?.result).toBe('unreachable');
    expect(await (await post('/admin/drop', {})).json()).toEqual({ ok: true, dropped: 1 });
    await a.closed();
  });

  describe('/v1/number checks the REST token like Stringee', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const rest = (over: object = {}, secret = API_KEY.secret) =>
      signJwt(secret, { jti: `${API_KEY.sid}-${now()}`, iss: API_KEY.sid, exp: now() + 300, rest_api: true, ...over });
    it.each<[string, () => RequestInit | string, number, number | undefined]>([
      ['a REST token in X-STRINGEE-AUTH', () => ({ headers: { 'X-STRINGEE-AUTH': rest() } }), 200, 0],
      ['a REST token as ?access_token=', () => `?access_token=${rest()}`, 200, 0],
      ['no token', () => ({}), 401, 1],
      ['a token signed with another secret', () => ({ headers: { 'X-STRINGEE-AUTH': rest({}, 'not-the-secret') } }), 401, 6],
      ['a key the project does not have', () => ({ headers: { 'X-STRINGEE-AUTH': rest({ iss: 'SKsomeOtherProject0001' }) } }), 401, 5],
      ['an expired token', () => ({ headers: { 'X-STRINGEE-AUTH': rest({ exp: now() - 5 }) } }), 401, 6],
      ['an access token (no rest_api)', () => ({ headers: { 'X-STRINGEE-AUTH': rest({ rest_api: undefined, userId: 'agent1' }) } }), 401, 7],
    ])('%s → HTTP %d, r=%s', async (_, how, status, r) => {
      const h = how();
      const res = typeof h === 'string' ? await get(`/v1/number${h}`) : await get('/v1/number', h);
      expect(res.status).toBe(status);
      expect(((await res.json()) as { r: number }).r).toBe(r);
    });
  });

  it.each([
    ['/sdk-client.html', 'text/html', 'window.sdk'],
    ['/sdk-client.js', 'text/javascript', 'window.sdk'],
    ['/demo', 'text/html', 'Demo CRM'],
    ['/demo.js', 'text/javascript', '/config'],
    ['/stringee.js', 'text/javascript', 'var exports'],
    ['/numbers', 'application/json', '"phone_number"'],
    ['/config', 'application/json', '"hotlines"'],
  ])('serves %s', async (path, type, snippet) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    const text = await res.text();
    expect(text.includes(snippet) || (path === '/sdk-client.html' && text.includes('sdk-client.js'))).toBe(true);
  });
});

describe('stop()', () => {
  it('closes sockets and resolves quickly', async () => {
    const a = await connect('agent1');
    const t0 = Date.now();
    await sandbox.stop();
    await a.closed();
    expect(Date.now() - t0).toBeLessThan(1000);
    await expect(fetch(`${sandbox.httpUrl}/calls`)).rejects.toThrow();
  });
});
