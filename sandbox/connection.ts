// One SDK WebSocket: AUTHEN, keep-alive PINGs, presence (104), and handing requests to the calls.
import { WebSocket, type RawData } from 'ws';
import type { CallManager } from './calls/call-manager.js';
import { PROJECT } from './config.js';
import type { VerifyResult } from './jwt.js';
import { Service, encodeFrame, parseFrame, requestIdOf, str, type Body } from './protocol.js';
import { START_ERRORS } from './routing.js';
import { trace } from './trace.js';
import type { Device, DeviceRegistry } from './sessions.js';

export interface ConnectionContext {
  registry: DeviceRegistry;
  calls: CallManager;
  verify(token: unknown): VerifyResult;
  pingAfterMs: number;
  nextConnectionId(): number;
}

export class SdkConnection {
  private device: Device | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private lastHeard = Date.now();
  private readonly connectionId: number;

  constructor(
    private readonly ws: WebSocket,
    private readonly ctx: ConnectionContext,
  ) {
    this.connectionId = ctx.nextConnectionId();
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('close', () => this.onClose());
    ws.on('error', () => ws.terminate());
  }

  get userId(): string | undefined {
    return this.device?.userId;
  }

  /** Closes the socket the way a network drop or a server-side expiry would look to the SDK. */
  drop(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
      this.ws.close(4000, 'dropped by sandbox');
      setTimeout(() => this.ws.terminate(), 1000).unref();
    }
  }

  private who(): string {
    return this.device ? this.device.deviceId : `conn-${this.connectionId}`;
  }

  private send(service: number, body: Body): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const text = encodeFrame(service, body);
    if (service !== Service.PING) trace('out', this.who(), text);
    this.ws.send(text);
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    this.lastHeard = Date.now();
    if (isBinary) return;
    const text = data.toString();
    const frame = parseFrame(text);
    if (frame?.service !== Service.PING) trace('in', this.who(), text);
    if (!frame) return;
    const { service, body } = frame;
    // The SDK answers each server PING with a PING of its own; replying would ping-pong forever.
    if (service === Service.PING) return;
    const requestId = requestIdOf(body);
    let replied = false;
    const reply = (b: Body): void => {
      if (replied || requestId === undefined) return;
      replied = true;
      this.send(service, { ...b, requestId });
    };
    try {
      if (service === Service.AUTHEN) this.authen(body, reply);
      else if (!this.device) reply({ ...START_ERRORS.notAuthenticated });
      else this.dispatch(this.device, service, body, reply);
    } catch (err) {
      console.error(`[sandbox] service ${service} failed:`, err);
      // 28 must still get r:0 so the SDK releases the peer connection and the mic.
      reply(service === Service.CALL_STOP ? { r: 0 } : { r: -1, message: 'SANDBOX_INTERNAL_ERROR' });
    }
    reply({ r: 0 });
  }

  private dispatch(device: Device, service: number, body: Body, reply: (b: Body) => void): void {
    switch (service) {
      case Service.CUSTOM_MESSAGE: {
        const toUser = str(body.toUser);
        for (const d of this.ctx.registry.online(toUser)) {
          this.ctx.registry.push(d.deviceId, Service.CUSTOM_MESSAGE_FROM_SERVER, {
            fromUserId: device.userId,
            toUserId: toUser,
            message: body.message,
          });
        }
        reply({ r: 0 });
        return;
      }
      case Service.CHANGE_ATTRIBUTE:
        reply({ r: 0 });
        return;
      default:
        this.ctx.calls.handle(device, service, body, reply);
    }
  }

  private authen(body: Body, reply: (b: Body) => void): void {
    const result = this.ctx.verify(body.accesstoken);
    if (!result.ok) {
      // The SDK disconnects by itself after any error reply (and asks for a new token on r=6).
      reply({ r: result.r, message: result.message });
      return;
    }
    const deviceId = str(body.deviceId) || `web-anonymous-${this.connectionId}`;
    if (this.device && this.device.deviceId !== deviceId) this.leave();
    const { device, newlyOnline, replaced } = this.ctx.registry.attach(
      {
        userId: result.userId,
        deviceId,
        browserId: str(body.browserId),
        sessionId: str(body.sessionId),
        platform: typeof body.platform === 'number' ? body.platform : 3,
        deviceName: str(body.deviceName),
      },
      this.ws,
    );
    this.device = device;
    // The newest socket of a device wins; the stale one must not announce "disconnected".
    replaced?.close(4001, 'replaced by a newer connection');
    const clients = this.ctx.registry.online(device.userId).map((d) => ({
      clientId: d.deviceId,
      browserId: d.browserId,
      platform: d.platform,
      deviceName: d.deviceName,
    }));
    reply({
      r: 0,
      message: 'SUCCESS',
      userId: device.userId,
      projectId: PROJECT.id,
      connectionId: this.connectionId,
      ping_after_ms: this.ctx.pingAfterMs,
      ice_servers: [],
      clients,
    });
    if (newlyOnline) this.presence(device, 'connected');
    this.ctx.calls.deviceOnline(device.deviceId);
    this.startPings();
  }

  /** PINGs keep the SDK's dead-socket check (ping_after_ms + 15 s of silence) from firing. */
  private startPings(): void {
    if (this.pingTimer) return;
    const every = Math.max(500, Math.floor(this.ctx.pingAfterMs / 2));
    this.pingTimer = setInterval(() => {
      // The SDK echoes every PING at once; a client silent for this long is gone.
      if (Date.now() - this.lastHeard > 2 * this.ctx.pingAfterMs + 15_000) {
        this.ws.terminate();
        return;
      }
      this.send(Service.PING, {});
    }, every);
  }

  private presence(device: Device, status: 'connected' | 'disconnected'): void {
    for (const other of this.ctx.registry.online(device.userId)) {
      if (other.deviceId === device.deviceId) continue;
      this.ctx.registry.push(other.deviceId, Service.OTHER_DEVICE_AUTHEN, {
        userId: device.userId,
        clientId: device.deviceId,
        browserId: device.browserId,
        status,
      });
    }
  }

  private leave(): void {
    const gone = this.ctx.registry.detach(this.ws);
    if (!gone) return;
    this.presence(gone, 'disconnected');
    this.ctx.calls.deviceOffline(gone.deviceId);
  }

  private onClose(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = undefined;
    this.leave();
  }
}
