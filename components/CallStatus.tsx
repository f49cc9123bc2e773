import type { CallView, ConnectionView } from '@/utils/call/types';
import { displayNumber, formatDuration } from '@/utils/call/format';
import type { Translate } from '@/utils/i18n';
import { useContactName } from './use-contact-name';
import { useTicker } from './use-host-snapshot';

const SHOW_DETAIL = new Set(['refused', 'failed', 'notConnected', 'micDenied']);

/** The live call as a status line: who, state, and a running timer once connected. */
export function CallStatus({ call, t }: { call: CallView; t: Translate }) {
  const peer = call.direction === 'incoming' ? call.from : call.to;
  const name = useContactName(peer);
  const now = useTicker(call.phase === 'answered');
  const timer =
    call.phase === 'answered' && call.answeredAt
      ? formatDuration(now - call.answeredAt)
      : call.phase === 'ended' && call.answeredAt && call.endedAt
        ? formatDuration(call.endedAt - call.answeredAt)
        : '';
  return (
    <section class={`call-status phase-${call.phase}`} aria-live="polite" data-testid="call-status" data-call-id={call.id}>
      <div class="call-peer" data-testid="call-peer">{name ?? displayNumber(peer)}</div>
      {name && <div class="call-number">{displayNumber(peer)}</div>}
      <div class="call-phase">
        <span data-testid="call-phase" data-phase={call.phase} data-reason={call.endReason ?? ''}>
          {call.phase === 'ended' && call.endReason
            ? `${t('phase_ended')}: ${t(`end_${call.endReason}`)}`
            : call.phase === 'incoming' && call.mode === 'video'
              ? t('phase_incomingVideo')
              : t(`phase_${call.phase}`)}
        </span>
        {timer && <span class="call-timer" data-testid="call-timer"> · {timer}</span>}
      </div>
      {call.mediaStalled && call.phase === 'answered' && (
        <div class="problem" role="alert" data-testid="media-stalled">
          {t('mediaStalled')}
        </div>
      )}
      {(call.onHold || call.muted) && call.phase !== 'ended' && (
        <div class="call-flags" data-testid="call-flags">
          {[call.onHold && t('onHold'), call.muted && t('muted')].filter(Boolean).join(' · ')}
        </div>
      )}
      {/* The server's own words only where ours cannot say enough (busy is just busy). */}
      {call.phase === 'ended' && call.detail && SHOW_DETAIL.has(call.endReason ?? 'failed') && (
        <div class="call-detail">{call.detail}</div>
      )}
      {call.mode === 'callout' ? (
        <div class="call-from">
          {t('hotline')}: {displayNumber(call.direction === 'incoming' ? call.to : call.from)}
        </div>
      ) : (
        <div class="call-from" data-testid="call-mode" data-mode={call.mode}>
          {t(`mode_${call.mode}`)}
        </div>
      )}
    </section>
  );
}

export function ConnectionBadge({ connection, t }: { connection: ConnectionView; t: Translate }) {
  const text =
    connection.status === 'ready'
      ? t('conn_ready', { user: connection.userId ?? '' })
      : t(`conn_${connection.status}`);
  return (
    <div class={`conn conn-${connection.status}`} data-testid="connection" title={connection.detail ?? ''}>
      <span class="dot" aria-hidden="true" /> {text}
    </div>
  );
}
