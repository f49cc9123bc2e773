import type { VideoViewer } from './call-session';

/**
 * How a Free video call to us reaches the call window. Stringee offers a call to the callee's
 * devices signed in when it arrives (protocol §5.2); nothing documents it reaching one that
 * signs in later (the sandbox does not), nor moving a call between devices. So the call host,
 * the device that rang, keeps the SDK call and its sound, and the window opened on answer shows
 * its video. Both are pages of the extension in one process: the window finds the host's
 * document (extension.getViews) and the host plays the same MediaStreams into the window's
 * <video> elements (no re-encoding, no network between them). Only media crosses here, as a
 * MediaStream cannot be a message; state and controls go through the message protocol.
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
