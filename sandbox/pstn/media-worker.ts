// Child process that terminates the SDK's peer connection for PSTN calls: the "phone" side.
// It runs native WebRTC (@roamhq/wrtc) away from the signalling server, so a native crash or the
// library's crash at process teardown never takes the sandbox (or a test runner) down with it.
import { createRequire } from 'node:module';
import { isLoopbackCandidate, stripNonLoopbackCandidates, type IceCandidateInit } from '../ice.js';
import type { FromWorker, ToWorker } from './media-messages.js';
import { FRAME_SAMPLES, SAMPLE_RATE, ToneGenerator, type ToneMode } from './tones.js';

type Wrtc = typeof import('@roamhq/wrtc');
const wrtc = createRequire(import.meta.url)('@roamhq/wrtc') as Wrtc;

const GATHER_WAIT_MS = 1500;
const STATS_EVERY_MS = 500;

function send(msg: FromWorker): void {
  if (process.connected) process.send?.(msg);
}

function gatheringDone(pc: RTCPeerConnection, maxMs: number): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(finish, maxMs);
    function finish(): void {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', onChange);
      resolve();
    }
    function onChange(): void {
      if (pc.iceGatheringState === 'complete') finish();
    }
    pc.addEventListener('icegatheringstatechange', onChange);
  });
}

class Leg {
  private readonly pc: RTCPeerConnection;
  private readonly source = new wrtc.nonstandard.RTCAudioSource();
  private readonly track: MediaStreamTrack;
  private readonly stream: MediaStream;
  private readonly tones = new ToneGenerator();
  private readonly frame = new Int16Array(FRAME_SAMPLES);
  /** Offers, answers and candidates are applied strictly in arrival order. */
  private queue: Promise<void> = Promise.resolve();
  private trackAdded = false;
  /** A local SDP (answer or the phone's own offer) went out; later candidates are trickled. */
  private localSdpSent = false;
  private closed = false;
  private readonly statsTimer: NodeJS.Timeout;
  private lastStats = { packetsReceived: 0, packetsSent: 0 };

  constructor(readonly legId: string) {
    this.pc = new wrtc.RTCPeerConnection({ iceServers: [] }) as unknown as RTCPeerConnection;
    this.track = this.source.createTrack() as unknown as MediaStreamTrack;
    this.stream = new wrtc.MediaStream([this.track as never]) as unknown as MediaStream;
    this.pc.onicecandidate = (ev) => {
      const c = ev.candidate;
      // Candidates found after the answer went out are trickled; earlier ones are inline in the SDP.
      if (!c || !this.localSdpSent || !isLoopbackCandidate(c.candidate)) return;
      send({ op: 'candidate', legId, candidate: { candidate: c.candidate, sdpMid: c.sdpMid, sdpMLineIndex: c.sdpMLineIndex } });
    };
    this.pc.oniceconnectionstatechange = () => send({ op: 'ice', legId, state: this.pc.iceConnectionState });
    this.statsTimer = setInterval(() => void this.reportStats(), STATS_EVERY_MS);
  }

  offer(sdp: string): void {
    this.enqueue(async () => {
      await this.pc.setRemoteDescription({ type: 'offer', sdp });
      if (!this.trackAdded) {
        // Added after the remote offer so it takes over the offered audio transceiver, with a=msid.
        this.pc.addTrack(this.track, this.stream);
        this.trackAdded = true;
      }
      await this.pc.setLocalDescription(await this.pc.createAnswer());
      if (!this.localSdpSent) await gatheringDone(this.pc, GATHER_WAIT_MS);
      if (this.closed) return;
      const local = this.pc.localDescription;
      if (!local) throw new Error('no local description');
      this.localSdpSent = true;
      send({ op: 'answer', legId: this.legId, sdp: stripNonLoopbackCandidates(local.sdp) });
    });
  }

  /** Inbound call: the phone offers audio (the tone source, labelled with a=msid). */
  makeOffer(): void {
    this.enqueue(async () => {
      if (this.localSdpSent || this.pc.signalingState !== 'stable') throw new Error('makeOffer: leg already negotiated');
      if (!this.trackAdded) {
        this.pc.addTrack(this.track, this.stream);
        this.trackAdded = true;
      }
      await this.pc.setLocalDescription(await this.pc.createOffer());
      await gatheringDone(this.pc, GATHER_WAIT_MS);
      if (this.closed) return;
      const local = this.pc.localDescription;
      if (!local) throw new Error('no local description');
      this.localSdpSent = true;
      send({ op: 'localOffer', legId: this.legId, sdp: stripNonLoopbackCandidates(local.sdp) });
    });
  }

