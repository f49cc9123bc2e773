import { useEffect, useState } from 'preact/hooks';
import { useHostSnapshot } from '@/components/use-host-snapshot';
import { useTranslator } from '@/components/use-translator';
import { AccountSection } from '@/components/settings/AccountSection';
import { HotlinesSection } from '@/components/settings/HotlinesSection';
import { accountItem, hotlinesItem } from '@/utils/account/items';
import { isLoopbackHost } from '@/utils/account/urls';
import { isLive } from '@/utils/call/call-state';
import { displayNumber } from '@/utils/call/format';
import { activeHotlines } from '@/utils/call/hotline-list';
import type { MessageKey, Translate } from '@/utils/i18n';
import type { StartCallResult } from '@/utils/messaging/protocol';
import { request } from '@/utils/messaging/runtime';

type Permission = 'unknown' | 'granted' | 'denied' | 'prompt';
const STEPS = ['devices', 'connect', 'hotlines', 'testCall'] as const;
type Step = (typeof STEPS)[number];

/** The sandbox's phone that answers after 2 s (sandbox/config.ts DEMO_PHONES). */
const SANDBOX_TEST_NUMBER = '0983 000 001';

function usePermission(name: 'microphone' | 'camera'): [Permission, (p: Permission) => void] {
  const [state, setState] = useState<Permission>('unknown');
  useEffect(() => {
    navigator.permissions
      ?.query({ name: name as PermissionName })
      .then((p) => {
        setState(p.state);
        p.onchange = () => setState(p.state);
      })
      .catch(() => undefined);
  }, []);
  return [state, setState];
}

/**
 * Step 1: the call host (an offscreen document) cannot show a permission prompt, so the
 * microphone is granted here once, for the extension's origin; the camera too, for Free video
 * calls (optional). Firefox keeps such a grant only when "Remember this decision" is ticked (its
 * call host is a window of ours, where it would otherwise ask at every call), so the page says so
 * there.
 */
function DevicesStep({ t }: { t: Translate }) {
  const [mic, setMic] = usePermission('microphone');
  const [camera, setCamera] = usePermission('camera');
  async function ask(kind: 'audio' | 'video', set: (p: Permission) => void) {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ [kind]: true });
      stream.getTracks().forEach((tr) => tr.stop());
      set('granted');
    } catch {
      set('denied');
    }
  }
  return (
    <>
      <p>{t(import.meta.env.FIREFOX ? 'onboardingTextFirefox' : 'onboardingText')}</p>
      {import.meta.env.FIREFOX && mic !== 'granted' && (
        <p class="remember" data-testid="mic-remember">
          {t('micRememberFirefox')}
        </p>
      )}
      <Grant state={mic} testid="mic" primary text={{ granted: t('micGranted'), allow: t('allowMic'), denied: t('micDenied') }} onAllow={() => void ask('audio', setMic)} />
      <p class="hint">{t('onb_cameraWhy')}</p>
      <Grant
        state={camera}
        testid="camera"
        text={{ granted: t('onb_cameraGranted'), allow: t('onb_allowCamera'), denied: t('onb_cameraDenied') }}
        onAllow={() => void ask('video', setCamera)}
      />
    </>
  );
}

/** One device permission: granted, or a button asking for it, and why a refusal matters. */
function Grant(props: { state: Permission; testid: string; primary?: boolean; text: { granted: string; allow: string; denied: string }; onAllow: () => void }) {
  return (
    <>
      {props.state === 'granted' ? (
        <p class="ok" data-testid={`${props.testid}-granted`}>
          {props.text.granted}
        </p>
      ) : (
        <button type="button" class={props.primary ? 'primary' : undefined} data-testid={`allow-${props.testid}`} onClick={props.onAllow}>
          {props.text.allow}
        </button>
      )}
      {props.state === 'denied' && (
        <p class="problem" role="alert">
          {props.text.denied}
        </p>
      )}
    </>
  );
}

