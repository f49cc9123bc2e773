// Debian's firefox-esr under puppeteer-core (WebDriver BiDi) with the built Firefox extension.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { APP_TAG } from '../../../utils/messaging/protocol';
import type { HostSnapshot } from '../../../utils/call/types';
import type { Account } from '../../../utils/account/types';
import { sandboxAccount } from '../../../utils/settings/sandbox-account';
import { assertLoopbackOnly } from './chromium';
import { eventually } from './extension';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR =
  process.env.C2C_FIREFOX_EXTENSION_DIR ?? path.resolve(import.meta.dirname, '../../../.output/firefox-mv2');

export interface FirefoxOptions {
  /** Fake microphone and camera (default true). */
  fakeMedia?: boolean;
  /**
   * How the microphone is allowed: 'auto' grants every request without Firefox's permission
   * check (default); 'remembered' keeps the check and starts with the permission a user stores
   * by ticking "Remember this decision" on the setup page (and for the camera in the video
   * call window); 'blocked', with the block a user stores the same way.
   */
  microphone?: 'auto' | 'remembered' | 'blocked';
  /** Web origins allowed the microphone and camera too (a second client page of the sandbox). */
  allowOrigins?: string[];
}

/**
 * Preferences for a test profile. The moz-extension UUID is fixed so tests can open our pages
 * as tabs (Firefox otherwise picks a random one per profile). `permissionsFile`: see
 * writePermissionsFile, needed unless the microphone is 'auto'.
 */
export function firefoxPrefs(geckoId: string, uuid: string, opts: FirefoxOptions = {}, permissionsFile?: string): Record<string, unknown> {
  const microphone = opts.microphone ?? 'auto';
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
    'media.navigator.streams.fake': opts.fakeMedia ?? true,
    'media.navigator.permission.disabled': microphone === 'auto',
    // The permission manager's start-up defaults: the same entry a remembered decision makes.
    ...(microphone === 'auto' ? {} : { 'permissions.manager.defaultsUrl': pathToFileURL(permissionsFile!).href }),
    // ICE on 127.0.0.1 (the loopback namespace has nothing else), offered as the address itself:
    // Firefox hides host addresses behind mDNS names unless told not to, and the sandbox keeps
    // only loopback candidates.
    'media.peerconnection.ice.loopback': true,
    'media.peerconnection.ice.obfuscate_host_addresses': false,
    // Nothing from the machine reaches the network (the namespace forbids it anyway).
    'network.dns.disableIPv6': true,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'extensions.update.enabled': false,
    'app.update.enabled': false,
    'browser.shell.checkDefaultBrowser': false,
  };
}

/** Firefox's default-permissions file (resource://app/defaults/permissions has the format). */
function writePermissionsFile(dir: string, uuid: string, opts: FirefoxOptions): string {
  const allow = opts.microphone === 'remembered';
  const webOrigins = opts.allowOrigins ?? [];
  const file = path.join(dir, 'permissions');
  // 1 allow, 2 deny: what "Remember this decision" stores for the extension's origin (the
  // camera too, as a user allows it in the video call window when Firefox asks there).
  const lines = (origin: string, capability: number) =>
    ['microphone', 'camera'].map((type) => `origin\t${type}\t${capability}\t${origin}\n`).join('');
  writeFileSync(file, lines(`moz-extension://${uuid}`, allow ? 1 : 2) + webOrigins.map((o) => lines(new URL(o).origin, 1)).join(''));
  return file;
}

/** The extension's Gecko id, read from the build (wxt.config.ts sets it). */
export function geckoId(extensionDir = FIREFOX_EXTENSION_DIR): string {
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'));
  return manifest.browser_specific_settings.gecko.id as string;
}

export interface FirefoxExtensionSession {
  browser: Browser;
  /** moz-extension://UUID */
  base: string;
  /** The softphone, in a tab of its own. */
  openPopup(): Promise<Page>;
  /** One of our pages in a new tab, e.g. '/onboarding.html'. */
  openPage(pathname: string): Promise<Page>;
  /** The tab (or window) already showing one of our pages; waits for it. */
  findPage(pathname: string): Promise<Page>;
  /** A request sent from one of our pages (a probe tab), as the popup would send it. */
  ask<T>(type: string, payload?: unknown): Promise<T>;
  snapshot(): Promise<HostSnapshot>;
  close(): Promise<void>;
}

