import { StringeeCall, type StringeeClient } from 'stringee';
import { applySignaling, endCall, isLive, newCallView } from '@/utils/call/call-state';
import type { CallMode, CallView, EndReason } from '@/utils/call/types';
import type { ControlAction, ControlResult, MediaStats } from '@/utils/messaging/protocol';

const MEDIA_TIMEOUT_MS = 10_000;

/** Where the call's media plays: remote audio (and video), and the local camera preview. */
export interface MediaSinks {
  remote: HTMLMediaElement;
  local?: HTMLVideoElement;
}

/** Another document's screen for the call's video (a call window); its sound plays here. */
export interface VideoViewer {
  remote: HTMLVideoElement;
  local: HTMLVideoElement;
}

export interface PlaceCall {
  from: string;
  to: string;
  mode: CallMode;
  custom: string;
  dtmfAfterConnect?: string | undefined;
}

/**
 * One call placed through the SDK. Keeps the SDK's rules: every callback is guarded (an
 * exception inside one tears the call down), hang-up before Stringee's callId is deferred until
 * it arrives, and remote audio is attached by us (the SDK only hands over the stream).
 */
export class CallSession {
  view: CallView;
  private sdkCall: StringeeCall | null = null;
  private hangupWanted = false;
  private localStreamReady = false;
  /** The streams as the SDK last handed them over, for viewers that come later. */
  private remoteStream: MediaStream | null = null;
  private localStream: MediaStream | null = null;
  private readonly viewers = new Set<VideoViewer>();

  constructor(
    readonly req: PlaceCall,
    private readonly media: MediaSinks,
    private readonly onChange: (view: CallView) => void,
    direction: CallView['direction'] = 'outgoing',
  ) {
    this.view = newCallView({ direction, mode: req.mode, from: req.from, to: req.to });
  }

  get live(): boolean {
    return isLive(this.view);
  }

  /** Ended for us, but the hang-up still waits for Stringee's callId (the makeCall reply). */
  get owesHangup(): boolean {
    return this.hangupWanted;
  }

  /** A call someone placed to us: it rings until answered, declined, or given up. */
  static incoming(call: StringeeCall, media: MediaSinks, onChange: (view: CallView) => void): CallSession {
    const internal = call.fromInternal !== false;
    const mode = !internal ? 'callout' : call.isVideoCall ? 'video' : 'voice';
    const session = new CallSession({ from: call.fromNumber, to: call.toNumber, mode, custom: '' }, media, onChange, 'incoming');
    session.attach(call);
    session.view = { ...session.view, callId: call.callId || undefined };
    return session;
  }

  start(client: StringeeClient): void {
    if (!this.live) return; // hung up while connecting
    const call = new StringeeCall(client, this.req.from, this.req.to, this.req.mode === 'video');
    call.custom = this.req.custom;
    this.attach(call);
    call.makeCall((res) =>
      this.guard(() => {
        const owed = this.hangupWanted;
        this.hangupWanted = false;
        if (res.r !== 0) {
          this.finish(res.r === 1000 ? 'micDenied' : 'refused', res.message);
          // Ended already: listeners hear again that nothing is owed any more.
          if (owed) this.update(this.view);
          return;
        }
        // Sent before listeners hear of it, so one that signs out then does not lose it.
        if (owed) call.hangup();
        this.update({ ...this.view, callId: call.callId || undefined });
      }),
    );
  }

  /** Answers an incoming call. The SDK gives the callee no "Answered" state: its reply is it. */
  answer(): Promise<boolean> {
    const call = this.sdkCall;
    if (!call || this.view.phase !== 'incoming') return Promise.resolve(false);
    return new Promise((resolve) =>
      call.answer((res) =>
        this.guard(() => {
          if (res.r === 0) this.update({ ...this.view, phase: 'answered', answeredAt: Date.now() });
          else this.finish('failed', `r=${res.r}`);
          resolve(res.r === 0);
        }),
      ),
    );
  }

  /** Declines an incoming call: the caller hears busy. */
  decline(): void {
    if (this.view.phase !== 'incoming') return;
    this.sdkCall?.reject();
    this.finish('declined');
  }

