import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import {
  eventually,
  firefoxClickUi,
  firefoxUiBox,
  launchFirefoxExtension,
  loopbackDefaultRoute,
  type FirefoxExtensionSession,
} from './lib/firefox';
import { startPagesServer } from './lib/pages-server';

// Screenshots for people to look at, beside the Chromium ones. This file runs before
// screenshots.e2e.test.ts, so on a fresh clone it makes the folder itself.
const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
mkdirSync(SHOTS, { recursive: true });

// Firefox (Debian's firefox-esr over WebDriver BiDi) with the built .output/firefox-mv2, against
// the sandbox. The microphone is allowed the way a user does it: Firefox's permission check
// stays on, with the decision remembered for the extension (see FirefoxOptions.microphone).
const undoRoute = loopbackDefaultRoute();

interface Stats {
  packetsReceived: number;
  packetsSent: number;
}

let sandbox: Sandbox;
let ext: FirefoxExtensionSession;
let hotlines: { phone_number: string; telco_name: string }[];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  hotlines = (await (await fetch(`${sandbox.httpUrl}/numbers`)).json()).data.numbers;
  // The sandbox's SDK test page is the far end of Free calls: it may use its microphone too.
  ext = await launchFirefoxExtension(sandbox.httpUrl, 'agent1', { microphone: 'remembered', allowOrigins: [sandbox.httpUrl] });
});

afterAll(async () => {
  await ext?.close();
  await sandbox?.stop();
  undoRoute();
});

// One call at a time: a test that failed mid-call must not fail the next one too.
afterEach(async () => {
  await ext?.ask('call.hangup').catch(() => undefined);
});

function lastLog() {
  const log = sandbox.callLog();
  return log[log.length - 1]!;
}

const phaseOf = (page: Page) =>
  page.$eval('[data-testid="call-phase"]', (el) => [el.getAttribute('data-phase'), el.getAttribute('data-reason')]).catch(() => [null, null]);

async function waitPhase(page: Page, phase: string, timeout = 20_000) {
  await page.waitForSelector(`[data-testid="call-phase"][data-phase="${phase}"]`, { timeout });
}

describe('Firefox: calls', () => {
  it('Call out from the popup: the call window holds it, audio flows both ways, and we hang up', async () => {
    const popup = await ext.openPopup();
    const hotline = hotlines.find((h) => /vina/i.test(h.telco_name))!.phone_number;
    await popup.click('[data-testid="mode-callout"]');
    await popup.type('[data-testid="number"]', '0987 654 321');
    await popup.select('[data-testid="hotline"]', hotline);
    const calls = sandbox.callLog().length;
    await popup.click('[data-testid="call"]');
    await waitPhase(popup, 'answered');
    expect(sandbox.callLog().length).toBe(calls + 1);
    expect(lastLog()).toMatchObject({ from: hotline, to: '84987654321', type: 'external' });

    // Real RTP both ways: the call host's peer connection and the simulated phone's.
    await eventually(async () => {
      const s = await ext.ask<Stats>('host.getMediaStats');
      return s.packetsReceived > 20 && s.packetsSent > 20;
    }, 'audio packets in the call host');
    await eventually(() => (lastLog().media?.packetsReceived ?? 0) > 20, 'audio packets at the phone');

    // The call runs in our window, whose softphone shows it too.
    const win = await ext.findPage('/call-host-window.html');
    await eventually(
      () =>
        win.evaluate(() => {
          const frame = document.getElementById('softphone') as HTMLIFrameElement | null;
          return frame?.contentDocument?.querySelector('[data-testid="call-phase"]')?.getAttribute('data-phase') === 'answered';
        }),
      'the softphone in the call window to show the call',
    );
    await win.screenshot({ path: path.join(SHOTS, 'firefox-call-window.png') });

    await popup.click('[data-testid="hangup"]');
    await waitPhase(popup, 'ended');
    expect(await phaseOf(popup)).toEqual(['ended', 'hangup']);
    await eventually(() => lastLog().endedBy === 'caller', 'the sandbox to log our hang-up');
    expect(lastLog().result).toBe('answered');
    await popup.close();

    // The agent closes the call window: the host is gone, and the softphone says idle. (The
    // next test's call opens a fresh window. One left open behind others is brought forward,
    // since Firefox lets only a focused window use the microphone; Firefox under automation
    // does not focus windows, so that path is not covered here.)
    await win.close();
    await eventually(async () => (await ext.ask<{ call: unknown; connection: { status: string } }>('call.getState')).connection.status === 'idle', 'no call host');
  });

  it("one trusted click on a number's icon places a real Call out", async () => {
    const pages = await startPagesServer();
    pages.put('crm.html', '<!doctype html><meta charset="utf-8"><body><p>Khách hàng: Lê Văn C — ĐT: <span id="n">0903 111 444</span></p></body>');
    const page = await ext.browser.newPage();
    try {
      await page.goto(`${pages.url}/gen/crm.html`);
      // A real pointer over the number brings the icon; a real click on it calls.
      const at = await page.$eval('#n', (el) => {
        const b = el.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      });
      await eventually(async () => {
        await page.mouse.move(5, 5);
        await page.mouse.move(at.x, at.y);
        return firefoxUiBox(page, 'c2c-icon');
      }, 'the icon on hover');
      const calls = sandbox.callLog().length;
      await firefoxClickUi(page, 'c2c-icon');
      await eventually(() => sandbox.callLog().length > calls && lastLog().answeredAt !== undefined, 'the call answered at the phone');
      expect(lastLog()).toMatchObject({ to: '84903111444', type: 'external' });
      await eventually(async () => (await ext.ask<Stats>('host.getMediaStats')).packetsReceived > 20, 'audio in the call host');
      await ext.ask('call.hangup');
      await eventually(async () => (await ext.snapshot()).call?.phase === 'ended', 'the call ended');
    } finally {
      await page.close();
      await pages.close();
    }
  });
});