/** Step 4: a real Call out to the agent's own phone (the sandbox's answering phone there). */
function TestCallStep({ t }: { t: Translate }) {
  const snapshot = useHostSnapshot();
  const [number, setNumber] = useState('');
  const [result, setResult] = useState<StartCallResult | null>(null);
  const [hotlineCount, setHotlineCount] = useState<number | null>(null);

  useEffect(() => {
    void accountItem.getValue().then((a) => {
      const url = a?.tokens.kind === 'url' ? a.tokens.url : a?.restBase;
      // Never over what the user has typed meanwhile.
      if (url && isLoopbackHost(new URL(url).hostname)) setNumber((n) => n || SANDBOX_TEST_NUMBER);
    });
    void hotlinesItem.getValue().then((h) => setHotlineCount(activeHotlines(h.entries).length));
  }, []);

  const call = snapshot.call;
  const live = isLive(call);
  async function start() {
    setResult(null);
    setResult(await request('call.start', { target: number, mode: 'callout' }).catch((e: Error) => ({ ok: false, error: 'hostUnavailable' as const, detail: e.message })));
  }
  const phase = call && (call.phase === 'ended' ? t(`end_${call.endReason ?? 'hangup'}` as MessageKey) : t(`phase_${call.phase}` as MessageKey));

  return (
    <>
      <p>{t('onb_testCallText')}</p>
      {hotlineCount === 0 && (
        <p class="problem" role="alert">
          {t('err_noHotlines')}
        </p>
      )}
      <div class="row">
        <input
          data-testid="test-call-number"
          inputMode="tel"
          placeholder={t('numberPlaceholder')}
          aria-label={t('number')}
          value={number}
          onInput={(e) => setNumber((e.target as HTMLInputElement).value)}
        />
        {live ? (
          <button type="button" data-testid="test-call-hangup" onClick={() => void request('call.hangup', {})}>
            {t('hangUp')}
          </button>
        ) : (
          <button type="button" class="primary" data-testid="test-call" onClick={() => void start()}>
            {t('call')}
          </button>
        )}
      </div>
      {result && !result.ok && result.error && (
        <p class="problem" role="alert" data-testid="test-call-error">
          {t(`err_${result.error}` as MessageKey, { input: number, detail: result.detail ?? '' })}
        </p>
      )}
      {call && result?.ok && (
        <p class={call.phase === 'answered' ? 'ok' : 'hint'} data-testid="test-call-status" data-phase={call.phase}>
          {displayNumber(call.to)}: {phase}
          {call.phase === 'answered' && ` · ${t('onb_testCallAnswered')}`}
        </p>
      )}
      {call?.phase === 'ended' && call.answeredAt && result?.ok && (
        <p class="ok" data-testid="onboarding-done">
          {t('onb_done')}
        </p>
      )}
    </>
  );
}

/** Opened on install: devices, account, hotlines, then a test call. Every step can be redone. */
export function App() {
  const { t } = useTranslator();
  const [step, setStep] = useState<Step>('devices');
  const index = STEPS.indexOf(step);

  return (
    <main class="onboarding">
      <h1>{t('onb_title')}</h1>
      <ol class="stepper" data-testid="steps">
        {STEPS.map((s, i) => (
          <li key={s} class={s === step ? 'current' : i < index ? 'done' : ''}>
            <button type="button" class="link" data-testid={`step-${s}`} aria-current={s === step ? 'step' : undefined} onClick={() => setStep(s)}>
              {i + 1}. {t(`onb_step_${s}` as MessageKey)}
            </button>
          </li>
        ))}
      </ol>
      <section data-testid={`step-body-${step}`}>
        {step === 'devices' && <DevicesStep t={t} />}
        {step === 'connect' && <AccountSection t={t} />}
        {step === 'hotlines' && <HotlinesSection t={t} />}
        {step === 'testCall' && <TestCallStep t={t} />}
      </section>
      <div class="row nav">
        {index > 0 && (
          <button type="button" data-testid="back" onClick={() => setStep(STEPS[index - 1]!)}>
            {t('onb_back')}
          </button>
        )}
        {index < STEPS.length - 1 && (
          <button type="button" class="primary" data-testid="next" onClick={() => setStep(STEPS[index + 1]!)}>
            {t('onb_next')}
          </button>
        )}
      </div>
    </main>
  );
}
