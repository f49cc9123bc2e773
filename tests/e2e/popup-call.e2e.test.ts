import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { assertLoopbackOnly } from './lib/chromium';
import { eventually, launchExtension, openSdkClient, type ExtensionSession } from './lib/extension';
import { markedTexts } from './lib/marks';
import { startPagesServer } from './lib/pages-server';
import { clickUi, uiShown } from './lib/shadow-ui';

assertLoopbackOnly();

interface Stats {
  packetsReceived: number;
  packetsSent: number;
}

let sandbox: Sandbox;
let ext: ExtensionSession;
let hotlines: { phone_number: string; telco_name: string }[];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  const list = await (await fetch(`${sandbox.httpUrl}/numbers`)).json();
  hotlines = list.data.numbers;
  ext = await launchExtension(sandbox.httpUrl);
});

afterAll(async () => {
  await ext?.close();
  await sandbox?.stop();
});

let popup: Page;
beforeEach(async () => {
  popup = await ext.openPopup();
});

async function dial(page: Page, target: string, opts: { mode?: 'callout' | 'voice'; hotline?: string } = {}) {
  await page.getByTestId(`mode-${opts.mode ?? 'callout'}`).check();
  await page.getByTestId('number').fill(target);
  if (opts.hotline) await page.getByTestId('hotline').selectOption(opts.hotline);
  // The popup shows the last call until a new one starts: wait for the new one.
  const status = page.getByTestId('call-status');
  const before = (await status.count()) ? await status.getAttribute('data-call-id') : null;
  await page.getByTestId('call').click();
  await eventually(async () => {
    const id = (await status.count()) ? await status.getAttribute('data-call-id') : null;
    return id !== null && id !== before;
  }, 'the new call to show');
}

const phase = (page: Page) => page.getByTestId('call-phase');

async function waitPhase(page: Page, value: string, timeout = 20_000) {
  await page.locator(`[data-testid="call-phase"][data-phase="${value}"]`).waitFor({ timeout });
}

function lastLog() {
  const log = sandbox.callLog();
  return log[log.length - 1]!;
}

describe('Call out from the popup', () => {
  it('calls a mobile from the chosen hotline, audio flows both ways, and we hang up', async () => {
    const hotline = hotlines.find((h) => /vina/i.test(h.telco_name))!.phone_number;
    await dial(popup, '0987 654 321', { hotline });
    await waitPhase(popup, 'answered');

    const entry = lastLog();
    expect(entry.from).toBe(hotline);
    expect(entry.to).toBe('84987654321');
    expect(entry.type).toBe('external');

    // Real RTP both ways: the call host's peer connection and the simulated phone's.
    await eventually(async () => {
      const s = await ext.ask<Stats>('host.getMediaStats');
      return s.packetsReceived > 20 && s.packetsSent > 20;
    }, 'audio packets in the call host');
    await eventually(() => (lastLog().media?.packetsReceived ?? 0) > 20, 'audio packets at the phone');

    expect(await popup.getByTestId('call-timer').textContent()).toMatch(/0:0\d/);
    await popup.getByTestId('hangup').click();
    await waitPhase(popup, 'ended');
    expect(await phase(popup).getAttribute('data-reason')).toBe('hangup');
    await eventually(() => lastLog().endedBy === 'caller', 'the sandbox to log our hang-up');
    expect(lastLog().result).toBe('answered');
  });

  it('shows the far end hanging up', async () => {
    await dial(popup, '0912345678', { hotline: hotlines[0]!.phone_number });
    await waitPhase(popup, 'answered');
    sandbox.hangupFromPhone(lastLog().callId);
    await waitPhase(popup, 'ended');
    expect(await phase(popup).getAttribute('data-reason')).toBe('remoteHangup');
  });

  it('keeps the call when the popup closes and the service worker stops', async () => {
    await dial(popup, '0903 111 222');
    await waitPhase(popup, 'answered');
    // The toolbar shows the live call with the popup closed.
    const badge = () => popup.evaluate(() => (globalThis as any).chrome.action.getBadgeText({}));
    await eventually(async () => (await badge()) === '●', 'the connected badge');
    await popup.close();

    await ext.stopServiceWorker();

    const before = await ext.ask<Stats>('host.getMediaStats');
    await new Promise((r) => setTimeout(r, 1500));
    const after = await ext.ask<Stats>('host.getMediaStats');
    expect(after.packetsReceived).toBeGreaterThan(before.packetsReceived);

    const again = await ext.openPopup();
    await waitPhase(again, 'answered');
    await again.getByTestId('hangup').click();
    await waitPhase(again, 'ended');
    await eventually(async () => (await again.evaluate(() => (globalThis as any).chrome.action.getBadgeText({}))) === '', 'the badge cleared');
  });

  it.each([
    ['busy', { kind: 'busy' as const }, '0977000486'],
    ['unreachable', { kind: 'unreachable' as const }, '0977000404'],
  ])('ends a %s number with that reason shown', async (reason, behaviour, number) => {
    sandbox.setPhoneBehaviour(`84${number.slice(1)}`, behaviour);
    await dial(popup, number);
    await waitPhase(popup, 'ended');
    expect(await phase(popup).getAttribute('data-reason')).toBe(reason);
    expect(await phase(popup).textContent()).toMatch(reason === 'busy' ? /Busy|bận/ : /unreachable|liên lạc/);
  });
});

