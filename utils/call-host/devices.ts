/**
 * Capture rules for a call host document. The SDK asks for `{audio: true}` (and a camera in a
 * video call) itself, at ring time for a call to us, so its request is steered here:
 * - the chosen microphone, in this document only; `ideal` (not `exact`) lets a call still start
 *   if the device was unplugged;
 * - a video call with no usable camera (none plugged in, busy, or never allowed for the
 *   extension: the offscreen host cannot ask) goes on with the microphone alone instead of
 *   failing: the agent still sees the other side.
 */
let preferredInput: string | undefined;

/** getUserMedia errors that, when a camera was asked for, may be the camera's alone. */
const CAMERA_ERRORS = new Set(['NotAllowedError', 'NotFoundError', 'NotReadableError', 'OverconstrainedError']);

/** What to ask for, in order: the request as steered, then without the camera if it had one. */
export function captureAttempts(constraints: MediaStreamConstraints, input: string | undefined): MediaStreamConstraints[] {
  const steered = input && constraints.audio === true ? { ...constraints, audio: { deviceId: { ideal: input } } } : constraints;
  return steered.video && steered.audio ? [steered, { ...steered, video: false }] : [steered];
}

/** Whether a failed capture is worth asking again without the camera. */
export function mayBeCamera(error: unknown): boolean {
  return CAMERA_ERRORS.has((error as { name?: string } | null)?.name ?? '');
}

export function installCaptureRules(): void {
  const md = navigator.mediaDevices;
  if (!md || (md as { __rules?: boolean }).__rules) return;
  const original = md.getUserMedia.bind(md);
  md.getUserMedia = async (constraints: MediaStreamConstraints = {}) => {
    const [first, ...rest] = captureAttempts(constraints, preferredInput);
    try {
      return await original(first);
    } catch (e) {
      // A denied microphone fails again here, and that error is what the SDK reports.
      if (rest.length === 0 || !mayBeCamera(e)) throw e;
      return original(rest[0]);
    }
  };
  (md as { __rules?: boolean }).__rules = true;
}

export interface AudioDevice {
  id: string;
  label: string;
}

export async function listAudioDevices(): Promise<{ inputs: AudioDevice[]; outputs: AudioDevice[] }> {
  const all = await navigator.mediaDevices.enumerateDevices();
  const pick = (kind: MediaDeviceKind) =>
    all.filter((d) => d.kind === kind && d.deviceId).map((d, i) => ({ id: d.deviceId, label: d.label || `${kind} ${i + 1}` }));
  return { inputs: pick('audioinput'), outputs: pick('audiooutput') };
}

/** Applies a choice: the speaker at once, the microphone from the next call on. */
export async function applyAudioDevices(
  choice: { input?: string; output?: string },
  speaker: HTMLMediaElement,
): Promise<void> {
  preferredInput = choice.input || undefined;
  const sink = speaker as HTMLMediaElement & { setSinkId?: (id: string) => Promise<void> };
  if (sink.setSinkId) await sink.setSinkId(choice.output ?? '').catch(() => undefined);
}
