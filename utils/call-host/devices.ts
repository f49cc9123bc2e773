/**
 * Microphone and speaker choice for a call host document. The SDK asks for `{audio: true}`
 * itself, so the chosen microphone is applied by steering that request in this document only;
 * `ideal` (not `exact`) lets a call still start if the device was unplugged.
 */
let preferredInput: string | undefined;

export function installMicrophoneChoice(): void {
  const md = navigator.mediaDevices;
  if (!md || (md as { __choice?: boolean }).__choice) return;
  const original = md.getUserMedia.bind(md);
  md.getUserMedia = (constraints?: MediaStreamConstraints) => {
    if (preferredInput && constraints?.audio === true) {
      return original({ ...constraints, audio: { deviceId: { ideal: preferredInput } } });
    }
    return original(constraints);
  };
  (md as { __choice?: boolean }).__choice = true;
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
