import { useEffect, useState } from 'preact/hooks';
import { useTranslator } from '@/components/use-translator';

type MicState = 'unknown' | 'granted' | 'denied' | 'prompt';

/**
 * Opened on install. The call host (an offscreen document) cannot show a permission prompt,
 * so the microphone is granted here once, for the extension's origin. Firefox keeps such a
 * grant only when "Remember this decision" is ticked (its call host is a window of ours, where
 * it would otherwise ask at every call), so the page says so there.
 */
export function App() {
  const { t } = useTranslator();
  const [mic, setMic] = useState<MicState>('unknown');

  useEffect(() => {
    navigator.permissions
      ?.query({ name: 'microphone' as PermissionName })
      .then((p) => {
        setMic(p.state);
        p.onchange = () => setMic(p.state);
      })
      .catch(() => undefined);
  }, []);

  async function allow() {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      stream.getTracks().forEach((tr) => tr.stop());
      setMic('granted');
    } catch {
      setMic('denied');
    }
  }

  return (
    <main class="onboarding">
      <h1>{t('onboardingTitle')}</h1>
      <p>{t(import.meta.env.FIREFOX ? 'onboardingTextFirefox' : 'onboardingText')}</p>
      {import.meta.env.FIREFOX && mic !== 'granted' && (
        <p class="remember" data-testid="mic-remember">
          {t('micRememberFirefox')}
        </p>
      )}
      {mic === 'granted' ? (
        <p class="ok" data-testid="mic-granted">{t('micGranted')}</p>
      ) : (
        <button type="button" class="primary" data-testid="allow-mic" onClick={() => void allow()}>
          {t('allowMic')}
        </button>
      )}
      {mic === 'denied' && <p class="problem" role="alert">{t('micDenied')}</p>}
    </main>
  );
}
