import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useHostSnapshot } from '@/components/use-host-snapshot';
import { findVideoHandoff } from '@/utils/call-host/video-handoff';
import type { CallView } from '@/utils/call/types';
import { answeredCallCheck } from '@/utils/messaging/protocol';
import { request } from '@/utils/messaging/runtime';
import type { VideoCallScreen, VideoElements } from './screen';

/** The call id in the window's URL, or null when it was opened without one. */
function answeredId(): string | null {
  try {
    return answeredCallCheck(Object.fromEntries(new URLSearchParams(location.search))).answered;
  } catch {
    return null;
  }
}

/**
 * A Free video call to us, answered in the call host: the call stays there (the device that
 * rang; see utils/call-host/video-handoff.ts), and this window is its screen. State and controls
 * go through the background like the softphone's; the video comes through the host's handoff.
 */
export function useAnsweredVideoCall(elements: VideoElements): VideoCallScreen {
  const [id] = useState(answeredId);
  const snapshot = useHostSnapshot();
  const [call, setCall] = useState<CallView | null>(null);
  const [videoShown, setVideoShown] = useState(true);
  const live = useRef(false);

  // The host reports whichever call it holds: this window follows only the one it opened for.
  useEffect(() => {
    if (!snapshot.call || snapshot.call.id !== id) return;
    setCall(snapshot.call);
    live.current = snapshot.call.phase !== 'ended';
  }, [snapshot]);

  useEffect(() => {
    if (!id) return;
    const close = findVideoHandoff(browser.extension.getViews())?.attach(id, {
      remote: elements.remote()!,
      local: elements.local()!,
    });
    setVideoShown(!!close);
    // Closing the window ends the call, as for a call the window placed itself.
    const onHide = () => {
      if (close) close();
      else if (live.current) void request('call.hangup', {});
    };
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, []);

  return {
    call,
    control: (action) => request('call.control', { action }),
    hangup: () => void request('call.hangup', {}),
    videoShown,
  };
}
