import { useRef, useState } from 'preact/hooks';
import { CallStatus } from '@/components/CallStatus';
import { ToggleButton } from '@/components/ToggleButton';
import { useTranslator } from '@/components/use-translator';
import { isLive } from '@/utils/call/call-state';
import type { ControlAction } from '@/utils/messaging/protocol';
import { useVideoCall } from './use-video-call';

/** The Free video call window: remote video, own camera preview, mute, camera, hang up. */
export function App() {
  const { t } = useTranslator();
  const remote = useRef<HTMLVideoElement>(null);
  const local = useRef<HTMLVideoElement>(null);
  const { snapshot, session } = useVideoCall(() => remote.current, () => local.current);
  const [failed, setFailed] = useState(false);
  const call = snapshot.call;
  const live = isLive(call);

  async function control(action: ControlAction) {
    const res = await session.current?.control(action);
    setFailed(!res?.ok);
  }

  return (
    <main class="video-call">
      <div class="stage">
        <video ref={remote} class="remote" data-testid="remote-video" autoplay playsInline />
        <video ref={local} class="local" data-testid="local-video" autoplay playsInline muted />
      </div>
      {call ? <CallStatus call={call} t={t} /> : <p class="hint">{t('conn_connecting')}</p>}
      {failed && <p class="hint" role="alert">{t('controlFailed')}</p>}
      <div class="control-row">
        {live && call ? (
          <>
            <ToggleButton testid="mute" on={call.muted} onToggle={() => void control(call.muted ? 'unmute' : 'mute')}>
              {call.muted ? t('unmute') : t('mute')}
            </ToggleButton>
            <ToggleButton testid="camera" on={call.cameraOff} onToggle={() => void control(call.cameraOff ? 'cameraOn' : 'cameraOff')}>
              {call.cameraOff ? t('cameraOn') : t('cameraOff')}
            </ToggleButton>
            <button type="button" class="hangup" data-testid="hangup" onClick={() => session.current?.hangup()}>
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
