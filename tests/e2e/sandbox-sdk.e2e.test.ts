// The unmodified Stringee SDK (in Chromium, through sandbox/static/sdk-client.html) against the
// sandbox: internal calls, PSTN calls with real media, refusals, and the expired-token flow.
import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startSandbox, type CallLogEntry, type Sandbox } from '../../sandbox/index';
import { assertLoopbackOnly, launchChromium } from './lib/chromium';

assertLoopbackOnly();

const HOTLINE_VIETTEL = '84966000111';
const BUSY = '84913000002';
const UNREACHABLE = '84943000004';
const NO_ANSWER = '84903000003';
const RING_TIMEOUT_SEC = 8;

interface SdkEvent {
  type: string;
  data: Record<string, unknown> | null;
  at: number;
}
interface Stats {
  packetsReceived: number;
  packetsSent: number;
  /** Energy of the decoded inbound audio: > 0 means something audible arrived. */
  totalAudioEnergy: number;
}
interface Reply {
  r: number;
  message?: string;
  callId?: string;
  toType?: string;
  userId?: string;
}
/** What sdk-client.js puts on window (see the page for the full list). */
interface SdkHarness {
  events: SdkEvent[];
  connect(wsUrl: string, token: string): Promise<Reply>;
  makeCall(from: string, to: string, video: boolean): Promise<Reply>;
  answer(): Promise<Reply>;
  reject(): Promise<Reply>;
  hangup(): void;
  sendDtmf(digits: string): Promise<Reply>;
  sendHold(hold: boolean): Promise<Reply>;
  hold(): boolean;
  unhold(): boolean;
  stats(): Promise<Stats>;
  setAutoAnswer(on: boolean, delayMs?: number): void;
  state(): unknown;
  clearEvents(): void;
}
type SdkWindow = Window & { sdk: SdkHarness };

let sandbox: Sandbox;
let browser: BrowserContext;
let pages: Page[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, ringTimeoutSec: RING_TIMEOUT_SEC });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.stop();
});

afterEach(async () => {
  await Promise.all(pages.map((p) => p.close()));
  pages = [];
  sandbox.setClockOffset(0);
});

async function client(userId: string): Promise<Page> {
  const page = await browser.newPage();
  pages.push(page);
  if (process.env.E2E_DEBUG) page.on('console', (m) => console.log(`[${userId}] ${m.text()}`));
  await page.goto(`${sandbox.httpUrl}/sdk-client.html`);
  const res = await page.evaluate(
    ([url, token]) => (window as unknown as SdkWindow).sdk.connect(url, token),
    [sandbox.wsUrl, sandbox.issueToken(userId)] as const,
  );
  expect(res).toMatchObject({ r: 0, userId });
  return page;
}

function makeCall(page: Page, from: string, to: string): Promise<Reply> {
  return page.evaluate(([f, t]) => (window as unknown as SdkWindow).sdk.makeCall(f, t, false), [from, to] as const);
}

function stats(page: Page): Promise<Stats> {
  return page.evaluate(() => (window as unknown as SdkWindow).sdk.stats());
}

function events(page: Page): Promise<SdkEvent[]> {
  return page.evaluate(() => (window as unknown as SdkWindow).sdk.events);
}

/** Waits until the page has recorded an event of `type` whose data contains `match`. */
async function waitEvent(page: Page, type: string, match: Record<string, unknown> = {}, timeout = 20_000): Promise<SdkEvent> {
  const handle = await page.waitForFunction(
    ([t, m]) =>
      (window as unknown as SdkWindow).sdk.events.find(
        (e) => e.type === t && Object.entries(m).every(([k, v]) => e.data !== null && e.data[k] === v),
      ),
    [type, match] as const,
    { timeout, polling: 50 },
  );
  return (await handle.jsonValue()) as SdkEvent;
}