describe('Free voice call', () => {
  it('reaches another Stringee user, audio both ways, then ends', async () => {
    const other = await openSdkClient(ext.context, sandbox, 'agent2');

    await dial(popup, 'agent2', { mode: 'voice' });
    await waitPhase(popup, 'answered');
    expect(lastLog()).toMatchObject({ type: 'internal', to: 'agent2', from: 'agent1' });

    await eventually(async () => (await ext.ask<Stats>('host.getMediaStats')).packetsReceived > 20, 'audio at the caller');
    await eventually(
      async () => ((await other.evaluate(() => (window as any).sdk.stats())) as Stats).packetsReceived > 20,
      'audio at the callee',
    );
    await popup.getByTestId('hangup').click();
    await waitPhase(popup, 'ended');
    await other.close();
  });
});

describe('Access token', () => {
  it('is renewed without the user when it expires', async () => {
    await eventually(async () => (await ext.snapshot()).connection.status === 'ready', 'signed in');
    const start = (await ext.connectionHistory()).length;
    // Server time jumps past the token's expiry, and the server drops the socket: the SDK
    // reconnects with the stale token and is told to get a new one.
    sandbox.setClockOffset(2 * 3600);
    sandbox.dropConnections('agent1');
    const seen = await eventually(async () => {
      const s = (await ext.connectionHistory()).slice(start);
      const i = s.indexOf('reconnecting');
      return i >= 0 && s.slice(i).includes('ready') ? s : null;
    }, 'a reconnect that ends signed in');
    expect(seen).not.toContain('error');

    await dial(popup, '0912 000 111');
    await waitPhase(popup, 'answered');
    await popup.getByTestId('hangup').click();
    sandbox.setClockOffset(0);
  });
});

