// `npm start`: build the extension, start the local Stringee sandbox, and open Chromium with the
// extension loaded and signed in to the sandbox, on the sandbox's demo CRM page.
// Flags: --headless (no window; for machines without a display), --port N (sandbox port).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startSandbox } from '../sandbox/index';
import { sandboxAccount, SANDBOX_PORT } from '../utils/settings/sandbox-account';
import { chromiumArgs } from '../tests/e2e/lib/chromium';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const headless = args.includes('--headless') || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : SANDBOX_PORT;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const build = spawnSync(path.join(root, 'node_modules/.bin/wxt'), ['build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const extensionDir = path.join(root, '.output/chrome-mv3');

const sandbox = await startSandbox({ port });
console.log(`Sandbox: ${sandbox.httpUrl} (Stringee server ${sandbox.wsUrl})`);

// A kept profile remembers the microphone grant between runs.
const profile = path.join(root, '.output/chromium-profile');
mkdirSync(profile, { recursive: true });
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless,
  viewport: null,
  ignoreDefaultArgs: ['--disable-extensions', '--enable-automation'],
  args: chromiumArgs({ extensionDir, fakeMedia: headless }),
});
const worker =
  context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
  (await context.waitForEvent('serviceworker'));
await worker.evaluate((a) => (globalThis as any).chrome.storage.local.set({ account: a }), sandboxAccount(sandbox.httpUrl));
const id = new URL(worker.url()).host;

const demo = context.pages()[0] ?? (await context.newPage());
await demo.goto(`${sandbox.httpUrl}/demo`);
console.log(`Extension ${id} signed in to the sandbox as agent1.`);
console.log(`Softphone: click the extension's toolbar icon, or open chrome-extension://${id}/popup.html`);
console.log('Press Ctrl+C to stop.');

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await context.close().catch(() => undefined);
  await sandbox.stop();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
context.on('close', stop);