  /** The SDK's answer to makeOffer's offer; ignored unless an offer of ours is pending. */
  remoteAnswer(sdp: string): void {
    this.enqueue(async () => {
      if (this.pc.signalingState !== 'have-local-offer') throw new Error(`remoteAnswer in state ${this.pc.signalingState}`);
      await this.pc.setRemoteDescription({ type: 'answer', sdp });
    });
  }

  candidate(c: IceCandidateInit): void {
    this.enqueue(async () => {
      if (!this.pc.remoteDescription) return;
      await this.pc.addIceCandidate(c);
    });
  }

  setMode(mode: ToneMode): void {
    this.tones.setMode(mode);
  }

  pushFrame(): void {
    if (this.closed) return;
    this.source.onData({
      samples: this.tones.next(this.frame),
      sampleRate: SAMPLE_RATE,
      bitsPerSample: 16,
      channelCount: 1,
      numberOfFrames: FRAME_SAMPLES,
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.reportStats();
    this.closed = true;
    clearInterval(this.statsTimer);
    this.track.stop();
    this.pc.close();
    send({ op: 'closed', legId: this.legId });
  }

  private enqueue(step: () => Promise<void>): void {
    this.queue = this.queue.then(async () => {
      if (this.closed) return;
      try {
        await step();
      } catch (err) {
        send({ op: 'error', legId: this.legId, message: err instanceof Error ? err.message : String(err) });
      }
    });
  }

  private async reportStats(): Promise<void> {
    if (this.closed) return;
    let packetsReceived = 0;
    let packetsSent = 0;
    try {
      const report = await this.pc.getStats();
      report.forEach((s: { type?: string; kind?: string; packetsReceived?: number; packetsSent?: number }) => {
        if (s.type === 'inbound-rtp' && s.kind !== 'video') packetsReceived += s.packetsReceived ?? 0;
        if (s.type === 'outbound-rtp' && s.kind !== 'video') packetsSent += s.packetsSent ?? 0;
      });
    } catch {
      return;
    }
    if (packetsReceived === this.lastStats.packetsReceived && packetsSent === this.lastStats.packetsSent) return;
    this.lastStats = { packetsReceived, packetsSent };
    send({ op: 'stats', legId: this.legId, packetsReceived, packetsSent });
  }
}

const legs = new Map<string, Leg>();

function leg(legId: string): Leg {
  let l = legs.get(legId);
  if (!l) {
    l = new Leg(legId);
    legs.set(legId, l);
  }
  return l;
}

/** One clock for all legs: pushes every 10 ms frame that is due, catching up after timer jitter. */
function startAudioClock(): NodeJS.Timeout {
  const t0 = performance.now();
  let framesDone = 0;
  return setInterval(() => {
    const due = Math.floor((performance.now() - t0) / 10);
    if (due - framesDone > 20) framesDone = due - 20; // after a long stall, skip rather than burst
    for (; framesDone < due; framesDone++) for (const l of legs.values()) l.pushFrame();
  }, 10);
}

let clock: NodeJS.Timeout | undefined;

async function shutdown(): Promise<void> {
  if (clock) clearInterval(clock);
  await Promise.race([
    Promise.all([...legs.values()].map((l) => l.close())),
    new Promise((r) => setTimeout(r, 500)),
  ]);
  // An explicit exit skips the native teardown that crashes @roamhq/wrtc once an audio source existed.
  process.exit(0);
}

function onMessage(msg: ToWorker): void {
  switch (msg.op) {
    case 'offer':
      leg(msg.legId).offer(msg.sdp);
      break;
    case 'makeOffer':
      leg(msg.legId).makeOffer();
      break;
    case 'remoteAnswer':
      leg(msg.legId).remoteAnswer(msg.sdp);
      break;
    case 'candidate':
      leg(msg.legId).candidate(msg.candidate);
      break;
    case 'mode':
      leg(msg.legId).setMode(msg.mode);
      break;
    case 'close': {
      const l = legs.get(msg.legId);
      legs.delete(msg.legId);
      if (l) void l.close();
      else send({ op: 'closed', legId: msg.legId });
      break;
    }
    case 'shutdown':
      void shutdown();
      break;
  }
}

process.on('message', (m) => {
  try {
    onMessage(m as ToWorker);
  } catch (err) {
    console.error('[sandbox media worker]', err);
  }
});
process.on('disconnect', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
clock = startAudioClock();
send({ op: 'ready' });