async function eventually<T>(fn: () => Promise<T> | T, what: string, timeoutMs = 15_000): Promise<Exclude<T, false | null | undefined | 0 | ''>> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last as Exclude<T, false | null | undefined | 0 | ''>;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}; last value ${JSON.stringify(last)}`);
}

function logEntry(callId: string): CallLogEntry {
  const e = sandbox.callLog().find((c) => c.callId === callId);
  if (!e) throw new Error(`no call log entry for ${callId}`);
  return e;
}

describe('internal calls between two SDK clients', () => {
  it('agent1 calls agent2, who answers; audio flows both ways; the caller hangs up', async () => {
    const a = await client('agent1');
    const b = await client('agent2');
    const res = await makeCall(a, 'agent1', 'agent2');
    expect(res).toMatchObject({ r: 0, toType: 'internal' });
    const callId = res.callId!;
    await waitEvent(b, 'incomingcall', { callId, fromNumber: 'agent1', fromInternal: true });
    expect(await b.evaluate(() => (window as unknown as SdkWindow).sdk.answer())).toMatchObject({ r: 0 });

    await waitEvent(a, 'signalingstate', { callId, code: 3 });
    await waitEvent(a, 'mediastate', { code: 1 });
    await waitEvent(b, 'mediastate', { code: 1 });
    await eventually(async () => (await stats(a)).packetsReceived > 0 && (await stats(b)).packetsReceived > 0, 'RTP both ways');
    expect((await stats(a)).packetsSent).toBeGreaterThan(0);

    await a.evaluate(() => (window as unknown as SdkWindow).sdk.hangup());
    await waitEvent(b, 'signalingstate', { callId, code: 6, sipCode: -1 });
    const entry = await eventually(() => logEntry(callId).endedAt !== undefined && logEntry(callId), 'log entry ended');
    expect(entry).toMatchObject({
      type: 'internal',
      from: 'agent1',
      to: 'agent2',
      callerUserId: 'agent1',
      calleeUserId: 'agent2',
      result: 'answered',
      endedBy: 'caller',
      video: false,
    });
    expect(entry.answeredAt).toBeGreaterThanOrEqual(entry.startedAt);
    expect(entry.durationSec).toBeGreaterThanOrEqual(0);
  });

  it('dialling extension 102 rings agent2; a reject reaches the caller as 486', async () => {
    const a = await client('agent1');
    const b = await client('agent2');
    const res = await makeCall(a, 'agent1', '102');
    expect(res.r).toBe(0);
    await waitEvent(b, 'incomingcall', { callId: res.callId! });
    expect(await b.evaluate(() => (window as unknown as SdkWindow).sdk.reject())).toMatchObject({ r: 0 });
    await waitEvent(a, 'signalingstate', { callId: res.callId!, code: 5, sipCode: 486 });
    await eventually(() => logEntry(res.callId!).result === 'rejected', 'rejected in the log');
    expect(logEntry(res.callId!)).toMatchObject({ calleeUserId: 'agent2', endedBy: 'callee', to: '102' });
  });
});

describe('PSTN calls through the simulated phone network', () => {
  it('calls a default 84 number from a hotline: early media, answer, audio, DTMF, far-end hang-up', async () => {
    const a = await client('agent1');
    const res = await makeCall(a, HOTLINE_VIETTEL, '84987654321');
    expect(res).toMatchObject({ r: 0, toType: 'external' });
    const callId = res.callId!;

    await waitEvent(a, 'signalingstate', { callId, code: 1, sipCode: 100 });
    await waitEvent(a, 'signalingstate', { callId, code: 2, sipCode: 183 });
    await waitEvent(a, 'signalingstate', { callId, code: 3, sipCode: 200 });
    await waitEvent(a, 'mediastate', { code: 1 });
    const seen = await events(a);
    const remoteAt = seen.findIndex((e) => e.type === 'addremotestream');
    const answeredAt = seen.findIndex((e) => e.type === 'signalingstate' && e.data?.code === 3);
    expect(remoteAt).toBeGreaterThanOrEqual(0);
    expect(remoteAt).toBeLessThan(answeredAt); // early media: the phone's answer SDP came before 200

    await eventually(async () => (await stats(a)).packetsReceived > 0, 'SDK receives the phone audio');
    await eventually(async () => (await stats(a)).totalAudioEnergy > 0, 'the phone audio is not silence');
    await eventually(() => (logEntry(callId).media?.packetsReceived ?? 0) > 0, 'gateway receives the SDK audio');

    for (const d of ['1', '2', '#']) {
      expect(await a.evaluate((x) => (window as unknown as SdkWindow).sdk.sendDtmf(x), d)).toMatchObject({ r: 0 });
    }
    expect(logEntry(callId).dtmf).toBe('12#');

    sandbox.hangupFromPhone(callId);
    await waitEvent(a, 'signalingstate', { callId, code: 6, sipCode: -1 });
    expect(logEntry(callId)).toMatchObject({
      type: 'external',
      direction: 'outbound',
      from: HOTLINE_VIETTEL,
      to: '84987654321',
      callerUserId: 'agent1',
      result: 'answered',
      endedBy: 'callee',
    });
    expect(logEntry(callId).media!.packetsSent).toBeGreaterThan(0);
  });

  it('answers hold/unhold re-offers: the phone goes quiet on hold and talks again after', async () => {
    const a = await client('agent1');
    const res = await makeCall(a, '84906000333', '84983000001');
    const callId = res.callId!;
    await waitEvent(a, 'signalingstate', { callId, code: 3 });
    await eventually(async () => (await stats(a)).packetsReceived > 0, 'audio before hold');

    expect(await a.evaluate(() => (window as unknown as SdkWindow).sdk.sendHold(true))).toMatchObject({ r: 0 });
    expect(await a.evaluate(() => (window as unknown as SdkWindow).sdk.sendHold(false))).toMatchObject({ r: 0 });
    expect(logEntry(callId).holds).toEqual([true, false]);

    // Local hold: a sendonly re-offer; the phone's answer is recvonly, so its audio stops.
    expect(await a.evaluate(() => (window as unknown as SdkWindow).sdk.hold())).toBe(true);
    await new Promise((r) => setTimeout(r, 1000));
    const held = (await stats(a)).packetsReceived;
    await new Promise((r) => setTimeout(r, 1000));
    expect((await stats(a)).packetsReceived - held).toBeLessThan(5);

    const remoteBefore = (await events(a)).filter((e) => e.type === 'addremotestream').length;
    expect(await a.evaluate(() => (window as unknown as SdkWindow).sdk.unhold())).toBe(true);
    await eventually(async () => (await stats(a)).packetsReceived > held + 20, 'audio after unhold');
    expect((await events(a)).filter((e) => e.type === 'addremotestream').length).toBeGreaterThan(remoteBefore);
    await a.evaluate(() => (window as unknown as SdkWindow).sdk.hangup());
    await eventually(() => logEntry(callId).endedBy === 'caller', 'caller hang-up logged');
    expect(logEntry(callId).result).toBe('answered');
  });

  it('a busy phone gives 486 (Busy here) and an unreachable one 404 (Ended)', async () => {
    const a = await client('agent1');
    const busy = await makeCall(a, HOTLINE_VIETTEL, BUSY);
    expect(busy.r).toBe(0);
    await waitEvent(a, 'signalingstate', { callId: busy.callId!, code: 5, sipCode: 486 });
    expect(logEntry(busy.callId!)).toMatchObject({ result: 'busy', endedBy: 'callee' });

    const unreachable = await makeCall(a, '842873001234', UNREACHABLE);
    expect(unreachable.r).toBe(0);
    await waitEvent(a, 'signalingstate', { callId: unreachable.callId!, code: 6, sipCode: 404 });
    const seen = await events(a);
    expect(seen.some((e) => e.type === 'signalingstate' && e.data?.callId === unreachable.callId && e.data?.code === 2)).toBe(false);
    expect(logEntry(unreachable.callId!)).toMatchObject({ result: 'unreachable' });
  });

  it('a phone that never answers rings (with ringback audio) until the ring timeout, then 480', async () => {
    const a = await client('agent1');
    const res = await makeCall(a, HOTLINE_VIETTEL, NO_ANSWER);
    await waitEvent(a, 'signalingstate', { callId: res.callId!, code: 2 });
    await eventually(async () => (await stats(a)).packetsReceived > 0, 'ringback packets before answer');
    await waitEvent(a, 'signalingstate', { callId: res.callId!, code: 6, sipCode: 480 }, (RING_TIMEOUT_SEC + 5) * 1000);
    expect(logEntry(res.callId!)).toMatchObject({ result: 'noAnswer', endedBy: 'timeout' });
  });

  it('refuses a call whose fromNumber is not a project hotline, and an un-normalised number', async () => {
    const a = await client('agent1');
    const before = sandbox.callLog().length;
    const res = await makeCall(a, '84999999999', '84987654321');
    expect(res.r).not.toBe(0);
    expect(res.message).toMatch(/FROM_NUMBER/);
    expect(res.callId).toBeUndefined();
    const res2 = await makeCall(a, HOTLINE_VIETTEL, '0987654321');
    expect(res2.r).not.toBe(0);
    expect(res2.message).toMatch(/TO_NUMBER/);
    const log = sandbox.callLog().slice(before);
    expect(log.map((e) => e.result)).toEqual(['refused', 'refused']);
    expect(log[0]).toMatchObject({ from: '84999999999', to: '84987654321', callerUserId: 'agent1' });
  });
});

describe('incoming calls from the phone network (a customer calls a hotline)', () => {
  const sdk = (page: Page) => page.evaluate(() => (window as unknown as SdkWindow).sdk.state());

  it('rings agent1; the agent answers; audio flows both ways; the customer hangs up', async () => {
    const a = await client('agent1');
    const customer = '84987001122';
    const callId = sandbox.callFromPhone(customer, 'agent1', { hotline: '842873001234' });
    const incoming = await waitEvent(a, 'incomingcall', { callId });
    expect(incoming.data).toMatchObject({ fromNumber: customer, toNumber: '842873001234', fromInternal: false, isVideoCall: false });
    // The phone's offer arrives while ringing; the SDK holds it until answer() (R3).
    await eventually(async () => ((await sdk(a)) as { pendingRemoteSdps: number }).pendingRemoteSdps === 1, 'the offer, stored');
    await new Promise((r) => setTimeout(r, 300));
    expect(((await sdk(a)) as { pendingRemoteSdps: number }).pendingRemoteSdps).toBe(1);
    expect((await stats(a)).packetsReceived).toBe(0);
    expect(await a.evaluate(() => (window as unknown as SdkWindow).sdk.answer())).toMatchObject({ r: 0 });

    await waitEvent(a, 'addremotestream', { callId });
    await waitEvent(a, 'mediastate', { callId, code: 1 });
    await eventually(async () => (await stats(a)).packetsReceived > 0, 'SDK receives the phone audio');
    await eventually(async () => (await stats(a)).totalAudioEnergy > 0, 'the phone audio is not silence');
    await eventually(() => (logEntry(callId).media?.packetsReceived ?? 0) > 0, 'the phone receives the SDK audio');
    expect(logEntry(callId)).toMatchObject({ answeredAt: expect.any(Number) });
    // Past the SDK's fake public candidates (≈1.2 s after its answer, R5): dropped, media goes on.
    const before = (await stats(a)).packetsReceived;
    await new Promise((r) => setTimeout(r, 1500));
    expect((await stats(a)).packetsReceived).toBeGreaterThan(before + 50);

    sandbox.hangupFromPhone(callId);
    await waitEvent(a, 'signalingstate', { callId, code: 6, sipCode: -1 });
    expect(logEntry(callId)).toMatchObject({
      type: 'external',
      direction: 'inbound',
      from: customer,
      to: '842873001234',
      callerUserId: '',
      calleeUserId: 'agent1',
      result: 'answered',
      endedBy: 'caller',
      video: false,
    });
    expect(logEntry(callId).media!.packetsSent).toBeGreaterThan(0);
    expect((await sdk(a)) as unknown).toMatchObject({ call: { ended: true } });
  });

  it('the agent declines: the call ends as rejected by the callee', async () => {
    const a = await client('agent1');
    const callId = sandbox.callFromPhone('84987001133', 'agent1');
    await waitEvent(a, 'incomingcall', { callId, toNumber: HOTLINE_VIETTEL });
    expect(await a.evaluate(() => (window as unknown as SdkWindow).sdk.reject())).toMatchObject({ r: 0 });
    await eventually(() => logEntry(callId).endedAt !== undefined, 'call ended in the log');
    expect(logEntry(callId)).toMatchObject({ direction: 'inbound', result: 'rejected', endedBy: 'callee', calleeUserId: 'agent1' });
    expect(logEntry(callId).answeredAt).toBeUndefined();
  });

  it('through HTTP, with auto-answer: the agent hangs up after the audio started', async () => {
    const a = await client('agent1');
    // Answers at once, usually before the phone's offer arrives: the SDK then applies it on arrival.
    await a.evaluate(() => (window as unknown as SdkWindow).sdk.setAutoAnswer(true, 0));
    const res = await fetch(`${sandbox.httpUrl}/admin/phones/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '84987001144', to: 'agent1', hotline: '84906000333' }),
    });
    expect(res.status).toBe(200);
    const { callId } = (await res.json()) as { callId: string };
    await waitEvent(a, 'answer', { r: 0 });
    await eventually(async () => (await stats(a)).packetsReceived > 0, 'SDK receives the phone audio');
    await eventually(() => (logEntry(callId).media?.packetsReceived ?? 0) > 0, 'the phone receives the SDK audio');
    await a.evaluate(() => (window as unknown as SdkWindow).sdk.hangup());
    await eventually(() => logEntry(callId).endedAt !== undefined, 'call ended in the log');
    expect(logEntry(callId)).toMatchObject({ to: '84906000333', result: 'answered', endedBy: 'callee' });
  });

  it('the customer gives up before the answer: the ringing page ends, logged as cancelled', async () => {
    const a = await client('agent1');
    const callId = sandbox.callFromPhone('84987001155', 'agent1');
    await waitEvent(a, 'incomingcall', { callId });
    await waitEvent(a, 'addlocalstream', { callId }); // the SDK captures the mic at ring time
    const res = await fetch(`${sandbox.httpUrl}/admin/calls/${encodeURIComponent(callId)}/hangup`, { method: 'POST' });
    expect(res.status).toBe(200);
    await waitEvent(a, 'signalingstate', { callId, code: 6, sipCode: -1 });
    expect(logEntry(callId)).toMatchObject({ result: 'cancelled', endedBy: 'caller', direction: 'inbound' });
  });
});

