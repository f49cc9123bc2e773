import { useEffect, useRef, useState } from 'preact/hooks';
import { CallSession } from '@/utils/call-host/call-session';
import { StringeeConnection } from '@/utils/call-host/connection';
import { installCaptureRules } from '@/utils/call-host/devices';
import type { CallView } from '@/utils/call/types';
import { placeCallCheck } from '@/utils/messaging/protocol';
import { emit, listen, request } from '@/utils/messaging/runtime';
import type { VideoCallScreen, VideoElements } from './screen';

/**
 * A Free video call we place: the window is its call host, since the offscreen document cannot
 * show video. It signs in as its own Stringee device, places the call given in its URL, ends it
 * when the window closes, and signs out once it is over (a device left signed in would answer
 * every later call to us with busy).
 */
export function useVideoCall(elements: VideoElements): VideoCallScreen {
  const [call, setCall] = useState<CallView | null>(null);
  const session = useRef<CallSession | null>(null);

  useEffect(() => {
    let params;
    try {
      params = placeCallCheck(Object.fromEntries(new URLSearchParams(location.search)));
    } catch {
      return; // opened by hand without a call: nothing to do
    }
    installCaptureRules();
    const connection = new StringeeConnection(
      (fresh) => request('host.needConfig', { fresh }),
      () => undefined,
    );
    const current = new CallSession(params, { remote: elements.remote()!, local: elements.local() ?? undefined }, (view) => {
      setCall(view);
      if (view.phase !== 'ended') return;
      emit('host.callEnded', view);
      if (!current.owesHangup) connection.reset();
    });
    session.current = current;
    setCall(current.view);
    const stop = listen('window', {
      requests: {
        'window.getState': () => ({ connection: connection.view, call: current.view }),
        'window.getMediaStats': () => current.mediaStats(),
      },
    });
    connection.ensureReady().then(
      (client) => current.start(client),
      (e: Error) => current.fail('notConnected', e.message),
    );
    // Closing the window hangs up, so the other side is never left on a dead call.
    const onUnload = () => {
      current.hangup();
      connection.client?.disconnect();
    };
    window.addEventListener('pagehide', onUnload);
    return () => {
      stop();
      window.removeEventListener('pagehide', onUnload);
    };
  }, []);

  return {
    call,
    control: (action) => session.current?.control(action) ?? Promise.resolve({ ok: false, error: 'noCall' }),
    hangup: () => session.current?.hangup(),
    videoShown: true,
  };
}
