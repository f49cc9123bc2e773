import { StringeeClient, type AuthenResult, type StringeeCall } from 'stringee';
import type { ConnectionView } from '@/utils/call/types';
import type { ConnectConfig, ConnectConfigResult } from '@/utils/messaging/protocol';

const AUTH_TIMEOUT_MS = 10_000;

type Waiter = { resolve: () => void; reject: (e: Error) => void };

/**
 * Owns the one StringeeClient. Works around the SDK's quirks: handlers are registered once per
 * client (the SDK keeps only the first), connect() is only called after a `disconnect` event,
 * and an expired token (authen r=6 → requestnewtoken → disconnect) is renewed without the user.
 */
export class StringeeConnection {
  client: StringeeClient | null = null;
  view: ConnectionView = { status: 'idle', userId: undefined, error: undefined, detail: undefined };
  private clientKey = '';
  private waiters: Waiter[] = [];
  private renewing = false;
  private renewalsInARow = 0;
  private starting: Promise<StringeeClient> | null = null;
  /** Calls placed to us; without a handler they are declined (nobody could answer them). */
  onIncoming: (call: StringeeCall) => void = (call) => call.reject();

  constructor(
    private readonly getConfig: (fresh: boolean) => Promise<ConnectConfigResult>,
    private readonly onChange: () => void,
  ) {}

  /** Resolves once authenticated; connects (or reconnects with new settings) when needed. */
  async ensureReady(): Promise<StringeeClient> {
    if (this.view.status === 'ready' && this.client) return this.client;
    if (this.view.status === 'connecting' || this.view.status === 'reconnecting') {
      await this.waitForAuthen();
      return this.client!;
    }
    // Callers that arrive while the settings are being fetched (the host's early sign-in and a
    // first call, when the host was started for that call) share one sign-in: a second
    // connect() on the same client loses its authen event.
    this.starting ??= this.signIn().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private async signIn(): Promise<StringeeClient> {
    const res = await this.getConfig(false);
    if (!res.ok) {
      this.set({ status: 'error', error: res.error === 'notConfigured' ? 'notConfigured' : 'tokenSource', detail: res.detail });
      throw new Error(res.detail ?? res.error);
    }
    this.open(res.config);
    await this.waitForAuthen();
    return this.client!;
  }

  /** Signs out (the account changed); the next ensureReady() signs in with the new settings. */
  reset(): void {
    const old = this.client;
    this.client = null;
    this.clientKey = '';
    this.renewing = false;
    // The old client's events are ignored from now on (each handler checks its client).
    old?.disconnect();
    this.set({ status: 'idle', userId: undefined, error: undefined, detail: undefined });
    this.settle(new Error('account changed'));
  }

  private open(config: ConnectConfig): void {
    const key = config.serverAddrs.join(' ');
    if (!this.client || key !== this.clientKey) {
      // A client is never reused across server lists: the SDK fixes its list at construction.
      this.client?.disconnect();
      this.client = this.createClient(config.serverAddrs);
      this.clientKey = key;
    }
    this.set({ status: 'connecting', userId: config.userId, error: undefined, detail: undefined });
    this.client.connect(config.token);
  }

  private createClient(addrs: string[]): StringeeClient {
    const client = new StringeeClient(addrs);
    client.on('authen', (res: AuthenResult) => this.onAuthen(client, res));
    client.on('requestnewtoken', () => {
      if (client === this.client) this.renewing = true;
    });
    client.on('disconnect', () => this.onDisconnect(client));
    client.on('incomingcall', (call: StringeeCall) => {
      try {
        if (client === this.client) this.onIncoming(call);
      } catch (e) {
        console.error('[call-host] incoming call', e);
      }
    });
    return client;
  }

  private onAuthen(client: StringeeClient, res: AuthenResult): void {
    if (client !== this.client) return;
    if (res.r === 0) {
      this.renewalsInARow = 0;
      this.set({ status: 'ready', userId: res.userId ?? this.view.userId, error: undefined, detail: undefined });
      this.settle();
      return;
    }
    // r=6 is an expired or invalid token: the SDK follows with requestnewtoken and disconnect,
    // where the token is renewed. Any other code is a configuration problem for the user.
    if (res.r === 6 && this.renewalsInARow < 2) return;
    this.set({ status: 'error', error: 'auth', detail: `r=${res.r}${res.message ? ` ${res.message}` : ''}` });
    this.settle(new Error(this.view.detail));
  }

  private onDisconnect(client: StringeeClient): void {
    if (client !== this.client) return;
    if (this.renewing) {
      this.renewing = false;
      this.renewalsInARow += 1;
      this.set({ status: 'reconnecting' });
      void this.renew();
      return;
    }
    // Any other drop: the SDK reconnects by itself with the same token.
    if (this.view.status === 'ready') this.set({ status: 'reconnecting' });
  }

  private async renew(): Promise<void> {
    try {
      const res = await this.getConfig(true);
      if (!res.ok) throw new Error(res.detail ?? res.error);
      // Only now, after the SDK's disconnect event, does connect() take effect.
      this.client?.connect(res.config.token);
    } catch (e) {
      this.set({ status: 'error', error: 'tokenSource', detail: String((e as Error).message ?? e) });
      this.settle(e as Error);
    }
  }

  private waitForAuthen(): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error('timeout'));
      }, AUTH_TIMEOUT_MS);
      const waiter: Waiter = {
        resolve: () => (clearTimeout(timer), resolve()),
        reject: (e) => (clearTimeout(timer), reject(e)),
      };
      this.waiters.push(waiter);
    });
  }

  private settle(error?: Error): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) (error ? w.reject(error) : w.resolve());
  }

  private set(patch: Partial<ConnectionView>): void {
    this.view = { ...this.view, ...patch };
    this.onChange();
  }
}
