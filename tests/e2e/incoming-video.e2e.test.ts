import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import type { MediaStats } from '../../utils/messaging/protocol';
import { assertLoopbackOnly } from './lib/chromium';
import { eventually, launchExtension, openSdkClient, type ExtensionSession } from './lib/extension';

assertLoopbackOnly();

// Free video calls placed to agent1 by another Stringee user (the sandbox's SDK client page):
// they ring in the call host, and the call window opened on answer shows them.

let sandbox: Sandbox;
let ext: ExtensionSession;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  ext = await launchExtension(sandbox.httpUrl);
  await eventually(async () => (await ext.snapshot()).connection.status === 'ready', 'agent1 signed in');
});

afterAll(async () => {
  await ext?.close();
  await sandbox?.stop();
});

let popup: Page;
beforeEach(async () => {
  popup = await ext.openPopup();
});
// A failed test must not leave its call live for the next one (one call at a time).
afterEach(async () => {
  await ext.ask('call.hangup').catch(() => undefined);
  for (const page of ext.context.pages()) {
    if (page.url().includes('/call-window.html') || page.url().includes('/sdk-client.html')) await page.close();
  }
  await popup.close();
});

const waitPhase = (page: Page, value: string) =>
  page.locator(`[data-testid="call-phase"][data-phase="${value}"]`).waitFor({ timeout: 20_000 });
const callUs = (caller: Page, video: boolean) =>
  caller.evaluate((v) => (window as any).sdk.makeCall((window as any).sdk.state().client.userId, 'agent1', v), video);
const events = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as any).sdk.events.map((e: any) => `${e.type}:${e.data?.code ?? ''}`));
const callerStats = (page: Page): Promise<{ packetsReceived: number; packetsSent: number }> =>
  page.evaluate(() => (window as any).sdk.stats());
/** The ids of the incoming-call notifications showing now. */
const notifications = async () => Object.keys(await (await ext.worker()).evaluate(() => (globalThis as any).chrome.notifications.getAll()));
/** Frames the <video> has really drawn so far. */
const framesShown = (win: Page, testid: string) =>
  win.getByTestId(testid).evaluate((v: HTMLVideoElement) => (v.videoWidth > 0 ? v.getVideoPlaybackQuality().totalVideoFrames : 0));

function logOf(callId: string | undefined) {
  return sandbox.callLog().find((e) => e.callId === callId);
}

