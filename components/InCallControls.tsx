import { useEffect, useState } from 'preact/hooks';
import type { CallView } from '@/utils/call/types';
import type { Translate } from '@/utils/i18n';
import type { ControlAction } from '@/utils/messaging/protocol';
import { request } from '@/utils/messaging/runtime';
import { DevicePicker } from './DevicePicker';
import { DIAL_KEY, Dialpad } from './Dialpad';
import { ToggleButton } from './ToggleButton';

/** Mute, hold, keypad (DTMF) and hang up for the live call. */
export function InCallControls({ call, t }: { call: CallView; t: Translate }) {
  const [keypad, setKeypad] = useState(false);
  const [devices, setDevices] = useState(false);
  const [failed, setFailed] = useState(false);
  const answered = call.phase === 'answered';

  async function control(action: ControlAction, digits?: string) {
    const res = await request('call.control', { action, digits }).catch(() => ({ ok: false }));
    setFailed(!res.ok);
  }

  // With the keypad open, the physical keyboard sends DTMF too.
  useEffect(() => {
    if (!keypad || !answered) return;
    const onKey = (e: KeyboardEvent) => {
      if (DIAL_KEY.test(e.key) && e.key !== '+' && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        void control('dtmf', e.key);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keypad, answered]);

  return (
    <div class="in-call-controls">
      <div class="control-row">
        <ToggleButton testid="mute" on={call.muted} onToggle={() => void control(call.muted ? 'unmute' : 'mute')}>
          {call.muted ? t('unmute') : t('mute')}
        </ToggleButton>
        <ToggleButton
          testid="hold"
          on={call.onHold}
          disabled={!answered}
          onToggle={() => void control(call.onHold ? 'resume' : 'hold')}
        >
          {call.onHold ? t('resume') : t('hold')}
        </ToggleButton>
        <button
          type="button"
          data-testid="keypad-toggle"
          aria-expanded={keypad}
          disabled={!answered}
          onClick={() => setKeypad(!keypad)}
        >
          {keypad ? t('hideKeypad') : t('keypad')}
        </button>
      </div>
      <button type="button" class="link" data-testid="devices-toggle" aria-expanded={devices} onClick={() => setDevices(!devices)}>
        {t('devices')}
      </button>
      {devices && <DevicePicker t={t} />}
      {keypad && answered && (
        <>
          <Dialpad t={t} testid="dtmf-pad" onKey={(k) => k !== '+' && void control('dtmf', k)} />
          <div class="hint" data-testid="dtmf-sent">{call.dtmfSent && t('dtmfSent', { digits: call.dtmfSent })}</div>
        </>
      )}
      {failed && <div class="hint" role="alert">{t('controlFailed')}</div>}
    </div>
  );
}
