import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureAttempts, installCaptureRules, mayBeCamera } from './devices';

describe('captureAttempts', () => {
  const mic = { deviceId: { ideal: 'mic-2' } };
  it.each([
    ['a voice call, no choice', { audio: true }, undefined, [{ audio: true }]],
    ['a voice call with the chosen microphone', { audio: true }, 'mic-2', [{ audio: mic }]],
    ['a video call: then without the camera', { audio: true, video: {} }, undefined, [{ audio: true, video: {} }, { audio: true, video: false }]],
    ['a video call with the chosen microphone', { audio: true, video: {} }, 'mic-2', [{ audio: mic, video: {} }, { audio: mic, video: false }]],
    ['a camera alone is never retried without it', { video: true }, undefined, [{ video: true }]],
    ['explicit audio constraints are left alone', { audio: { echoCancellation: true } }, 'mic-2', [{ audio: { echoCancellation: true } }]],
  ] as const)('%s', (_, constraints, input, attempts) => {
    expect(captureAttempts(constraints as MediaStreamConstraints, input)).toEqual(attempts);
  });
});

describe('mayBeCamera', () => {
  it.each([
    ['NotAllowedError', true],
    ['NotFoundError', true],
    ['NotReadableError', true],
    ['OverconstrainedError', true],
    ['AbortError', false],
    ['TypeError', false],
  ])('%s → %s', (name, retry) => expect(mayBeCamera(Object.assign(new Error('x'), { name }))).toBe(retry));
  it('anything that is not an error is not retried', () => expect(mayBeCamera(null)).toBe(false));
});

describe('installCaptureRules', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** A browser whose camera fails with `cameraError` (and whose microphone fails with `micError`). */
  function browserWith(cameraError?: string, micError?: string) {
    const asked: MediaStreamConstraints[] = [];
    const fail = (name: string) => Promise.reject(Object.assign(new Error(name), { name }));
    const getUserMedia = (c: MediaStreamConstraints) => {
      asked.push(c);
      if (micError && c.audio) return fail(micError);
      if (cameraError && c.video) return fail(cameraError);
      return Promise.resolve({ video: !!c.video });
    };
    const mediaDevices = { getUserMedia };
    vi.stubGlobal('navigator', { mediaDevices });
    installCaptureRules();
    return { asked, capture: (c: MediaStreamConstraints) => mediaDevices.getUserMedia(c) };
  }

  it.each([
    ['a working camera: one request', undefined, undefined, { video: true }, 1],
    ['no camera plugged in: microphone alone', 'NotFoundError', undefined, { video: false }, 2],
    ['camera never allowed: microphone alone', 'NotAllowedError', undefined, { video: false }, 2],
    ['camera busy: microphone alone', 'NotReadableError', undefined, { video: false }, 2],
    ['microphone blocked: its error, after one try without the camera', undefined, 'NotAllowedError', 'NotAllowedError', 2],
    ['an abort is not the camera: no retry', 'AbortError', undefined, 'AbortError', 1],
  ])('%s', async (_, cameraError, micError, outcome, requests) => {
    const b = browserWith(cameraError, micError);
    const got = await b.capture({ audio: true, video: {} }).catch((e: Error) => e.name);
    expect(got).toEqual(outcome);
    expect(b.asked.length).toBe(requests);
  });
});
