import type { VideoViewer } from './call-session';

/**
 * How a Free video call placed to us reaches the call window.
 *
 * Stringee rings the devices of the callee that are signed in when the call arrives (protocol
 * §5.2: one 33 to each connected device); a device that signs in later is never offered it, and
 * no documented service moves a call from one device to another. So the call host, the one
 * device of ours that rang, keeps the SDK call, its peer connection and its sound, and the call
 * window opened on answer shows that call's video: both are pages of this extension in one
 * renderer process, so the window finds the host's document (extension.getViews) and the host
 * plays the same MediaStreams into the window's <video> elements. No second encode, no network
 * between the two pages. State and controls still go through the message protocol; only media
 * crosses here, because a MediaStream cannot be sent as a message.
 */
export interface VideoHandoff {
  /**
   * Shows the live call `callId` (our local call id) in the viewer's elements. Returns `close`,
   * called when the window goes away: the window is the call's screen, so closing it ends the
   * call. Null when that call is not live here.
   */
  attach(callId: string, viewer: VideoViewer): (() => void) | null;
}

/** The property of the call host document's global that holds its handoff. */
const KEY = 'c2cVideoHandoff';

/** The call host offers its calls' video to call windows. */
export function offerVideoHandoff(handoff: VideoHandoff, host: object = globalThis): void {
  (host as Record<string, unknown>)[KEY] = handoff;
}

/** The handoff of the call host among the extension's documents, if one offers it. */
export function findVideoHandoff(views: readonly object[]): VideoHandoff | undefined {
  for (const view of views) {
    try {
      const h = (view as Record<string, unknown>)[KEY] as Partial<VideoHandoff> | undefined;
      if (h && typeof h.attach === 'function') return h as VideoHandoff;
    } catch {
      // A document that is closing may refuse access: not the host.
    }
  }
  return undefined;
}
