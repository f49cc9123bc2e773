import { useState } from 'preact/hooks';
import { CallStatus, ConnectionBadge } from '@/components/CallStatus';
import { ConnectionProblem } from '@/components/ConnectionProblem';
import { ContactsView } from '@/components/contacts/ContactsView';
import { InCallControls } from '@/components/InCallControls';
import { RecentsView } from '@/components/recents/RecentsView';
import { SiteSwitch } from '@/components/SiteSwitch';
import { useHostSnapshot } from '@/components/use-host-snapshot';
import { useShortcuts } from '@/components/use-shortcuts';
import { useTranslator } from '@/components/use-translator';
import { isLive } from '@/utils/call/call-state';
import type { CallMode } from '@/utils/call/types';
import { request } from '@/utils/messaging/runtime';
import { DialView } from './DialView';

type Tab = 'dial' | 'contacts' | 'recents';
const TABS: Tab[] = ['dial', 'contacts', 'recents'];

/** The softphone: the live call when there is one, else the keypad (contacts, recents). */
export function App() {
  const { t, lang } = useTranslator();
  const snapshot = useHostSnapshot();
  const [tab, setTab] = useState<Tab>('dial');
  const [prefill, setPrefill] = useState<{ target: string; mode: CallMode; nonce: number }>();
  const call = snapshot.call;
  const callKey = useShortcuts().find((r) => r.what === 'cmdCallSelection')?.shortcut;
  const callFrom = (target: string, mode: CallMode) => {
    setTab('dial');
    setPrefill({ target, mode, nonce: Date.now() });
  };

  return (
    <main class="softphone">
      <header>
        <h1>{t('appName')}</h1>
        <ConnectionBadge connection={snapshot.connection} t={t} />
      </header>
      <ConnectionProblem connection={snapshot.connection} t={t} />

      {isLive(call) && call ? (
        <section class="in-call" aria-label={t(`phase_${call.phase}`)}>
          <CallStatus call={call} t={t} />
          {call.phase === 'incoming' ? (
            <>
              <div class="answer-row">
                <button type="button" class="call" data-testid="answer" onClick={() => void request('call.answer', {})}>
                  {t('answer')}
                </button>
                <button type="button" class="hangup" data-testid="decline" onClick={() => void request('call.decline', {})}>
                  {t('decline')}
                </button>
              </div>
              {call.mode === 'video' && <p class="hint">{t('answerOpensWindow')}</p>}
            </>
          ) : (
            <>
              {call.mode === 'video' && call.direction === 'incoming' && (
                <p class="hint" role="status" data-testid="video-in-window">
                  {t('videoInWindow')}
                </p>
              )}
              <InCallControls call={call} t={t} />
              <button type="button" class="hangup" data-testid="hangup" onClick={() => void request('call.hangup', {})}>
                {t('hangUp')}
              </button>
            </>
          )}
        </section>
      ) : (
        <>
          {TABS.length > 1 && (
            <nav class="tabs" role="tablist">
              {TABS.map((name) => (
                <button
                  key={name}
                  type="button"
                  role="tab"
                  aria-selected={tab === name}
                  data-testid={`tab-${name}`}
                  onClick={() => setTab(name)}
                >
                  {t(`tab_${name}`)}
                </button>
              ))}
            </nav>
          )}
          {tab === 'dial' && <DialView t={t} prefill={prefill} onPrefillUsed={() => setPrefill(undefined)} />}
          {/* Calls from a contact are always Call out; the number as saved keeps its extension. */}
          {tab === 'contacts' && <ContactsView t={t} onCall={(e164, typed) => callFrom(typed ?? e164, 'callout')} />}
          {tab === 'recents' && <RecentsView t={t} lang={lang} onCallBack={(target, mode) => callFrom(target, mode)} />}
          {tab === 'dial' && call && <CallStatus call={call} t={t} />}
          <SiteSwitch t={t} />
          {callKey && (
            <p class="hint shortcut-hint" data-testid="shortcut-hint">
              {t('shortcutHint', { key: callKey })}
            </p>
          )}
        </>
      )}
    </main>
  );
}
