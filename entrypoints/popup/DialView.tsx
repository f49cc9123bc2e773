import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Dialpad } from '@/components/Dialpad';
import { HotlinePicker } from '@/components/HotlinePicker';
import { ModePicker } from '@/components/ModePicker';
import { displayNumber } from '@/utils/call/format';
import { resolveHotline } from '@/utils/call/hotline-choice';
import { calleeCarrier, type PortedNumber } from '@/utils/call/ported-numbers';
import { portedNumbersItem } from '@/utils/account/items';
import { freshDraft, type DialDraft, type FixReason } from '@/utils/call/selection';
import { classifyTarget } from '@/utils/call/target';
import type { CallMode, Hotline, HotlineChoice } from '@/utils/call/types';
import type { MessageKey, Translate } from '@/utils/i18n';
import { request } from '@/utils/messaging/runtime';
import { callModeItem, dialDraftItem, fallbackHotlineItem, hotlineChoiceItem } from '@/utils/settings/items';

interface Problem {
  error: FixReason;
  detail?: string;
}

/** The seed's four steps: number → hotline → mode → call. */
export function DialView(props: {
  t: Translate;
  prefill?: { target: string; mode: CallMode; nonce: number };
  /** The prefill was used: it must not call again when this view mounts next time. */
  onPrefillUsed?: () => void;
}) {
  const { t } = props;
  const [number, setNumber] = useState('');
  const [mode, setMode] = useState<CallMode>('callout');
  const [choice, setChoice] = useState<HotlineChoice>({ kind: 'adaptive' });
  const [hotlines, setHotlines] = useState<Hotline[]>([]);
  const [fallback, setFallback] = useState<string | null>(null);
  const [ported, setPorted] = useState<PortedNumber[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sending, setSending] = useState(false);
  const [inWindow, setInWindow] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let stopped = false;
    // A call from a page that needs the user (shortcut, context menu): its text and the reason,
    // taken once. Watched too: the softphone may already be open when the shortcut is pressed.
    const take = (d: DialDraft | null) => {
      const draft = freshDraft(d, Date.now());
      if (!draft || stopped) return;
      void dialDraftItem.setValue(null);
      setNumber(draft.text);
      setMode(draft.mode);
      if (draft.hotline) setChoice(draft.hotline);
      setProblem({ error: draft.error, detail: draft.detail });
      input.current?.focus();
    };
    // Read together (no later than before), applied in order: a draft overrides the defaults.
    void Promise.all([callModeItem.getValue(), hotlineChoiceItem.getValue(), dialDraftItem.getValue()]).then(([m, c, d]) => {
      setMode(m);
      setChoice(c);
      take(d);
    });
    const unwatch = dialDraftItem.watch(take);
    void fallbackHotlineItem.getValue().then(setFallback);
    void portedNumbersItem.getValue().then(setPorted);
    request('hotlines.get', {}).then((r) => setHotlines(r.hotlines), () => undefined);
    input.current?.focus();
    return () => {
      stopped = true;
      unwatch();
    };
  }, []);

  // A call back from recents or a contact fills the form and calls.
  useEffect(() => {
    if (!props.prefill) return;
    setNumber(props.prefill.target);
    setMode(props.prefill.mode);
    props.onPrefillUsed?.();
    void start(false, props.prefill.target, props.prefill.mode);
  }, [props.prefill?.nonce]);

  const target = useMemo(() => classifyTarget(number), [number]);
  const adaptivePreview =
    mode === 'callout' && choice.kind === 'adaptive' && target.kind === 'phone'
      ? resolveHotline(hotlines, choice, calleeCarrier(target.phone.stringee, target.phone.carrier, ported), fallback ?? undefined)
      : null;

  async function start(premiumConfirmed = false, to = number, withMode = mode) {
    if (sending) return; // a double click never starts two calls
    setSending(true);
    setProblem(null);
    try {
      const res = await request('call.start', { target: to, mode: withMode, hotline: choice, premiumConfirmed });
      if (!res.ok && res.error) setProblem({ error: res.error, detail: res.detail });
      setInWindow(!!res.inWindow);
    } catch (e) {
      setProblem({ error: 'hostUnavailable', detail: (e as Error).message });
    } finally {
      setSending(false);
    }
  }

  function changeMode(m: CallMode) {
    setMode(m);
    setProblem(null);
    void callModeItem.setValue(m);
  }

  function changeChoice(c: HotlineChoice) {
    setChoice(c);
    void hotlineChoiceItem.setValue(c);
  }

  function type(key: string) {
    setNumber((n) => n + key);
    setProblem(null);
    input.current?.focus();
  }

  const info =
    target.kind === 'phone'
      ? [target.phone.display, target.phone.carrier, t(target.phone.kind)].filter(Boolean).join(' · ')
      : target.kind === 'internal'
        ? t('internalTarget')
        : '';

  return (
    <form
      class="dial"
      onSubmit={(e) => {
        e.preventDefault();
        void start();
      }}
    >
      <label class="field">
        <span class="label">{t('number')}</span>
        <span class="number-row">
          <input
            ref={input}
            data-testid="number"
            inputMode="tel"
            autoComplete="off"
            placeholder={t('numberPlaceholder')}
            value={number}
            onInput={(e) => {
              setNumber((e.target as HTMLInputElement).value);
              setProblem(null);
            }}
          />
          <button
            type="button"
            class="backspace"
            aria-label={t('backspace')}
            disabled={!number}
            onClick={() => setNumber((n) => n.slice(0, -1))}
          >
            ⌫
          </button>
        </span>
        <span class="hint" data-testid="number-info">{info}</span>
      </label>

      <Dialpad t={t} onKey={type} />

      <ModePicker mode={mode} onChange={changeMode} t={t} />

      {mode === 'callout' && (
        <>
          <HotlinePicker hotlines={hotlines} choice={choice} onChange={changeChoice} t={t} />
          <div class="hint" data-testid="adaptive-preview">
            {adaptivePreview?.ok
              ? adaptivePreview.how === 'adaptive'
                ? t('adaptiveWillUse', {
                    number: displayNumber(adaptivePreview.hotline.number),
                    carrier: adaptivePreview.hotline.carrier ?? adaptivePreview.hotline.telco,
                  })
                : t('adaptiveFallback', { number: displayNumber(adaptivePreview.hotline.number) })
              : choice.kind === 'adaptive'
                ? t('adaptiveHint')
                : ''}
          </div>
        </>
      )}

      {problem && (
        <div class="problem" role="alert" data-testid="problem" data-error={problem.error}>
          <p>
            {t(`err_${problem.error}` as MessageKey, { input: number.trim(), detail: problem.detail ?? '' })}
          </p>
          {problem.error === 'freeToPhone' && (
            <button type="button" class="link" data-testid="switch-callout" onClick={() => changeMode('callout')}>
              {t('switchToCallout')}
            </button>
          )}
          {problem.error === 'calloutToInternal' && (
            <button type="button" class="link" data-testid="switch-voice" onClick={() => changeMode('voice')}>
              {t('switchToVoice')}
            </button>
          )}
          {problem.error === 'premiumNeedsConfirm' && (
            <button type="button" class="link" data-testid="confirm-premium" onClick={() => void start(true)}>
              {t('callAnyway')}
            </button>
          )}
          {(problem.error === 'noAccount' || problem.error === 'noHotlines') && (
            <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
              {t('openOptions')}
            </button>
          )}
        </div>
      )}

      {inWindow && (
        <div class="hint" role="status" data-testid="video-in-window">
          {t('videoInWindow')}
        </div>
      )}

      <button type="submit" class="call" data-testid="call" disabled={sending}>
        {t('call')}
      </button>
    </form>
  );
}