describe('A Free video call to us', () => {
  it('rings as a video call, opens the call window on answer with video and audio both ways, and hangs up on both sides', async () => {
    const caller = await openSdkClient(ext.context, sandbox, 'agent2');
    await callUs(caller, true);

    // Ringing: the popup and the notification say it is a video call.
    await waitPhase(popup, 'incoming');
    expect(await popup.getByTestId('call-mode').getAttribute('data-mode')).toBe('video');
    expect(await popup.getByTestId('call-phase').textContent()).toMatch(/Incoming video call|Cuộc gọi video đến/);
    const ringing = (await ext.snapshot()).call!;
    expect(ringing).toMatchObject({ direction: 'incoming', mode: 'video', from: 'agent2' });
    await eventually(async () => (await notifications()).includes(`incoming:${ringing.id}`), 'the incoming-call notification');

    const opened = ext.context.waitForEvent('page', (p) => p.url().includes('/call-window.html'));
    await popup.getByTestId('answer').click();
    const win = await opened;
    expect(new URL(win.url()).searchParams.get('answered')).toBe(ringing.id);
    await waitPhase(win, 'answered');
    expect(await win.getByTestId('call-mode').getAttribute('data-mode')).toBe('video');
    await eventually(async () => !(await notifications()).includes(`incoming:${ringing.id}`), 'the notification gone');
    await popup.getByTestId('video-in-window').waitFor();

    // The caller's video is drawn in the window (frames keep coming), beside our own camera.
    const first = await eventually(() => framesShown(win, 'remote-video'), 'remote video in the window');
    await eventually(async () => (await framesShown(win, 'remote-video')) > first + 10, 'more remote frames drawn');
    await eventually(() => framesShown(win, 'local-video'), 'our camera preview');
    expect(await win.getByTestId('remote-video').evaluate((v: HTMLVideoElement) => v.muted)).toBe(true); // the sound plays in the host
    // Audio both ways, and video decoded by the call's own peer connection.
    await eventually(async () => {
      const s = await ext.ask<MediaStats>('host.getMediaStats');
      return s.packetsReceived > 20 && s.packetsSent > 20 && s.videoFramesDecoded > 10;
    }, 'audio both ways and video in the call host');
    await eventually(async () => (await callerStats(caller)).packetsReceived > 20, 'audio at the caller');
    expect(logOf(ringing.callId)).toMatchObject({ type: 'internal', video: true, calleeUserId: 'agent1' });

    // One call at a time: a second caller hears busy.
    const second = await openSdkClient(ext.context, sandbox, 'agent3');
    await callUs(second, false);
    await eventually(async () => (await events(second)).includes('signalingstate:5'), 'busy at the second caller');
    expect((await ext.snapshot()).call?.id).toBe(ringing.id);

    // The camera button reaches the call in the host.
    await win.getByTestId('camera').click();
    await eventually(async () => (await ext.snapshot()).call?.cameraOff, 'camera off');

    await win.getByTestId('hangup').click();
    await waitPhase(win, 'ended');
    expect(await win.getByTestId('call-phase').getAttribute('data-reason')).toBe('hangup');
    await eventually(async () => (await events(caller)).includes('signalingstate:6'), 'the call ended at the caller');
    await eventually(() => logOf(ringing.callId)?.endedBy === 'callee', 'the sandbox to log our hang-up');
    expect(logOf(ringing.callId)?.result).toBe('answered');
    await waitPhase(popup, 'ended');
    await eventually(async () => {
      const { recents } = await popup.evaluate(() => (globalThis as any).chrome.storage.local.get('recents'));
      const r = recents?.[0];
      return r?.id === ringing.id && r.direction === 'incoming' && r.mode === 'video' && r.target === 'agent2' && r.result === 'answered';
    }, 'the video call in recents');
    await win.close();
    await second.close();
    await caller.close();
  });

  it('closing the call window hangs up', async () => {
    const caller = await openSdkClient(ext.context, sandbox, 'agent2');
    await callUs(caller, true);
    await waitPhase(popup, 'incoming');
    const opened = ext.context.waitForEvent('page', (p) => p.url().includes('/call-window.html'));
    await popup.getByTestId('answer').click();
    const win = await opened;
    await eventually(() => framesShown(win, 'remote-video'), 'remote video in the window');
    await win.close({ runBeforeUnload: true });
    await eventually(async () => (await events(caller)).includes('signalingstate:6'), 'the call ended at the caller');
    await waitPhase(popup, 'ended');
    expect(await popup.getByTestId('call-phase').getAttribute('data-reason')).toBe('hangup');
    await caller.close();
  });

  it.each([
    ['the softphone', (_: string) => popup.getByTestId('decline').click()],
    ['the notification', async (id: string) => (await ext.worker()).evaluate((n) => (globalThis as any).c2cNotificationButton(n, 1), `incoming:${id}`)],
  ])('is declined from %s: the caller hears busy and no window opens', async (_, decline) => {
    const caller = await openSdkClient(ext.context, sandbox, 'agent2');
    let windows = 0;
    const count = (p: Page) => void (p.url().includes('/call-window.html') && windows++);
    ext.context.on('page', count);
    await callUs(caller, true);
    await waitPhase(popup, 'incoming');
    const { id } = (await ext.snapshot()).call!;
    await decline(id);
    await waitPhase(popup, 'ended');
    expect(await popup.getByTestId('call-phase').getAttribute('data-reason')).toBe('declined');
    await eventually(async () => (await events(caller)).includes('signalingstate:5'), 'busy at the caller');
    await eventually(async () => !(await notifications()).includes(`incoming:${id}`), 'the notification gone');
    await eventually(async () => {
      const { recents } = await popup.evaluate(() => (globalThis as any).chrome.storage.local.get('recents'));
      return recents?.[0]?.id === id && recents[0].mode === 'video' && recents[0].result === 'declined';
    }, 'the declined video call in recents');
    ext.context.off('page', count);
    expect(windows).toBe(0);
    await caller.close();
  });

  it('answered from the notification, it opens the call window too', async () => {
    const caller = await openSdkClient(ext.context, sandbox, 'agent2');
    await callUs(caller, true);
    await waitPhase(popup, 'incoming');
    const { id } = (await ext.snapshot()).call!;
    const opened = ext.context.waitForEvent('page', (p) => p.url().includes('/call-window.html'));
    await (await ext.worker()).evaluate((n) => (globalThis as any).c2cNotificationButton(n, 0), `incoming:${id}`);
    const win = await opened;
    await waitPhase(win, 'answered');
    await eventually(() => framesShown(win, 'remote-video'), 'remote video in the window');
    // The caller hangs up: the window shows it.
    await caller.evaluate(() => (window as any).sdk.hangup());
    await waitPhase(win, 'ended');
    expect(await win.getByTestId('call-phase').getAttribute('data-reason')).toBe('remoteHangup');
    await win.close();
    await caller.close();
  });

  it('a voice call to us still rings and is answered in the softphone, with no window', async () => {
    const caller = await openSdkClient(ext.context, sandbox, 'agent2');
    let windows = 0;
    const count = (p: Page) => void (p.url().includes('/call-window.html') && windows++);
    ext.context.on('page', count);
    await callUs(caller, false);
    await waitPhase(popup, 'incoming');
    expect(await popup.getByTestId('call-mode').getAttribute('data-mode')).toBe('voice');
    await popup.getByTestId('answer').click();
    await waitPhase(popup, 'answered');
    await eventually(async () => (await ext.ask<MediaStats>('host.getMediaStats')).packetsReceived > 20, 'audio from the caller');
    await popup.getByTestId('hangup').click();
    await waitPhase(popup, 'ended');
    ext.context.off('page', count);
    expect(windows).toBe(0);
    await caller.close();
  });

  it('a call to us while we are on a video call we placed (in its window) hears busy', async () => {
    const callee = await openSdkClient(ext.context, sandbox, 'agent3');
    await popup.getByTestId('mode-video').check();
    await popup.getByTestId('number').fill('103');
    const opened = ext.context.waitForEvent('page', (p) => p.url().includes('/call-window.html'));
    await popup.getByTestId('call').click();
    const win = await opened;
    await waitPhase(win, 'answered');

    const caller = await openSdkClient(ext.context, sandbox, 'agent2');
    await callUs(caller, false);
    await eventually(async () => (await events(caller)).includes('signalingstate:5'), 'busy at the caller');
    expect((await ext.snapshot()).call?.phase ?? 'none').not.toBe('incoming');

    // Once that call is over, the window's own device signs out and calls to us ring again.
    await win.getByTestId('hangup').click();
    await waitPhase(win, 'ended');
    await eventually(
      async () => (await ext.ask<{ connection: { status: string } }>('window.getState')).connection.status === 'idle',
      'the window signed out',
    );
    await callUs(caller, false);
    await waitPhase(popup, 'incoming');
    await popup.getByTestId('decline').click();
    await waitPhase(popup, 'ended');
    await win.close();
    await caller.close();
    await callee.close();
  });
});