describe('In-call controls', () => {
  it('mutes, holds and sends DTMF that reaches the sandbox', async () => {
    await dial(popup, '0912 000 222');
    await waitPhase(popup, 'answered');

    await popup.getByTestId('mute').click();
    await eventually(async () => (await ext.snapshot()).call?.muted, 'muted');
    expect(await popup.getByTestId('call-flags').textContent()).toMatch(/Muted|tắt micro/);
    await popup.getByTestId('mute').click();
    await eventually(async () => (await ext.snapshot()).call?.muted === false, 'unmuted');

    await popup.getByTestId('hold').click();
    await eventually(async () => (await ext.snapshot()).call?.onHold, 'on hold');
    await eventually(() => lastLog().holds.at(-1) === true, 'the sandbox to record the hold');
    await popup.getByTestId('hold').click();
    await eventually(async () => (await ext.snapshot()).call?.onHold === false, 'resumed');
    await eventually(() => lastLog().holds.at(-1) === false, 'the sandbox to record the resume');

    await popup.getByTestId('keypad-toggle').click();
    for (const key of ['1', '0', '3']) await popup.getByTestId('dtmf-pad').locator(`[data-key="${key}"]`).click();
    await popup.keyboard.press('#');
    await eventually(() => lastLog().dtmf === '103#', 'DTMF in the sandbox log');
    expect(await popup.getByTestId('dtmf-sent').textContent()).toContain('103#');

    await popup.getByTestId('hangup').click();
    await waitPhase(popup, 'ended');
  });

  it('lists microphones and speakers and keeps the choice', async () => {
    await dial(popup, '0912 000 444');
    await waitPhase(popup, 'answered');
    await popup.getByTestId('devices-toggle').click();
    const inputs = popup.getByTestId('device-input').locator('option');
    await eventually(async () => (await inputs.count()) > 1, 'microphones listed');
    const mic = (await inputs.nth(1).getAttribute('value'))!;
    await popup.getByTestId('device-input').selectOption(mic);
    await eventually(
      async () => (await popup.evaluate(() => (globalThis as any).chrome.storage.local.get('audioDevices'))).audioDevices?.input === mic,
      'the microphone choice saved',
    );
    await popup.getByTestId('hangup').click();
    await waitPhase(popup, 'ended');
    // The next call still connects with the chosen microphone.
    await dial(popup, '0912 000 555');
    await waitPhase(popup, 'answered');
    await eventually(async () => (await ext.ask<Stats>('host.getMediaStats')).packetsSent > 20, 'audio sent from the chosen microphone');
    await popup.getByTestId('hangup').click();
  });

  it('dials an extension written with the number after the answer', async () => {
    await dial(popup, '0912 000 333 máy lẻ 45');
    await waitPhase(popup, 'answered');
    await eventually(() => lastLog().dtmf === '45', 'the extension sent as DTMF', 10_000);
    await popup.getByTestId('hangup').click();
  });
});

describe('Hotline and mode rules', () => {
  it.each([
    ['Viettel', '0987 111 222'],
    ['Vinaphone', '0912 111 222'],
    ['Mobifone', '0903 111 333'],
  ])('Adaptive number calls a %s callee (%s) from the hotline on its network', async (carrier, number) => {
    await popup.getByTestId('hotline').selectOption('adaptive');
    const expected = hotlines.find((h) => h.telco_name.startsWith(carrier) && !/fixed/i.test(h.telco_name))!.phone_number;
    await popup.getByTestId('mode-callout').check();
    await popup.getByTestId('number').fill(number);
    expect(await popup.getByTestId('adaptive-preview').textContent()).toContain(carrier);
    await dial(popup, number);
    await eventually(() => lastLog().to === `84${number.replace(/\D/g, '').slice(1)}`, 'the call in the log');
    expect(lastLog().from).toBe(expected);
    await popup.getByTestId('hangup').click();
    await waitPhase(popup, 'ended');
  });

  it('refuses a Free call to a customer phone, and switches to Call out in one click', async () => {
    await popup.getByTestId('mode-voice').check();
    await popup.getByTestId('number').fill('0912 345 678');
    const calls = sandbox.callLog().length;
    await popup.getByTestId('call').click();
    await popup.locator('[data-testid="problem"][data-error="freeToPhone"]').waitFor();
    expect(sandbox.callLog().length).toBe(calls);
    await popup.getByTestId('switch-callout').click();
    expect(await popup.getByTestId('mode-callout').isChecked()).toBe(true);
  });

  it('refuses a Call out to an extension, and switches to Free voice call in one click', async () => {
    await popup.getByTestId('mode-callout').check();
    await popup.getByTestId('number').fill('103');
    await popup.getByTestId('call').click();
    await popup.locator('[data-testid="problem"][data-error="calloutToInternal"]').waitFor();
    await popup.getByTestId('switch-voice').click();
    expect(await popup.getByTestId('mode-voice').isChecked()).toBe(true);
  });

  it('asks before calling a 1900 number', async () => {
    await popup.getByTestId('mode-callout').check();
    await popup.getByTestId('number').fill('1900 6868');
    const calls = sandbox.callLog().length;
    await popup.getByTestId('call').click();
    await popup.locator('[data-testid="problem"][data-error="premiumNeedsConfirm"]').waitFor();
    expect(sandbox.callLog().length).toBe(calls);
  });

  it('refuses a second call while one is live, and a double click starts one call', async () => {
    await popup.getByTestId('mode-callout').check();
    await popup.getByTestId('number').fill('0912 555 666');
    const calls = sandbox.callLog().length;
    await popup.getByTestId('call').dblclick();
    await waitPhase(popup, 'answered');
    const second = await popup.evaluate(
      ([app]) => (globalThis as any).chrome.runtime.sendMessage({ app, kind: 'request', type: 'call.start', payload: { target: '0912 777 888', mode: 'callout', hotline: { kind: 'adaptive' } } }),
      ['stringee-c2c/1'] as const,
    );
    expect(second).toMatchObject({ ok: false, error: 'callInProgress' });
    expect(sandbox.callLog().length).toBe(calls + 1);
    await popup.getByTestId('hangup').click();
    await waitPhase(popup, 'ended');
  });
});

