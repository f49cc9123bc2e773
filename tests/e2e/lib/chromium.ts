// Debian's Chromium under playwright-core for end-to-end tests, and the guard that keeps WebRTC
// tests on loopback only.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ChromiumArgsOptions {
  extensionDir?: string;
  /** Fake camera/mic and auto-granted permission prompts (default true; tests need them). */
  fakeMedia?: boolean;
}

export function chromiumArgs(opts: ChromiumArgsOptions = {}): string[] {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Without it Chromium leaves 127.0.0.1 out of ICE, and a loopback-only namespace has nothing else.
    '--allow-loopback-in-peer-connection',
    '--autoplay-policy=no-user-gesture-required',
  ];
  if (opts.fakeMedia ?? true) args.push('--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream');
  if (opts.extensionDir) args.push(`--disable-extensions-except=${opts.extensionDir}`, `--load-extension=${opts.extensionDir}`);
  return args;
}

export async function launchChromium(opts: { extensionDir?: string; userDataDir?: string } = {}): Promise<BrowserContext> {
  const ownDir = opts.userDataDir === undefined;
  const userDataDir = opts.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'c2c-chromium-'));
  const launchOpts: Parameters<typeof chromium.launchPersistentContext>[1] = {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: chromiumArgs(opts.extensionDir === undefined ? {} : { extensionDir: opts.extensionDir }),
  };
  const context = await chromium.launchPersistentContext(userDataDir, launchOpts);
  if (ownDir) {
    // Remove the throw-away profile once close() is done (awaited, so nothing is left in /tmp),
    // and also if the browser goes away on its own.
    const close = context.close.bind(context);
    context.close = async (options) => {
      await close(options);
      await removeProfile(userDataDir);
    };
    context.on('close', () => void removeProfile(userDataDir));
  }
  return context;
}

/** Chromium may still be flushing its profile right after closing: retry, never throw. */
async function removeProfile(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(() => undefined);
}

/** Interface names in this process's network namespace (/sys/class/net may show the host's). */
export function networkInterfaces(): string[] {
  try {
    const out = execFileSync('ip', ['-o', 'link', 'show'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out
      .split('\n')
      .map((l) => /^\d+:\s+([^:@\s]+)/.exec(l)?.[1])
      .filter((n): n is string => n !== undefined);
  } catch {
    // No iproute2: /proc/self/net/dev is per network namespace too.
    return readFileSync('/proc/self/net/dev', 'utf8')
      .split('\n')
      .slice(2)
      .map((l) => l.split(':')[0]!.trim())
      .filter((n) => n !== '');
  }
}

/**
 * Throws unless this process sits in a network namespace whose only interface is an up loopback,
 * e.g. `unshare -n sh -c 'ip link set lo up; …'`. WebRTC tests must not reach any other network.
 */
export function assertLoopbackOnly(): void {
  const ifaces = networkInterfaces();
  const others = ifaces.filter((n) => n !== 'lo');
  const hint = `run inside a loopback-only namespace: unshare -n sh -c 'ip link set lo up; <command>'`;
  if (others.length > 0 || !ifaces.includes('lo')) {
    throw new Error(`Refusing to run WebRTC tests: network interfaces besides loopback exist (${others.join(', ') || 'no lo'}); ${hint}`);
  }
  let up = true;
  try {
    up = /[<,]UP[,>]/.test(execFileSync('ip', ['-o', 'link', 'show', 'lo'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    // Without iproute2 the interface list above is all there is to check.
  }
  if (!up) throw new Error(`Refusing to run WebRTC tests: loopback is down; ${hint}`);
}