  private attach(call: StringeeCall): void {
    this.sdkCall = call;
    call.on('otherdevice', (e: { type?: string; code?: number }) =>
      this.guard(() => {
        // Another device of ours answered or declined: this one stops ringing.
        if (e.type === 'CALL_STATE' && e.code === 200) this.finish('answeredElsewhere');
        else this.finish('missed');
      }),
    );
    call.on('signalingstate', (s) => this.guard(() => this.onSignaling(s)));
    call.on('mediastate', (s) =>
      this.guard(() =>
        this.update({ ...this.view, mediaConnected: s.code === 1, mediaStalled: s.code === 1 ? false : this.view.mediaStalled }),
      ),
    );
    call.on('addlocalstream', (stream) =>
      this.guard(() => {
        this.localStreamReady = true;
        if (this.view.muted) call.mute(true);
        if (!stream) return;
        this.localStream = stream;
        for (const sinks of this.sinks()) if (sinks.local) showLocal(sinks.local, stream);
        // The capture rules drop a camera that cannot be used: say so, the call goes on.
        if (this.req.mode === 'video' && stream.getVideoTracks().length === 0) this.update({ ...this.view, noCamera: true });
      }),
    );
    call.on('addremotestream', (stream) =>
      this.guard(() => {
        if (!stream) return;
        this.remoteStream = stream;
        for (const sinks of this.sinks()) showRemote(sinks.remote, stream);
      }),
    );
    call.on('error', (e) =>
      this.guard(() => this.finish(e.code === 1000 ? 'micDenied' : 'failed', e.reason ?? e.message)),
    );
  }

  /**
   * Shows the call's video in another document's elements as well (the SDK call stays here, and
   * so does its sound: the viewer's remote video is muted). Returns the detach function, or
   * null once the call has ended.
   */
  addViewer(viewer: VideoViewer): (() => void) | null {
    if (!this.live) return null;
    this.viewers.add(viewer);
    viewer.remote.muted = true;
    if (this.remoteStream) showRemote(viewer.remote, this.remoteStream);
    if (this.localStream) showLocal(viewer.local, this.localStream);
    return () => {
      if (!this.viewers.delete(viewer)) return;
      viewer.remote.srcObject = null;
      viewer.local.srcObject = null;
    };
  }

  /** Our hang-up: ends the call at once in the UI, and at Stringee as soon as it can. */
  hangup(): void {
    if (!this.live) return;
    if (this.view.phase === 'incoming') return this.decline();
    const call = this.sdkCall;
    // Before Stringee's callId exists a CALL_STOP would carry an empty id and be lost.
    if (call?.callId) call.hangup();
    else this.hangupWanted = true;
    this.finish('hangup');
  }

  /** In-call controls. Each checks the SDK's own preconditions first: its methods throw or
   * silently do nothing in the wrong state (mute before the local stream exists, hold before
   * the answer). */
  control(action: ControlAction, digits?: string): Promise<ControlResult> {
    const call = this.sdkCall;
    if (!this.live || !call) return Promise.resolve({ ok: false, error: 'noCall' });
    if (action === 'mute' || action === 'unmute') {
      const muted = action === 'mute';
      // Muted before the microphone is up: applied as soon as the local stream arrives.
      if (this.localStreamReady) call.mute(muted || this.view.onHold);
      this.update({ ...this.view, muted });
      return Promise.resolve({ ok: true });
    }
    if (action === 'cameraOff' || action === 'cameraOn') {
      if (!this.localStreamReady || this.req.mode !== 'video' || this.view.noCamera) return Promise.resolve({ ok: false, error: 'refused' });
      call.enableLocalVideo(action === 'cameraOn');
      this.update({ ...this.view, cameraOff: action === 'cameraOff' });
      return Promise.resolve({ ok: true });
    }
    if (this.view.phase !== 'answered') return Promise.resolve({ ok: false, error: 'notAnswered' });
    if (action === 'dtmf') {
      if (!digits) return Promise.resolve({ ok: false, error: 'refused' });
      this.update({ ...this.view, dtmfSent: (this.view.dtmfSent + digits).slice(-32) });
      return new Promise((resolve) => call.sendDtmf(digits, (r) => resolve({ ok: r.r === 0, error: r.r === 0 ? undefined : 'refused' })));
    }
    const hold = action === 'hold';
    if (hold === this.view.onHold) return Promise.resolve({ ok: true });
    return new Promise((resolve) => {
      // Server hold: Stringee plays its hold music to the other side. The microphone is
      // silenced too, so nothing said in the room reaches the customer while on hold.
      const done = (r: { r: number }) =>
        this.guard(() => {
          if (r.r === 0) {
            if (this.localStreamReady) call.mute(hold || this.view.muted);
            this.update({ ...this.view, onHold: hold });
          }
          resolve({ ok: r.r === 0, error: r.r === 0 ? undefined : 'refused' });
        });
      if (hold) call.sendHold(true, done);
      else call.sendUnHold(done);
    });
  }

