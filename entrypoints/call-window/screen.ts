import type { CallView } from '@/utils/call/types';
import type { ControlAction, ControlResult } from '@/utils/messaging/protocol';

/** What the call window shows and can do, whichever document holds the call. */
export interface VideoCallScreen {
  /** Null until the call is known (the window's own device is still signing in). */
  call: CallView | null;
  control(action: ControlAction): Promise<ControlResult>;
  hangup(): void;
  /** False when this window could not be given the call's video: the call goes on with sound. */
  videoShown: boolean;
}

/** Finds the <video> elements once rendered. */
export type VideoElements = { remote: () => HTMLVideoElement | null; local: () => HTMLVideoElement | null };