describe('Free video call', () => {
  it('opens the call window, with real video and audio both ways, and hangs up there', async () => {
    const other = await openSdkClient(ext.context, sandbox, 'agent3');

    await popup.getByTestId('mode-video').check();
    await popup.getByTestId('number').fill('103');
    const opened = ext.context.waitForEvent('page', (p) => p.url().includes('/call-window.html'));
    await popup.getByTestId('call').click();
    const win = await opened;
    await popup.getByTestId('video-in-window').waitFor();
    await waitPhase(win, 'answered');
    expect(lastLog()).toMatchObject({ type: 'internal', to: '103', calleeUserId: 'agent3', video: true });

    const ask = (type: string) =>
      popup.evaluate(
        ([app, t]) => (globalThis as any).chrome.runtime.sendMessage({ app, kind: 'request', type: t, payload: {} }),
        ['stringee-c2c/1', type] as const,
      );
    await eventually(async () => {
      const s = await ask('window.getMediaStats');
      return s.packetsReceived > 20 && s.packetsSent > 20 && s.videoFramesDecoded > 10;
    }, 'audio and video in the call window');
    await eventually(async () => ((await other.evaluate(() => (window as any).sdk.stats())) as Stats).packetsReceived > 20, 'audio at the callee');
    expect(await win.getByTestId('remote-video').evaluate((v: HTMLVideoElement) => v.videoWidth > 0)).toBe(true);

    // One call at a time: the popup refuses another while the video call is live.
    await popup.getByTestId('mode-callout').check();
    await popup.getByTestId('number').fill('0912 000 999');
    await popup.getByTestId('call').click();
    await popup.locator('[data-testid="problem"][data-error="callInProgress"]').waitFor();

    await win.getByTestId('camera').click();
    await eventually(async () => (await ask('window.getState')).call?.cameraOff, 'camera off');
    await win.getByTestId('hangup').click();
    await waitPhase(win, 'ended');
    await eventually(() => lastLog().endedAt !== undefined, 'the sandbox to end the call');
    await win.close();
    await other.close();
  });
});

