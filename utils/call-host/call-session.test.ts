import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StringeeCall } from 'stringee';
import type { CallView } from '../call/types';
import { CallSession, type MediaSinks } from './call-session';

/** A stand-in for the SDK's call object: records what we ask of it, lets tests fire its events. */
function fakeCall(over: Partial<StringeeCall> = {}) {
  const handlers = new Map<string, (arg: unknown) => void>();
  const calls: string[] = [];
  const call = {
    callId: 'call-vn-1-TEST',
    fromNumber: 'agent2',
    toNumber: 'agent1',
    fromInternal: true,
    isVideoCall: false,
    on: (event: string, h: (arg: unknown) => void) => handlers.set(event, h),
    answer: (cb: (r: { r: number }) => void) => (calls.push('answer'), cb({ r: 0 })),
    reject: () => calls.push('reject'),
    hangup: () => calls.push('hangup'),
    mute: (m: boolean) => calls.push(`mute:${m}`),
    sendHold: (_: boolean, cb: (r: { r: number }) => void) => (calls.push('hold'), cb({ r: 0 })),
    sendUnHold: (cb: (r: { r: number }) => void) => (calls.push('unhold'), cb({ r: 0 })),
    sendDtmf: (d: string, cb: (r: { r: number }) => void) => (calls.push(`dtmf:${d}`), cb({ r: 0 })),
    ...over,
  } as unknown as StringeeCall;
  const fire = (event: string, arg?: unknown) => handlers.get(event)?.(arg);
  return { call, calls, fire };
}

const sinks = (): MediaSinks => ({ remote: { srcObject: null, play: () => Promise.resolve() } as unknown as HTMLMediaElement });

