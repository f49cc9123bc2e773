// Wires the pieces together: one HTTP server on 127.0.0.1 serving the REST-ish routes and, on /ws,
// the SDK's WebSocket protocol.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { CallManager } from './calls/call-manager.js';
import { CallLog } from './call-log.js';
import { Clock } from './clock.js';
import { API_KEY, DEFAULTS, DEFAULT_PHONE_BEHAVIOUR, HOTLINES, PROJECT, USERS, DEMO_PHONES } from './config.js';
import { SdkConnection } from './connection.js';
import { createHttpHandler } from './http/routes.js';
import { issueUserToken, verifyRestToken, verifyToken } from './jwt.js';
import { MediaGateway } from './pstn/gateway.js';
import { PhoneBook, parsePhoneBehaviour } from './pstn/phone-book.js';
import { DeviceRegistry } from './sessions.js';
import type { CallFromPhoneOptions, CallLogEntry, PhoneBehaviour, Sandbox, SandboxOptions } from './types.js';

const WS_PATHS = new Set(['/ws', '/']);

/** The project's one API key signs both access tokens and REST tokens. */
const secretFor = (sid: string): string | undefined => (sid === API_KEY.sid ? API_KEY.secret : undefined);

export class SandboxServer implements Sandbox {
  wsUrl = '';
  httpUrl = '';
  private readonly clock = new Clock();
  private readonly log = new CallLog();
  private readonly phones = new PhoneBook();
  private readonly registry = new DeviceRegistry();
  private readonly gateway = new MediaGateway();
  private readonly calls: CallManager;
  private readonly connections = new Map<WebSocket, SdkConnection>();
  private readonly http: Server;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  private connectionSeq = 0;
  private stopped: Promise<void> | undefined;
  readonly pingAfterMs: number;
  readonly ringTimeoutSec: number;

  constructor(opts: SandboxOptions = {}) {
    this.pingAfterMs = opts.pingAfterMs ?? DEFAULTS.pingAfterMs;
    this.ringTimeoutSec = opts.ringTimeoutSec ?? DEFAULTS.ringTimeoutSec;
    this.calls = new CallManager(
      {
        registry: this.registry,
        gateway: this.gateway,
        ringTimeoutSec: this.ringTimeoutSec,
        reconnectGraceSec: DEFAULTS.reconnectGraceSec,
      },
      this.log,
      this.phones,
    );
    this.http = createServer(
      createHttpHandler({
        issueToken: (userId, ttl) => this.tokenResponse(userId, ttl),
        callLog: () => this.callLog(),
        setClockOffset: (s) => this.setClockOffset(s),
        clockOffset: () => this.clock.offsetSec,
        dropConnections: (u) => this.drop(u),
        setPhoneBehaviour: (n, b) => this.phones.set(n, parsePhoneBehaviour(b)),
        hangupFromPhone: (id) => this.calls.hangupFromPhone(id),
        callFromPhone: (from, to, opts) => this.calls.callFromPhone(from, to, opts),
        publicConfig: () => this.publicConfig(),
        verifyRestToken: (token) => verifyRestToken(token, secretFor, this.clock.nowSec()),
      }),
    );
    this.http.on('upgrade', (req, socket, head) => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      if (!WS_PATHS.has(path)) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    });
  }

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(port, '127.0.0.1', () => {
        this.http.off('error', reject);
        resolve();
      });
    });
    const { port: actual } = this.http.address() as AddressInfo;
    this.httpUrl = `http://127.0.0.1:${actual}`;
    this.wsUrl = `ws://127.0.0.1:${actual}/ws`;
  }

  issueToken(userId: string, ttlSec: number = DEFAULTS.tokenTtlSec): string {
    return issueUserToken(API_KEY, userId, this.clock.nowSec(), ttlSec).token;
  }

  callLog(): CallLogEntry[] {
    return this.log.list();
  }

  setClockOffset(sec: number): void {
    this.clock.offsetSec = sec;
  }

  dropConnections(userId?: string): void {
    this.drop(userId);
  }

  setPhoneBehaviour(number84: string, b: PhoneBehaviour): void {
    this.phones.set(number84, b);
  }

  hangupFromPhone(callId: string): void {
    this.calls.hangupFromPhone(callId);
  }

  callFromPhone(fromNumber84: string, toUserId: string, opts: CallFromPhoneOptions = {}): string {
    if (this.stopped) throw new Error('the sandbox is stopped');
    return this.calls.callFromPhone(fromNumber84, toUserId, opts);
  }

  stop(): Promise<void> {
    this.stopped ??= this.shutdown();
    return this.stopped;
  }

  private async shutdown(): Promise<void> {
    // Calls end first so their 30s go out, then a close handshake flushes them; stragglers are cut.
    this.calls.shutdown();
    const sockets = [...this.connections.keys()];
    this.connections.clear();
    await Promise.race([
      Promise.all(
        sockets.map(
          (ws) =>
            new Promise<void>((resolve) => {
              if (ws.readyState === ws.CLOSED) return resolve();
              ws.once('close', () => resolve());
              ws.close(1001, 'sandbox stopping');
            }),
        ),
      ),
      new Promise((r) => setTimeout(r, 300)),
    ]);
    for (const ws of sockets) ws.terminate();
    this.wss.close();
    this.http.closeAllConnections();
    await Promise.all([
      new Promise<void>((resolve) => this.http.close(() => resolve())),
      this.gateway.stop(),
    ]);
  }

  private accept(ws: WebSocket): void {
    if (this.stopped) {
      ws.terminate();
      return;
    }
    const conn = new SdkConnection(ws, {
      registry: this.registry,
      calls: this.calls,
      verify: (token) => verifyToken(token, secretFor, this.clock.nowSec()),
      pingAfterMs: this.pingAfterMs,
      nextConnectionId: () => ++this.connectionSeq,
    });
    this.connections.set(ws, conn);
    ws.on('close', () => this.connections.delete(ws));
  }

  private drop(userId?: string): number {
    let n = 0;
    for (const conn of this.connections.values()) {
      if (userId !== undefined && conn.userId !== userId) continue;
      conn.drop();
      n++;
    }
    return n;
  }

  private tokenResponse(userId: string, ttlSec: number = DEFAULTS.tokenTtlSec) {
    const { token, exp } = issueUserToken(API_KEY, userId, this.clock.nowSec(), ttlSec);
    return { token, userId, expiresAt: exp };
  }

  private publicConfig() {
    return {
      wsUrl: this.wsUrl,
      httpUrl: this.httpUrl,
      apiKeySid: API_KEY.sid,
      project: PROJECT,
      pingAfterMs: this.pingAfterMs,
      ringTimeoutSec: this.ringTimeoutSec,
      users: USERS,
      hotlines: HOTLINES,
      demoPhones: DEMO_PHONES.map((p) => ({ ...p, behaviour: this.phones.get(p.number) })),
      phoneOverrides: this.phones.entries(),
      defaultPhoneBehaviour: DEFAULT_PHONE_BEHAVIOUR,
      clockOffsetSec: this.clock.offsetSec,
    };
  }
}
