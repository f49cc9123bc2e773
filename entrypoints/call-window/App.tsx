import { useRef, useState } from 'preact/hooks';
import { CallStatus } from '@/components/CallStatus';
import { ToggleButton } from '@/components/ToggleButton';
import { useTranslator } from '@/components/use-translator';
import { isLive } from '@/utils/call/call-state';
import type { ControlAction } from '@/utils/messaging/protocol';
import { useAnsweredVideoCall } from './use-answered-video-call';
import { useVideoCall } from './use-video-call';

// A call to us that the call host answered, or a call this window places: fixed by the URL for
// the window's whole life.
const useCall = new URLSearchParams(location.search).has('answered') ? useAnsweredVideoCall : useVideoCall;

/** The Free video call window: remote video, own camera preview, mute, camera, hang up. */
export function App() {
  const { t } = useTranslator();
  const remote = useRef<HTMLVideoElement>(null);
  const local = useRef<HTMLVideoElement>(null);
  const screen = useCall({ remote: () => remote.current, local: () => local.current });
  const [failed, setFailed] = useState(false);
  const call = screen.call;
  const live = isLive(call);

  async function control(action: ControlAction) {
    const res = await screen.control(action).catch(() => ({ ok: false }));
    setFailed(!res.ok);
  }

  return (
    <main class="video-call">
      <div class="stage">
        <video ref={remote} class="remote" data-testid="remote-video" autoplay playsInline />
        <video ref={local} class="local" data-testid="local-video" autoplay playsInline muted hidden={!!call?.noCamera} />
      </div>
      {call ? <CallStatus call={call} t={t} /> : <p class="hint">{t('conn_connecting')}</p>}
      {live && !screen.videoShown && <p class="hint" role="alert" data-testid="video-unavailable">{t('videoUnavailable')}</p>}
      {live && call?.noCamera && <p class="hint" role="status" data-testid="no-camera">{t('noCamera')}</p>}
      {failed && <p class="hint" role="alert">{t('controlFailed')}</p>}
      <div class="control-row">
        {live && call ? (
          <>
            <ToggleButton testid="mute" on={call.muted} onToggle={() => void control(call.muted ? 'unmute' : 'mute')}>
              {call.muted ? t('unmute') : t('mute')}
            </ToggleButton>
            {!call.noCamera && (
              <ToggleButton testid="camera" on={call.cameraOff} onToggle={() => void control(call.cameraOff ? 'cameraOn' : 'cameraOff')}>
                {call.cameraOff ? t('cameraOn') : t('cameraOff')}
              </ToggleButton>
            )}
            <button type="button" class="hangup" data-testid="hangup" onClick={() => screen.hangup()}>
              {t('hangUp')}
            </button>
          </>
        ) : (
          <button type="button" data-testid="close" onClick={() => window.close()}>
            {t('closeWindow')}
          </button>
        )}
      </div>
    </main>
  );
}
