import { useEffect, useRef, useState } from 'preact/hooks';
import { CallSession } from '@/utils/call-host/call-session';
import { StringeeConnection } from '@/utils/call-host/connection';
import type { HostSnapshot } from '@/utils/call/types';
import { placeCallCheck } from '@/utils/messaging/protocol';
import { emit, listen, request } from '@/utils/messaging/runtime';

/**
 * The window is the call host of one Free video call: the offscreen document cannot show
 * video. It signs in as its own Stringee device, places the call given in its URL, and ends
 * it when the window closes.
 */
export function useVideoCall(remote: () => HTMLVideoElement | null, local: () => HTMLVideoElement | null) {
  const [snapshot, setSnapshot] = useState<HostSnapshot>({
    connection: { status: 'idle', userId: undefined, error: undefined, detail: undefined },
    call: null,
  });
  const session = useRef<CallSession | null>(null);

  useEffect(() => {
    let params;
    try {
      params = placeCallCheck(Object.fromEntries(new URLSearchParams(location.search)));
    } catch {
      return; // opened by hand without a call: nothing to do
    }
    const connection = new StringeeConnection(
      (fresh) => request('host.needConfig', { fresh }),
      () => publish(),
    );
    const current = new CallSession(params, { remote: remote()!, local: local() ?? undefined }, (view) => {
      publish();
      if (view.phase === 'ended') emit('host.callEnded', view);
    });
    session.current = current;
    function publish() {
      setSnapshot({ connection: connection.view, call: current.view });
    }
    publish();
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

  return { snapshot, session };
}