describe('Calls to us', () => {
  const callUs = (page: Page) => page.evaluate(() => (window as any).sdk.makeCall('agent2', 'agent1', false));
  const callerEvents = (page: Page) => page.evaluate(() => (window as any).sdk.events.map((e: any) => e.type + ':' + (e.data?.code ?? '')));

  it('rings, is answered from the popup, audio flows both ways, and lands in recents', async () => {
    const caller = await openSdkClient(ext.context, sandbox, 'agent2');
    await callUs(caller);
    await waitPhase(popup, 'incoming');
    expect(await popup.getByTestId('call-status').textContent()).toContain('agent2');
    await eventually(async () => (await popup.evaluate(() => (globalThis as any).chrome.action.getBadgeText({}))) === '((•))', 'the ringing badge');
    await popup.getByTestId('answer').click();
    await waitPhase(popup, 'answered');
    await eventually(async () => (await ext.ask<Stats>('host.getMediaStats')).packetsReceived > 20, 'audio from the caller');
    await eventually(async () => ((await caller.evaluate(() => (window as any).sdk.stats())) as Stats).packetsReceived > 20, 'audio at the caller');
    await popup.getByTestId('hangup').click();
    await waitPhase(popup, 'ended');
    await eventually(async () => {
      const { recents } = await popup.evaluate(() => (globalThis as any).chrome.storage.local.get('recents'));
      return recents?.[0]?.direction === 'incoming' && recents[0].target === 'agent2' && recents[0].result === 'answered';
    }, 'the incoming call in recents');
    await caller.close();
  });

  it('a customer calls a hotline: rings with the number and hotline, answered, audio both ways', async () => {
    const callId = sandbox.callFromPhone('84912777888', 'agent1', { hotline: hotlines[1]!.phone_number });
    await waitPhase(popup, 'incoming');
    expect(await popup.getByTestId('call-peer').textContent()).toBe('0912 777 888');
    await popup.getByTestId('answer').click();
    await waitPhase(popup, 'answered');
    await eventually(async () => (await ext.ask<Stats>('host.getMediaStats')).packetsReceived > 20, 'audio from the customer');
    await eventually(() => (sandbox.callLog().find((e) => e.callId === callId)?.media?.packetsReceived ?? 0) > 20, 'audio at the customer');
    sandbox.hangupFromPhone(callId);
    await waitPhase(popup, 'ended');
    expect(await phase(popup).getAttribute('data-reason')).toBe('remoteHangup');
    await eventually(async () => {
      const { recents } = await popup.evaluate(() => (globalThis as any).chrome.storage.local.get('recents'));
      const r = recents?.[0];
      return r?.direction === 'incoming' && r.target === '84912777888' && r.hotline === hotlines[1]!.phone_number && r.mode === 'callout';
    }, 'the customer call in recents with its hotline');
  });

  it('declines: the caller hears busy', async () => {
    const caller = await openSdkClient(ext.context, sandbox, 'agent2');
    await callUs(caller);
    await waitPhase(popup, 'incoming');
    await popup.getByTestId('decline').click();
    await waitPhase(popup, 'ended');
    expect(await phase(popup).getAttribute('data-reason')).toBe('declined');
    await eventually(async () => (await callerEvents(caller)).some((e: string) => /signalingstate:5/.test(e)), 'busy at the caller');
    await caller.close();
  });

  it('shows a missed call when the caller gives up', async () => {
    const caller = await openSdkClient(ext.context, sandbox, 'agent2');
    await callUs(caller);
    await waitPhase(popup, 'incoming');
    await caller.evaluate(() => (window as any).sdk.hangup());
    await waitPhase(popup, 'ended');
    expect(await phase(popup).getAttribute('data-reason')).toBe('missed');
    await caller.close();
  });
});

describe('Calls from a web page', () => {
  it('one trusted click on a number\'s icon places a real Call out from the Adaptive hotline', async () => {
    // The remembered hotline choice is what a click on a page uses.
    await popup.getByTestId('hotline').selectOption('adaptive');
    const pages = await startPagesServer();
    pages.put('crm.html', '<!doctype html><meta charset="utf-8"><body><p>Khách hàng: Lê Văn C — ĐT: <span id="n">0903 111 444</span></p></body>');
    const page = await ext.context.newPage();
    try {
      await page.goto(`${pages.url}/gen/crm.html`);
      await eventually(async () => (await markedTexts(page)).includes('0903 111 444'), 'the number marked');
      // A real pointer over the number brings the icon; a real click on it calls.
      const at = await page.evaluate(() => {
        const b = document.getElementById('n')!.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      });
      await page.mouse.move(at.x, at.y);
      await eventually(() => uiShown(page, 'c2c-icon'), 'the icon on hover');
      const calls = sandbox.callLog().length;
      await clickUi(page, 'c2c-icon');
      await eventually(() => sandbox.callLog().length > calls && lastLog().answeredAt !== undefined, 'the call answered at the phone');
      const mobifone = hotlines.find((h) => h.telco_name.startsWith('Mobifone') && !/fixed/i.test(h.telco_name))!.phone_number;
      expect(lastLog()).toMatchObject({ from: mobifone, to: '84903111444', type: 'external' });
      await ext.ask('call.hangup');
      await eventually(async () => (await ext.snapshot()).call?.phase === 'ended', 'the call ended');
    } finally {
      await page.close();
      await pages.close();
    }
  });
});
