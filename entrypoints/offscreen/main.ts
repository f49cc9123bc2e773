import type { CallView, HostSnapshot } from '@/utils/call/types';
import { emit, listen, request } from '@/utils/messaging/runtime';
import { StringeeConnection } from '@/utils/call-host/connection';
import { applyAudioDevices, installCaptureRules, listAudioDevices } from '@/utils/call-host/devices';
import { CallSession } from '@/utils/call-host/call-session';
import { offerVideoHandoff } from '@/utils/call-host/video-handoff';
import { videoWindowCallLive } from '@/utils/call-host/video-window-call';
import type { StringeeCall } from 'stringee';

/**
 * The call host: the offscreen document that outlives the popup and the service worker. It
 * holds the one Stringee connection and at most one live call, and reports every change.
 */
const audio = document.getElementById('remote-audio') as HTMLAudioElement;
installCaptureRules();
let session: CallSession | null = null;

const connection = new StringeeConnection(
  (fresh) => request('host.needConfig', { fresh }),
  () => publish(),
);

function track(current: CallSession): CallSession {
  session = current;
  publish();
  return current;
}

const onCallChange = (view: CallView) => {
  publish();
  if (view.phase === 'ended') emit('host.callEnded', view);
};

// One call at a time: a call placed to us while we are on another, here or in a video call
// window (its own Stringee device), hears busy. A Free video call rings here like any other; once
// answered, its window shows the video (the call stays here: see utils/call-host/video-handoff.ts).
connection.onIncoming = (call) => void takeIncoming(call).catch((e) => console.error('[call-host] incoming call', e));

async function takeIncoming(call: StringeeCall): Promise<void> {
  const busy = () => session?.live === true;
  // Asked again after the window: another call may have come in meanwhile.
  if (busy() || (await videoWindowCallLive()) || busy()) {
    call.reject();
    return;
  }
  // The caller gave up, or another device of ours answered, while the window was asked.
  if (call.ended || call.answeredOnAnotherDevice) return;
  track(CallSession.incoming(call, { remote: audio }, onCallChange));
}

offerVideoHandoff({
  attach: (callId, viewer) => {
    const current = session;
    if (!current || current.view.id !== callId) return null;
    const detach = current.addViewer(viewer);
    return detach && (() => (detach(), current.hangup()));
  },
});

function snapshot(): HostSnapshot {
  return { connection: connection.view, call: session?.view ?? null };
}

function publish(): void {
  emit('host.state', snapshot());
}

listen('host', {
  requests: {
    'host.getState': () => snapshot(),
    'host.makeCall': (req) => {
      if (session?.live) return { ok: false, error: 'callInProgress' };
      const current = track(new CallSession(req, { remote: audio }, onCallChange));
      connection.ensureReady().then(
        (client) => current.start(client),
        (e: Error) => current.fail('notConnected', e.message),
      );
      return { ok: true };
    },
    'host.reconnect': () => {
      // Never in the middle of a call: the account change applies after it.
      if (session?.live) return { ok: false };
      connection.reset();
      connection.ensureReady().catch(() => undefined);
      return { ok: true };
    },
    'host.answer': async () => {
      const current = session;
      const ok = (await current?.answer()) ?? false;
      return ok && current ? { ok, call: current.view } : { ok };
    },
    'host.decline': () => {
      session?.decline();
      return { ok: true };
    },
    'host.hangup': () => {
      session?.hangup();
      return { ok: true };
    },
    'host.control': (req) => session?.control(req.action, req.digits) ?? { ok: false, error: 'noCall' },
    'host.listDevices': () => listAudioDevices(),
    'host.setDevices': async (choice) => {
      await applyAudioDevices(choice, audio);
      return { ok: true };
    },
    'host.getMediaStats': async () =>
      session ? session.mediaStats() : { packetsReceived: 0, packetsSent: 0, bytesReceived: 0, videoFramesDecoded: 0 },
  },
});

// Firefox's host is a frame of a window the user can close: a live call then ends as hung up
// (the far end hears it at once, recents keep it) instead of dropping with the socket.
window.addEventListener('pagehide', () => session?.hangup());

// Connect early so the first call does not wait for sign-in.
connection.ensureReady().catch(() => undefined);