describe('token expiry', () => {
  it('after a drop the SDK reconnects with its stale token, gets r=6 and asks for a new token', async () => {
    const a = await client('agent1');
    await a.evaluate(() => (window as unknown as SdkWindow).sdk.clearEvents());
    sandbox.setClockOffset(7200);
    sandbox.dropConnections('agent1');

    await waitEvent(a, 'requestnewtoken');
    const seen = await events(a);
    const authen = seen.find((e) => e.type === 'authen');
    expect(authen?.data).toMatchObject({ r: 6 });
    await waitEvent(a, 'disconnect');
    // The SDK disconnects itself after r=6; a fresh token (valid on the moved clock) gets back in.
    await eventually(async () => (await events(a)).filter((e) => e.type === 'disconnect').length >= 2, 'SDK self-disconnect');
    const res = await a.evaluate(
      ([url, token]) => (window as unknown as SdkWindow).sdk.connect(url, token),
      [sandbox.wsUrl, sandbox.issueToken('agent1')] as const,
    );
    expect(res).toMatchObject({ r: 0, userId: 'agent1' });
  });
});

describe('stop()', () => {
  it('ends a live PSTN call, tells the SDK, and leaves no media process behind', async () => {
    // The shared sandbox may have a media worker of its own; count ours on top of it.
    const workers = () =>
      execFileSync('ps', ['-o', 'args=', '--ppid', String(process.pid)], { encoding: 'utf8' })
        .split('\n')
        .filter((c) => c.includes('media-worker')).length;
    const before = workers();
    const own = await startSandbox({ port: 0 });
    const page = await browser.newPage();
    pages.push(page);
    await page.goto(`${own.httpUrl}/sdk-client.html`);
    await page.evaluate(
      ([url, token]) => (window as unknown as SdkWindow).sdk.connect(url, token),
      [own.wsUrl, own.issueToken('agent3')] as const,
    );
    const res = await makeCall(page, HOTLINE_VIETTEL, '84983000001');
    await waitEvent(page, 'signalingstate', { callId: res.callId!, code: 3 });
    expect(workers()).toBe(before + 1);

    const t0 = Date.now();
    await own.stop();
    expect(Date.now() - t0).toBeLessThan(2000);
    await waitEvent(page, 'signalingstate', { callId: res.callId!, code: 6 });
    expect(own.callLog()[0]).toMatchObject({ result: 'answered', endedBy: 'server' });
    await eventually(() => workers() === before, 'the media worker to exit', 3000);
  });
});
