import path from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { APP_TAG } from '../../../utils/messaging/protocol';
import type { HostSnapshot } from '../../../utils/call/types';
import type { Account } from '../../../utils/account/types';
import { sandboxAccount } from '../../../utils/settings/sandbox-account';
import { launchChromium } from './chromium';

// C2C_EXTENSION_DIR: test a build kept elsewhere (e.g. while another build rewrites .output).
export const EXTENSION_DIR = process.env.C2C_EXTENSION_DIR ?? path.resolve(import.meta.dirname, '../../../.output/chrome-mv3');

export interface ExtensionSession {
  context: BrowserContext;
  id: string;
  worker(): Promise<Worker>;
  openPopup(): Promise<Page>;
  /** A request sent from one of our pages (a probe tab), as the popup would send it. */
  ask<T>(type: string, payload?: unknown): Promise<T>;
  /** Every host.state connection status seen by the probe tab since launch. */
  connectionHistory(): Promise<string[]>;
  /** Stops the background service worker, as Chrome does after ~30 s idle. */
  stopServiceWorker(): Promise<void>;
  snapshot(): Promise<HostSnapshot>;
  close(): Promise<void>;
}

/** Chromium with the built extension, signed in to the given sandbox as `userId`. */
export async function launchExtension(sandboxHttpUrl: string, userId = 'agent1'): Promise<ExtensionSession> {
  const context = await launchChromium({ extensionDir: EXTENSION_DIR });
  // Polled rather than awaited as an event: the worker may register before anyone listens.
  const worker = (): Promise<Worker> =>
    eventually(() => context.serviceWorkers().find((w: Worker) => w.url().startsWith('chrome-extension://')), 'the service worker');
  const first = await worker();
  const id = new URL(first.url()).host;
  const account: Account = sandboxAccount(sandboxHttpUrl, userId);
  // Page-side code: `chrome` is the worker's own global there.
  await first.evaluate((a) => (globalThis as any).chrome.storage.local.set({ account: a }), account);

  // Requests go from an extension page, not the worker: the worker cannot message itself and
  // may be stopped on purpose, while a page's message wakes it up like the popup's would.
  const probe = await context.newPage();
  await probe.goto(`chrome-extension://${id}/options.html`);
  await probe.evaluate(() => {
    const g = globalThis as any;
    g.connectionHistory = [];
    g.chrome.runtime.onMessage.addListener((m: any) => {
      if (m?.type === 'host.state' && m.payload?.connection) g.connectionHistory.push(m.payload.connection.status);
    });
  });
  const ask = async <T>(type: string, payload: unknown = {}): Promise<T> =>
    probe.evaluate(
      ([app, t, p]) => (globalThis as any).chrome.runtime.sendMessage({ app, kind: 'request', type: t, payload: p }),
      [APP_TAG, type, payload] as const,
    ) as Promise<T>;

  const stopServiceWorker = async () => {
    const cdp = await context.newCDPSession(probe);
    const versions: { versionId: string; scriptURL: string; runningStatus: string }[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => versions.push(...e.versions));
    await cdp.send('ServiceWorker.enable');
    const ours = () => versions.filter((v) => v.scriptURL.startsWith(`chrome-extension://${id}/`));
    const running = await eventually(() => ours().find((v) => v.runningStatus === 'running'), 'the running worker');
    await cdp.send('ServiceWorker.stopWorker', { versionId: running.versionId });
    await eventually(() => ours().at(-1)?.runningStatus === 'stopped', 'the worker to stop');
    await cdp.detach();
  };

  return {
    context,
    id,
    worker,
    ask,
    stopServiceWorker,
    connectionHistory: () => probe.evaluate(() => [...(globalThis as any).connectionHistory] as string[]),
    async openPopup() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/popup.html`);
      await page.getByTestId('call').or(page.getByTestId('hangup')).waitFor();
      return page;
    },
    // The worker cannot message itself, so it asks the call host directly.
    snapshot: () => ask<HostSnapshot>('host.getState'),
    close: () => context.close(),
  };
}

/** Polls `fn` until it returns a truthy value (tests wait on real media and timers). */
export async function eventually<T>(fn: () => Promise<T> | T, what: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v as NonNullable<T>;
      last = v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Timed out waiting for ${what} (last: ${String(last)})`);
}

/** A second Stringee client (the sandbox's SDK test page) signed in as `userId`, answering calls. */
export async function openSdkClient(
  context: BrowserContext,
  sandbox: { httpUrl: string; wsUrl: string; issueToken(userId: string): string },
  userId: string,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${sandbox.httpUrl}/sdk-client.html?autoanswer=1`);
  await page.evaluate(([ws, tok]) => (window as any).sdk.connect(ws, tok), [sandbox.wsUrl, sandbox.issueToken(userId)] as const);
  await eventually(() => page.evaluate(() => (window as any).sdk.state().client.authenticated), `${userId} signed in`);
  return page;
}
