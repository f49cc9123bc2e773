// Registry of SDK devices: who is connected, on which socket, and how to push frames to them.
// A device is one StringeeClient object, identified by the deviceId it sends in AUTHEN.
import { WebSocket } from 'ws';
import { USERS } from './config.js';
import { encodeFrame, type Body } from './protocol.js';
import { trace } from './trace.js';

export interface DeviceInfo {
  userId: string;
  deviceId: string;
  browserId: string;
  sessionId: string;
  platform: number;
  deviceName: string;
}

export interface Device extends DeviceInfo {
  /** Current socket; null once the device has gone (it may come back with the same deviceId). */
  socket: WebSocket | null;
}

export interface AttachResult {
  device: Device;
  /** False when the device already had a live socket (a reconnect racing the old close). */
  newlyOnline: boolean;
  replaced: WebSocket | null;
}

export class DeviceRegistry {
  private readonly devices = new Map<string, Device>();
  private readonly seenUsers = new Set<string>(USERS.map((u) => u.userId));

  attach(info: DeviceInfo, socket: WebSocket): AttachResult {
    const prev = this.devices.get(info.deviceId);
    const prevLive = prev?.socket && prev.socket !== socket && prev.socket.readyState === WebSocket.OPEN ? prev.socket : null;
    const sameUser = prev?.userId === info.userId;
    const device: Device = { ...info, socket };
    this.devices.set(info.deviceId, device);
    this.seenUsers.add(info.userId);
    return { device, newlyOnline: !(prevLive && sameUser), replaced: prevLive };
  }

  /**
   * Called when a socket closes; returns the device only if that socket was still its current one.
   * The record is forgotten: calls keep only deviceIds, and a returning device attaches afresh.
   */
  detach(socket: WebSocket): Device | undefined {
    for (const d of this.devices.values()) {
      if (d.socket === socket) {
        this.devices.delete(d.deviceId);
        return { ...d, socket: null };
      }
    }
    return undefined;
  }

  get(deviceId: string): Device | undefined {
    return this.devices.get(deviceId);
  }

  isOnline(deviceId: string): boolean {
    return this.devices.get(deviceId)?.socket?.readyState === WebSocket.OPEN;
  }

  online(userId?: string): Device[] {
    return [...this.devices.values()].filter(
      (d) => (userId === undefined || d.userId === userId) && d.socket?.readyState === WebSocket.OPEN,
    );
  }

  isKnownUser(userId: string): boolean {
    return this.seenUsers.has(userId);
  }

  /** Sends one frame to a device's current socket; false if it is not connected right now. */
  push(deviceId: string, service: number, body: Body): boolean {
    const ws = this.devices.get(deviceId)?.socket;
    if (!ws || ws.readyState !== WebSocket.OPEN) return false;
    const text = encodeFrame(service, body);
    trace('out', deviceId, text);
    ws.send(text);
    return true;
  }
}