/** Firefox with the built extension, signed in to the given sandbox as `userId`. */
export async function launchFirefoxExtension(
  sandboxHttpUrl: string,
  userId = 'agent1',
  opts: FirefoxOptions = {},
): Promise<FirefoxExtensionSession> {
  const uuid = randomUUID();
  const permsDir = mkdtempSync(path.join(tmpdir(), 'c2c-firefox-perms-'));
  const permissions = (opts.microphone ?? 'auto') === 'auto' ? undefined : writePermissionsFile(permsDir, uuid, opts);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: firefoxPrefs(geckoId(), uuid, opts, permissions),
  }).catch((e: unknown) => {
    rmSync(permsDir, { recursive: true, force: true });
    throw e;
  });
  const close = async () => {
    await browser.close();
    rmSync(permsDir, { recursive: true, force: true });
  };
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
    const base = `moz-extension://${uuid}`;
    // WebDriver BiDi may not navigate to moz-extension:// pages (only with system access, which
    // tests do not need), and reports their tabs as about:blank. The setup tab the extension
    // opens on install is one of ours: it is the probe, and it opens our other pages.
    const probe = await findPage(browser, `${base}/onboarding.html`);
    const account: Account = sandboxAccount(sandboxHttpUrl, userId);
    await probe.evaluate((a) => (globalThis as any).browser.storage.local.set({ account: a }), account);
    const ask = async <T>(type: string, payload: unknown = {}): Promise<T> =>
      probe.evaluate(
        (app, t, p) => (globalThis as any).browser.runtime.sendMessage({ app, kind: 'request', type: t, payload: p }),
        APP_TAG,
        type,
        payload,
      ) as Promise<T>;
    return {
      browser,
      base,
      ask,
      snapshot: () => ask<HostSnapshot>('host.getState'),
      openPage: (pathname) => openExtensionPage(browser, probe, base + pathname),
      findPage: (pathname) => findPage(browser, base + pathname),
      async openPopup() {
        const page = await openExtensionPage(browser, probe, `${base}/popup.html`);
        await page.waitForSelector('[data-testid="call"], [data-testid="hangup"]');
        return page;
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/** The tab whose document is at `url`, query aside (puppeteer's own url() can be stale for extension pages). */
async function findPage(browser: Browser, url: string, except: Page[] = []): Promise<Page> {
  return eventually(async () => {
    for (const page of await browser.pages()) {
      if (except.includes(page)) continue;
      const at = await page.evaluate(() => location.origin + location.pathname).catch(() => '');
      if (at === url) return page;
    }
    return undefined;
  }, `a tab at ${url}`);
}

/** Opens one of our pages in a new tab, from one of our pages (see above). */
async function openExtensionPage(browser: Browser, from: Page, url: string): Promise<Page> {
  const before = await browser.pages();
  await from.evaluate((u) => (globalThis as any).browser.tabs.create({ url: u, active: true }), url);
  const page = await findPage(browser, url, before);
  await page.waitForFunction(() => document.readyState === 'complete');
  return page;
}

/**
 * Firefox gathers no ICE candidates without a default route: it finds its default address by
 * routing toward a public one, and a loopback-only namespace has no route at all. A default
 * route over lo from 127.0.0.1 makes that address 127.0.0.1; nothing can leave, since there is
 * no other interface (checked first). Returns the undo, for the Chromium tests after us.
 */
export function loopbackDefaultRoute(): () => void {
  assertLoopbackOnly();
  const ip = (...args: string[]) => execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (ip('route', 'show', 'default').trim() !== '') return () => undefined;
  ip('route', 'add', 'default', 'dev', 'lo', 'src', '127.0.0.1');
  return () => {
    try {
      ip('route', 'del', 'default', 'dev', 'lo');
    } catch {
      // Already gone: nothing to undo.
    }
  };
}

/** Our UI's host element (HOST_TAG in entrypoints/content/exclusions.ts, whose imports need the app's aliases). */
const HOST_TAG = 'stringee-c2c-ui';

type Box = { x: number; y: number; width: number; height: number };
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: any }>;
}

/**
 * The box of an element of our UI, which lives in a closed shadow root that page scripts (and
 * puppeteer's selectors) cannot enter. WebDriver BiDi can: serialized with
 * `includeShadowTree: 'all'`, our host element hands over its closed root, in which the
 * element is looked up by data-testid. Undefined when absent or not laid out.
 */
export async function firefoxUiBox(page: Page, testId: string): Promise<Box | undefined> {
  const connection = (page.browser() as unknown as { connection: BidiConnection }).connection;
  const context = (page.mainFrame() as unknown as { browsingContext: { id: string } }).browsingContext.id;
  const host = await connection.send('script.evaluate', {
    expression: `document.querySelector(${JSON.stringify(HOST_TAG)})`,
    target: { context },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  });
  const root = host.result?.result?.value?.shadowRoot as { sharedId?: string } | undefined;
  if (!root?.sharedId) return undefined;
  const found = await connection.send('script.callFunction', {
    functionDeclaration: String((shadow: ShadowRoot, id: string) => {
      const el = shadow.querySelector(`[data-testid="${id}"]`);
      const r = el?.getBoundingClientRect();
      return r && r.width && r.height ? JSON.stringify({ x: r.left, y: r.top, width: r.width, height: r.height }) : '';
    }),
    target: { context },
    arguments: [{ sharedId: root.sharedId }, { type: 'string', value: testId }],
    awaitPromise: false,
  });
  const json = found.result?.result?.value as string | undefined;
  return json ? (JSON.parse(json) as Box) : undefined;
}

/** A real (trusted) mouse click in the middle of our UI element. */
export async function firefoxClickUi(page: Page, testId: string): Promise<void> {
  const box = await firefoxUiBox(page, testId);
  if (!box) throw new Error(`${testId} is not shown`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

export { eventually };
