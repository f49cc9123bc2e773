import { displayNumber } from '@/utils/call/format';
import type { CallMode, HotlineChoice } from '@/utils/call/types';
import type { PageCardInfo } from '@/utils/messaging/protocol';
import type { PageCardText } from '@/utils/i18n/page-card';
import type { Found } from './found';
import { isInternal } from './place-call';

export type CardPhase = 'idle' | 'confirmPremium' | 'confirmVisible' | 'calling' | 'error';

export interface CardProps {
  found: Found;
  info: PageCardInfo | undefined;
  t: PageCardText;
  phase: CardPhase;
  message: string | undefined;
  hotline: HotlineChoice | undefined;
  mode: CallMode;
  /** Opened from the keyboard selection, focus still in the page: say how to get in. */
  keyHint?: boolean;
  onHotline: (h: HotlineChoice) => void;
  onMode: (m: CallMode) => void;
  /** Call (or confirm) clicked; the handler checks the event is trusted. */
  onCall: (ev: MouseEvent, confirmed: boolean) => void;
  onCancel: () => void;
}

function usesLine(info: PageCardInfo, t: PageCardText): string {
  const r = info.resolved;
  // Signed out there are no hotlines at all: say so, not "none on this network".
  if (!r) return info.connected ? t('noHotline') : t('notConnected');
  const number = displayNumber(r.number) + (r.carrier ? ` · ${r.carrier}` : '');
  return r.how === 'adaptive' ? t('viaAdaptive', { number }) : r.how === 'fallback' ? t('viaFallback', { number }) : t('willUse', { number });
}

export function Card(p: CardProps) {
  const { found, info, t } = p;
  const internal = isInternal(found);
  const kind = internal ? t('internal') : t(found.number.kind);
  const meta = [kind, found.number.carrier, found.number.extension ? `ext ${found.number.extension}` : undefined].filter(Boolean).join(' · ');
  const selected = p.hotline ?? info?.choice;
  const hotlineValue = selected?.kind === 'hotline' ? selected.number : 'adaptive';
  const asking = p.phase === 'confirmPremium' || p.phase === 'confirmVisible';
  return (
    <div class="card" role="dialog" aria-label={found.number.display}>
      <div class="num">{found.number.display}</div>
      <div class="meta">{meta}</div>
      {!internal && info && info.hotlines.length > 0 && (
        <div class="row">
          <label for="hotline">{t('hotline')}</label>
          <select
            id="hotline"
            value={hotlineValue}
            onChange={(e) => {
              const v = (e.currentTarget as HTMLSelectElement).value;
              p.onHotline(v === 'adaptive' ? { kind: 'adaptive' } : { kind: 'hotline', number: v });
            }}
          >
            <option value="adaptive">{t('adaptive')}</option>
            {info.hotlines.map((h) => (
              <option value={h.number} key={h.number}>
                {displayNumber(h.number)}
                {h.carrier ? ` · ${h.carrier}` : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      {!internal && info && !p.hotline && <div class="uses">{usesLine(info, t)}</div>}
      {internal && (
        <div class="row">
          <label for="mode">{t('mode')}</label>
          <select id="mode" value={p.mode} onChange={(e) => p.onMode((e.currentTarget as HTMLSelectElement).value as CallMode)}>
            <option value="voice">{t('mode_voice')}</option>
            <option value="video">{t('mode_video')}</option>
          </select>
        </div>
      )}
      {asking && <div class="ask">{p.phase === 'confirmPremium' ? t('premiumAsk') : t('confirmAsk', { number: found.number.display })}</div>}
      <div class="actions">
        {asking ? (
          <>
            <button type="button" class="ok" data-testid="c2c-confirm" onClick={(e) => p.onCall(e, true)}>
              {t('confirm')}
            </button>
            <button type="button" class="cancel" onClick={p.onCancel}>
              {t('cancel')}
            </button>
          </>
        ) : (
          // aria-disabled, not disabled: a disabled button drops keyboard focus out of the card.
          <button
            type="button"
            class="call"
            data-testid="c2c-call"
            aria-disabled={p.phase === 'calling'}
            onClick={(e) => p.phase !== 'calling' && p.onCall(e, false)}
          >
            {t('call')}
          </button>
        )}
      </div>
      {p.message && <div class={`status${p.phase === 'error' ? ' error' : ''}`}>{p.message}</div>}
      {p.keyHint && <div class="hint">{t('keyHint')}</div>}
    </div>
  );
}
