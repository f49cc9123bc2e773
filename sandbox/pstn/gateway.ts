// Sandbox-side handle on the media worker: starts it on first use, routes its messages to call legs.
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { IceCandidateInit } from '../ice.js';
import type { FromWorker, ToWorker } from './media-messages.js';
import type { ToneMode } from './tones.js';

export interface LegListener {
  /** The phone's answer to an SDK offer (outbound call, or a re-offer such as hold). */
  onAnswer(sdp: string): void;
  /** The phone's own offer, after makeOffer() (inbound call). */
  onOffer?(sdp: string): void;
  onCandidate(candidate: IceCandidateInit): void;
  onStats(packetsReceived: number, packetsSent: number): void;
  /** The media endpoint is gone (worker crashed or failed to start). */
  onFailure(message: string): void;
}

const WORKER_FILE = fileURLToPath(new URL('./media-worker.ts', import.meta.url));

function tsxLoaderUrl(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}

export class MediaGateway {
  private child: ChildProcess | undefined;
  private ready = false;
  private pending: ToWorker[] = [];
  private readonly legs = new Map<string, LegListener>();
  private stopping = false;

  openLeg(legId: string, listener: LegListener): void {
    this.legs.set(legId, listener);
    this.ensureStarted();
  }

  offer(legId: string, sdp: string): void {
    this.post({ op: 'offer', legId, sdp });
  }

  /** Inbound call: the phone creates an offer; it arrives through LegListener.onOffer. */
  makeOffer(legId: string): void {
    this.post({ op: 'makeOffer', legId });
  }

  /** The SDK's answer to the phone's offer. */
  remoteAnswer(legId: string, sdp: string): void {
    this.post({ op: 'remoteAnswer', legId, sdp });
  }

  candidate(legId: string, candidate: IceCandidateInit): void {
    this.post({ op: 'candidate', legId, candidate });
  }

  setMode(legId: string, mode: ToneMode): void {
    this.post({ op: 'mode', legId, mode });
  }

  /** Closes the leg; its final stats may still arrive afterwards and are delivered to the listener. */
  closeLeg(legId: string): void {
    if (!this.legs.has(legId)) return;
    this.post({ op: 'close', legId });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, 1500);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      if (child.connected) child.send({ op: 'shutdown' } satisfies ToWorker);
      else child.kill('SIGTERM');
    });
  }

  private post(msg: ToWorker): void {
    if (this.stopping) return;
    this.ensureStarted();
    if (this.ready && this.child?.connected) this.child.send(msg);
    else this.pending.push(msg);
  }

  private ensureStarted(): void {
    if (this.child || this.stopping) return;
    const child = fork(WORKER_FILE, [], {
      execArgv: ['--import', tsxLoaderUrl()],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'json',
    });
    this.child = child;
    this.ready = false;
    child.on('message', (m) => this.onMessage(m as FromWorker));
    child.on('error', (err) => this.onExit(child, `media worker error: ${err.message}`));
    child.on('exit', (code, signal) => this.onExit(child, `media worker exited (${signal ?? code})`));
  }

  private onExit(child: ChildProcess, why: string): void {
    if (this.child !== child) return;
    this.child = undefined;
    this.ready = false;
    this.pending = [];
    if (this.stopping) return;
    const legs = [...this.legs.values()];
    this.legs.clear();
    for (const l of legs) l.onFailure(why);
  }

  private onMessage(msg: FromWorker): void {
    if (msg.op === 'ready') {
      this.ready = true;
      const queued = this.pending;
      this.pending = [];
      for (const m of queued) this.child?.send(m);
      return;
    }
    const leg = this.legs.get(msg.legId);
    if (!leg) return;
    switch (msg.op) {
      case 'answer':
        leg.onAnswer(msg.sdp);
        break;
      case 'localOffer':
        leg.onOffer?.(msg.sdp);
        break;
      case 'candidate':
        leg.onCandidate(msg.candidate);
        break;
      case 'stats':
        leg.onStats(msg.packetsReceived, msg.packetsSent);
        break;
      case 'closed':
        this.legs.delete(msg.legId);
        break;
      case 'error':
        console.warn(`[sandbox] media leg ${msg.legId}: ${msg.message}`);
        break;
      case 'ice':
        break;
    }
  }
}