describe('Firefox: calls to us', () => {
  it('ring in the open call window, are answered there, and audio flows both ways', async () => {
    // The window the last test's call opened stays open: its host is signed in.
    const win = await ext.findPage('/call-host-window.html');
    const callId = sandbox.callFromPhone('84912777888', 'agent1', { hotline: hotlines[1]!.phone_number });
    // The softphone is a frame of ours in the window: read it through the window's page.
    const phase = () =>
      win.evaluate(() => {
        const doc = (document.getElementById('softphone') as HTMLIFrameElement).contentDocument;
        return doc?.querySelector('[data-testid="call-phase"]')?.getAttribute('data-phase');
      });
    await eventually(async () => (await phase()) === 'incoming', 'the call window ringing');
    // The agent clicks Answer in the window (which focuses it, as Firefox needs for the microphone).
    await win.bringToFront();
    const at = await win.evaluate(() => {
      const doc = (document.getElementById('softphone') as HTMLIFrameElement).contentDocument!;
      const r = doc.querySelector('[data-testid="answer"]')!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await win.mouse.click(at.x, at.y);
    await eventually(async () => (await ext.snapshot()).call?.phase === 'answered', 'answered');
    await eventually(async () => (await ext.ask<Stats>('host.getMediaStats')).packetsReceived > 20, 'audio from the customer');
    await eventually(() => (sandbox.callLog().find((e) => e.callId === callId)?.media?.packetsReceived ?? 0) > 20, 'audio at the customer');
    sandbox.hangupFromPhone(callId);
    await eventually(async () => (await ext.snapshot()).call?.endReason === 'remoteHangup', 'the customer hanging up');
  });
});

describe('Firefox: Free video call', () => {
  it('runs in the video call window with video and audio both ways, and hangs up there', async () => {
    const other = await ext.browser.newPage();
    await other.goto(`${sandbox.httpUrl}/sdk-client.html?autoanswer=1`);
    await other.evaluate((ws, token) => (window as any).sdk.connect(ws, token), sandbox.wsUrl, sandbox.issueToken('agent3'));
    await eventually(() => other.evaluate(() => (window as any).sdk.state().client.authenticated), 'agent3 signed in');
    const popup = await ext.openPopup();
    try {
      await popup.click('[data-testid="mode-video"]');
      await popup.type('[data-testid="number"]', '103');
      await popup.click('[data-testid="call"]');
      const win = await ext.findPage('/call-window.html');
      await waitPhase(win, 'answered');
      expect(lastLog()).toMatchObject({ type: 'internal', to: '103', calleeUserId: 'agent3', video: true });
      // The callee is another person at another screen: here a tab of the same Firefox, which
      // lets it use the camera only while it has focus (our window had it when it started).
      await other.bringToFront();
      await eventually(async () => {
        const s = await ext.ask<Stats & { videoFramesDecoded: number }>('window.getMediaStats');
        return s.packetsReceived > 20 && s.packetsSent > 20 && s.videoFramesDecoded > 10;
      }, 'audio and video in the call window');
      await eventually(async () => ((await other.evaluate(() => (window as any).sdk.stats())) as Stats).packetsReceived > 20, 'audio at the callee');
      await win.click('[data-testid="hangup"]');
      await waitPhase(win, 'ended');
      await eventually(() => lastLog().endedAt !== undefined, 'the sandbox to end the call');
      await win.close();
    } finally {
      await popup.close();
      await other.close();
    }
  });
});

describe('Firefox: a Free video call to us', () => {
  it('rings in the call window, and answered, opens the video window with the caller’s video', async () => {
    const caller = await ext.browser.newPage();
    try {
      await caller.goto(`${sandbox.httpUrl}/sdk-client.html`);
      await caller.evaluate((ws, token) => (window as any).sdk.connect(ws, token), sandbox.wsUrl, sandbox.issueToken('agent2'));
      await eventually(() => caller.evaluate(() => (window as any).sdk.state().client.authenticated), 'agent2 signed in');
      // The call window of the earlier tests is open: its host is signed in and rings.
      const host = await ext.findPage('/call-host-window.html');
      await caller.evaluate(() => (window as any).sdk.makeCall('agent2', 'agent1', true));
      await eventually(async () => (await ext.snapshot()).call?.phase === 'incoming', 'ringing');
      expect((await ext.snapshot()).call).toMatchObject({ direction: 'incoming', mode: 'video', from: 'agent2' });
      await host.bringToFront();
      expect((await ext.ask<{ ok: boolean }>('call.answer')).ok).toBe(true);
      const win = await ext.findPage('/call-window.html');
      await waitPhase(win, 'answered');
      // The caller's video, handed over from the host, is drawn in the window (Firefox counts
      // the frames it painted; its playback quality counts none for a MediaStream).
      const frames = () =>
        win.$eval('[data-testid="remote-video"]', (v) => ((v as HTMLVideoElement).videoWidth > 0 ? ((v as unknown as { mozPaintedFrames: number }).mozPaintedFrames ?? 0) : 0));
      const first = await eventually(frames, 'remote video in the window');
      await eventually(async () => (await frames()) > first + 10, 'more remote frames drawn');
      await eventually(async () => ((await ext.ask<Stats>('host.getMediaStats')).packetsReceived ?? 0) > 20, 'audio from the caller');
      await win.click('[data-testid="hangup"]');
      await eventually(async () => (await ext.snapshot()).call?.phase === 'ended', 'ended');
    } finally {
      await caller.close();
    }
  });
});

describe('Firefox: closing the call window', () => {
  it('hangs up its live call at once, and the call stays in recents', async () => {
    const popup = await ext.openPopup();
    await popup.click('[data-testid="mode-callout"]');
    await popup.type('[data-testid="number"]', '0983 000 001'); // answers after 2 s
    await popup.click('[data-testid="call"]');
    await eventually(async () => (await ext.snapshot()).call?.phase === 'answered', 'answered');
    const { id, callId } = (await ext.snapshot()).call!;
    await popup.close();
    const win = await ext.findPage('/call-host-window.html');
    await win.close();
    // At once, not after the sandbox's 30 s grace for a dropped socket.
    await eventually(() => sandbox.callLog().find((e) => e.callId === callId)?.endedBy === 'caller', 'the hang-up at the phone network', 5_000);
    const setup = await ext.openPage('/onboarding.html');
    await eventually(async () => {
      const { recents } = await setup.evaluate(() => (globalThis as any).browser.storage.local.get('recents'));
      return recents?.[0]?.id === id && recents[0].target === '84983000001' && recents[0].result === 'answered';
    }, 'the call in recents');
    await setup.close();
  });
});

describe('Firefox: the microphone', () => {
  it('the setup page sees the remembered permission as granted', async () => {
    const setup = await ext.openPage('/onboarding.html');
    await setup.waitForSelector('[data-testid="mic-granted"]');
    expect(await setup.$('[data-testid="mic-remember"]')).toBeNull();
    await setup.close();
  });
});

describe('Firefox: a blocked microphone', () => {
  let blocked: FirefoxExtensionSession;
  beforeAll(async () => {
    blocked = await launchFirefoxExtension(sandbox.httpUrl, 'agent2', { microphone: 'blocked' });
  });
  afterAll(async () => {
    await blocked?.close();
  });

  it('ends the call at once with micDenied, before anything reaches the phone network', async () => {
    const popup = await blocked.openPopup();
    await popup.click('[data-testid="mode-callout"]');
    await popup.type('[data-testid="number"]', '0912 000 777');
    await popup.click('[data-testid="call"]');
    await waitPhase(popup, 'ended');
    expect(await phaseOf(popup)).toEqual(['ended', 'micDenied']);
    expect(sandbox.callLog().some((e) => e.to === '84912000777' && e.answeredAt !== undefined)).toBe(false);
    await popup.close();
  });

  it('the setup page says to tick "Remember this decision", in English and Vietnamese', async () => {
    const setup = await blocked.openPage('/onboarding.html');
    const remember = async () => setup.$eval('[data-testid="mic-remember"]', (el) => el.textContent ?? '');
    await setup.waitForSelector('[data-testid="mic-remember"]');
    await setup.click('[data-testid="allow-mic"]');
    await setup.waitForSelector('[role="alert"]');
    await setup.evaluate(() => (globalThis as any).browser.storage.local.set({ language: 'en' }));
    await eventually(async () => (await remember()).includes('Remember this decision'), 'the English hint');
    await setup.screenshot({ path: path.join(SHOTS, 'firefox-onboarding-en.png') });
    await setup.evaluate(() => (globalThis as any).browser.storage.local.set({ language: 'vi' }));
    await eventually(async () => (await remember()).includes('Ghi nhớ quyết định này'), 'the Vietnamese hint');
    await setup.screenshot({ path: path.join(SHOTS, 'firefox-onboarding-vi.png') });
  });
});