describe('CallSession (incoming)', () => {
  let views: CallView[];
  const last = () => views.at(-1)!;
  beforeEach(() => {
    views = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('rings, answers (no signalingstate comes for our own answer) and hangs up', async () => {
    const f = fakeCall();
    const s = CallSession.incoming(f.call, sinks(), (v) => views.push(v));
    expect(s.view).toMatchObject({ direction: 'incoming', phase: 'incoming', from: 'agent2', mode: 'voice', callId: 'call-vn-1-TEST' });
    expect(await s.answer()).toBe(true);
    expect(last()).toMatchObject({ phase: 'answered' });
    s.hangup();
    expect(f.calls).toEqual(['answer', 'hangup']);
    expect(last()).toMatchObject({ phase: 'ended', endReason: 'hangup' });
  });

  it.each([
    ['the caller gives up', (f: ReturnType<typeof fakeCall>) => f.fire('signalingstate', { code: 6, sipCode: -1, sipReason: 'Bye' }), 'missed'],
    ['another device answers', (f: ReturnType<typeof fakeCall>) => f.fire('otherdevice', { type: 'CALL_STATE', code: 200 }), 'answeredElsewhere'],
    ['another device declines', (f: ReturnType<typeof fakeCall>) => f.fire('otherdevice', { type: 'CALL_STATE', code: 486 }), 'missed'],
  ])('ends as %s', (_, act, reason) => {
    const f = fakeCall();
    CallSession.incoming(f.call, sinks(), (v) => views.push(v));
    act(f);
    expect(last()).toMatchObject({ phase: 'ended', endReason: reason });
  });

  it('declines with a busy reply, also when "hang up" is pressed while it rings', () => {
    const f = fakeCall();
    const s = CallSession.incoming(f.call, sinks(), (v) => views.push(v));
    s.hangup();
    expect(f.calls).toEqual(['reject']);
    expect(last()).toMatchObject({ phase: 'ended', endReason: 'declined' });
  });

  it('a call from a phone is a Call out in the log; a video call keeps its mode', () => {
    expect(CallSession.incoming(fakeCall({ fromInternal: false } as Partial<StringeeCall>).call, sinks(), () => {}).view.mode).toBe('callout');
    expect(CallSession.incoming(fakeCall({ isVideoCall: true } as Partial<StringeeCall>).call, sinks(), () => {}).view.mode).toBe('video');
  });

  it('says so when an answered call has no media path after 10 s, and clears it when media comes', async () => {
    const f = fakeCall();
    const s = CallSession.incoming(f.call, sinks(), (v) => views.push(v));
    await s.answer();
    vi.advanceTimersByTime(9_000);
    expect(last().mediaStalled).toBe(false);
    vi.advanceTimersByTime(1_500);
    expect(last().mediaStalled).toBe(true);
    f.fire('mediastate', { code: 1, reason: 'Connected' });
    expect(last()).toMatchObject({ mediaStalled: false, mediaConnected: true });
  });

  it('no stall warning when media connects in time', async () => {
    const f = fakeCall();
    const s = CallSession.incoming(f.call, sinks(), (v) => views.push(v));
    await s.answer();
    f.fire('mediastate', { code: 1, reason: 'Connected' });
    vi.advanceTimersByTime(20_000);
    expect(last().mediaStalled).toBe(false);
  });

  it('mutes only once the microphone exists, holds with the mic silenced, sends DTMF', async () => {
    const f = fakeCall();
    const s = CallSession.incoming(f.call, sinks(), (v) => views.push(v));
    await s.control('mute'); // before the local stream: remembered, SDK not touched (it would throw)
    expect(f.calls).toEqual([]);
    f.fire('addlocalstream', {});
    expect(f.calls).toEqual(['mute:true']);
    await s.answer();
    await s.control('unmute');
    await s.control('hold');
    expect(last()).toMatchObject({ onHold: true, muted: false });
    await s.control('resume');
    await s.control('dtmf', '12#');
    expect(f.calls).toEqual(['mute:true', 'answer', 'mute:false', 'hold', 'mute:true', 'unhold', 'mute:false', 'dtmf:12#']);
    expect(last().dtmfSent).toBe('12#');
  });

  it('refuses hold and DTMF before the answer', async () => {
    const s = CallSession.incoming(fakeCall().call, sinks(), () => {});
    expect(await s.control('hold')).toEqual({ ok: false, error: 'notAnswered' });
    expect(await s.control('dtmf', '1')).toEqual({ ok: false, error: 'notAnswered' });
  });
});

/** A <video> stand-in: what was shown, and whether it plays muted. */
const screen = () => ({ srcObject: null as unknown, muted: false, play: () => Promise.resolve() }) as unknown as HTMLVideoElement;
const stream = (videoTracks: number) => ({ getVideoTracks: () => Array.from({ length: videoTracks }, () => ({})) }) as unknown as MediaStream;

describe('CallSession (video to us, shown in a call window)', () => {
  let views: CallView[];
  const last = () => views.at(-1)!;
  beforeEach(() => (views = []));
  const videoCall = () => fakeCall({ isVideoCall: true } as Partial<StringeeCall>);

  it('a viewer gets the streams the SDK already handed over and later ones; its remote video is muted (the sound plays in the host)', async () => {
    const f = videoCall();
    const host = sinks();
    const s = CallSession.incoming(f.call, host, (v) => views.push(v));
    const camera = stream(1);
    const caller = stream(1);
    // An app-to-app call's streams arrive at ring time, before the answer and the window.
    f.fire('addlocalstream', camera);
    f.fire('addremotestream', caller);
    await s.answer();
    const viewer = { remote: screen(), local: screen() };
    const detach = s.addViewer(viewer)!;
    expect(viewer).toMatchObject({ remote: { srcObject: caller, muted: true }, local: { srcObject: camera, muted: true } });
    expect(host.remote.srcObject).toBe(caller);
    // A renegotiation hands over a new stream: both follow.
    const again = stream(1);
    f.fire('addremotestream', again);
    expect([viewer.remote.srcObject, host.remote.srcObject]).toEqual([again, again]);
    detach();
    expect([viewer.remote.srcObject, viewer.local.srcObject]).toEqual([null, null]);
    f.fire('addremotestream', caller);
    expect(viewer.remote.srcObject).toBeNull();
    expect(last().phase).toBe('answered');
  });

  it('the end of the call clears every viewer, and an ended call takes none', async () => {
    const f = videoCall();
    const s = CallSession.incoming(f.call, sinks(), (v) => views.push(v));
    f.fire('addremotestream', stream(1));
    await s.answer();
    const viewer = { remote: screen(), local: screen() };
    s.addViewer(viewer);
    f.fire('signalingstate', { code: 6, sipCode: -1, sipReason: 'Bye' });
    expect(last()).toMatchObject({ phase: 'ended', endReason: 'remoteHangup' });
    expect(viewer.remote.srcObject).toBeNull();
    expect(s.addViewer({ remote: screen(), local: screen() })).toBeNull();
  });

  it.each([
    ['with a camera', 1, false, { ok: true }],
    ['without one (the capture rules dropped it)', 0, true, { ok: false, error: 'refused' }],
  ])('a video call captured %s: noCamera %s, and the camera button', async (_, tracks, noCamera, result) => {
    const f = videoCall();
    const s = CallSession.incoming(f.call, sinks(), (v) => views.push(v));
    (f.call as unknown as { enableLocalVideo: () => boolean }).enableLocalVideo = () => true;
    f.fire('addlocalstream', stream(tracks));
    expect(s.view.noCamera).toBe(noCamera);
    expect(await s.control('cameraOff')).toEqual(result);
  });
});

describe('CallSession (placed)', () => {
  it('a hang-up before Stringee\'s callId is owed until the makeCall reply, sent then, and listeners hear it is settled', async () => {
    const views: CallView[] = [];
    let reply: ((r: { r: number }) => void) | undefined;
    const sent: string[] = [];
    vi.doMock('stringee', () => ({
      StringeeCall: class {
        callId = '';
        custom = '';
        on() {}
        makeCall(cb: (r: { r: number }) => void) {
          // The SDK has Stringee's callId by the time it calls back (the 26 reply brought it).
          reply = (r) => ((this.callId = 'call-vn-1-X'), cb(r));
        }
        hangup() {
          sent.push(`hangup:${this.callId}`);
        }
      },
    }));
    vi.resetModules();
    const { CallSession: Session } = await import('./call-session');
    const s = new Session({ from: 'agent1', to: '103', mode: 'video', custom: '' }, sinks(), (v) => views.push({ ...v }));
    s.start({} as never);
    s.hangup();
    expect(views.at(-1)).toMatchObject({ phase: 'ended', endReason: 'hangup' });
    expect(s.owesHangup).toBe(true);
    expect(sent).toEqual([]);
    const count = views.length;
    reply!({ r: 0 });
    expect(sent).toEqual(['hangup:call-vn-1-X']);
    expect(s.owesHangup).toBe(false);
    expect(views.length).toBe(count + 1);
    vi.doUnmock('stringee');
  });
});