  fail(reason: EndReason, detail?: string): void {
    this.finish(reason, detail);
  }

  async mediaStats(): Promise<MediaStats> {
    const out: MediaStats = { packetsReceived: 0, packetsSent: 0, bytesReceived: 0, videoFramesDecoded: 0 };
    const pc = this.sdkCall?._pc;
    if (!pc) return out;
    type Report = { type: string; kind?: string; packetsReceived?: number; packetsSent?: number; bytesReceived?: number; framesDecoded?: number };
    (await pc.getStats()).forEach((r: Report) => {
      if (r.type === 'inbound-rtp' && r.kind === 'audio') {
        out.packetsReceived += r.packetsReceived ?? 0;
        out.bytesReceived += r.bytesReceived ?? 0;
      }
      if (r.type === 'inbound-rtp' && r.kind === 'video') out.videoFramesDecoded += r.framesDecoded ?? 0;
      if (r.type === 'outbound-rtp' && r.kind === 'audio') out.packetsSent += r.packetsSent ?? 0;
    });
    return out;
  }

  private onSignaling(s: { code: number; reason?: string; sipCode?: number; sipReason?: string }): void {
    const wasAnswered = this.view.phase === 'answered';
    const next = applySignaling(this.view, s, Date.now());
    if (next.phase === 'ended') {
      // A caller who hangs up before we answer is a missed call, not a hang-up.
      const missed = this.view.phase === 'incoming';
      this.finish(missed ? 'missed' : (next.endReason ?? 'failed'), next.detail);
      return;
    }
    this.update({ ...next, callId: this.view.callId ?? (this.sdkCall?.callId || undefined) });
    if (!wasAnswered && next.phase === 'answered' && this.req.dtmfAfterConnect) {
      // Extensions written with the number ("ext 103") are dialled once the line is up.
      const digits = this.req.dtmfAfterConnect;
      setTimeout(() => this.sdkCall?.sendDtmf(digits), 1500);
    }
  }

  private finish(reason: EndReason, detail?: string): void {
    if (!this.live) return;
    for (const sinks of this.sinks()) {
      sinks.remote.srcObject = null;
      if (sinks.local) sinks.local.srcObject = null;
    }
    this.viewers.clear();
    this.remoteStream = null;
    this.localStream = null;
    this.update(endCall(this.view, reason, Date.now(), detail));
  }

  private sinks(): MediaSinks[] {
    return [this.media, ...this.viewers];
  }

  private update(view: CallView): void {
    if (view.phase === 'answered' && this.view.phase !== 'answered') this.watchMedia();
    this.view = view;
    this.onChange(view);
  }

  /** The SDK's mediastate never says "failed": if no media path is up some seconds after the
   * answer, say so, so the agent is not left talking into silence. */
  private watchMedia(): void {
    setTimeout(() => {
      if (this.live && this.view.phase === 'answered' && !this.view.mediaConnected) {
        this.update({ ...this.view, mediaStalled: true });
      }
    }, MEDIA_TIMEOUT_MS);
  }

  /** SDK callbacks must never throw: an exception there hangs the call up as a media error. */
  private guard(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      console.error('[call-host]', e);
    }
  }
}

function showRemote(el: HTMLMediaElement, stream: MediaStream): void {
  // Reassigning the same stream does not restart playback: clear it first.
  el.srcObject = null;
  el.srcObject = stream;
  void el.play().catch(() => undefined);
}

function showLocal(el: HTMLVideoElement, stream: MediaStream): void {
  el.muted = true; // never play our own microphone back
  el.srcObject = stream;
  void el.play().catch(() => undefined);
}
