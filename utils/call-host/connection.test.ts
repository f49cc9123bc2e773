import { describe, expect, it, vi } from 'vitest';
import type { ConnectConfigResult } from '@/utils/messaging/protocol';

/** A stand-in for the SDK's client: counts connect() calls, lets the test answer the sign-in. */
const clients: { connects: string[]; fire: (event: string, arg?: unknown) => void }[] = [];
vi.mock('stringee', () => ({
  StringeeClient: class {
    private handlers = new Map<string, (arg?: unknown) => void>();
    readonly connects: string[] = [];
    constructor() {
      clients.push({ connects: this.connects, fire: (e, a) => this.handlers.get(e)?.(a) });
    }
    on(event: string, h: (arg?: unknown) => void) {
      this.handlers.set(event, h);
    }
    connect(token: string) {
      this.connects.push(token);
    }
    disconnect() {}
  },
}));

const { StringeeConnection } = await import('./connection');

describe('StringeeConnection', () => {
  it('signs in once when a call arrives while the early sign-in still fetches its settings', async () => {
    clients.length = 0;
    let configs = 0;
    const getConfig = async (): Promise<ConnectConfigResult> => {
      configs += 1;
      await new Promise((r) => setTimeout(r, 10));
      return { ok: true, config: { serverAddrs: ['ws://127.0.0.1:1/ws'], token: `t${configs}`, userId: 'agent1' } };
    };
    const connection = new StringeeConnection(getConfig, () => undefined);
    const early = connection.ensureReady();
    const forCall = connection.ensureReady();
    await vi.waitFor(() => expect(clients[0]?.connects.length).toBe(1));
    clients[0]!.fire('authen', { r: 0, userId: 'agent1' });
    const [a, b] = await Promise.all([early, forCall]);
    expect(a).toBe(b);
    expect(configs).toBe(1);
    expect(clients).toHaveLength(1);
    expect(clients[0]!.connects).toEqual(['t1']);
    expect(connection.view.status).toBe('ready');
  });
});
