import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { displayNumber, formatDateTime, formatDuration } from '@/utils/call/format';
import type { CallMode } from '@/utils/call/types';
import { contactsItem, readable } from '@/utils/contacts/store';
import { contactByNumber } from '@/utils/contacts/search';
import { recentsCsvName, recentsToCsv } from '@/utils/recents/csv';
import { clearRecents, recentsItem } from '@/utils/recents/store';
import type { RecentCall } from '@/utils/recents/types';
import { Confirm, DirectionIcon, PhoneIcon, type Tr } from '../contacts/shared';
import '../contacts/contacts.css';
import './recents.css';

export interface RecentsViewProps {
  t: Tr;
  /** Call again: the target as Stringee had it (84… or a user id / extension) in the same mode. */
  onCallBack: (target: string, mode: CallMode) => void;
  /** UI language for times and the CSV; defaults to the page's lang attribute. */
  lang?: 'vi' | 'en';
  /** For tests and previews: a fixed "now" for relative dates. */
  now?: number;
}

function pageLang(): 'vi' | 'en' {
  return document.documentElement.lang.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

/** 14:05 today, "04/03 14:05" this year, "04/03/2024" before (day first, as in Vietnam). */
export function shortTime(ms: number, now = Date.now()): string {
  const d = new Date(ms);
  const n = new Date(now);
  const pad = (x: number) => String(x).padStart(2, '0');
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const day = `${pad(d.getDate())}/${pad(d.getMonth() + 1)}`;
  if (d.toDateString() === n.toDateString()) return time;
  if (d.getFullYear() === n.getFullYear()) return `${day} ${time}`;
  return `${day}/${d.getFullYear()}`;
}

function download(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The Recents tab: every call, call back in one click, export to CSV, clear. */
export function RecentsView({ t, onCallBack, lang, now }: RecentsViewProps) {
  const [recents, setRecents] = useState<RecentCall[] | null>(null);
  const [contacts, setContacts] = useState<ReturnType<typeof readable>>([]);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const uiLang = lang ?? pageLang();

  useEffect(() => {
    const set = (v: unknown) => setRecents(Array.isArray(v) ? (v as RecentCall[]) : []);
    void recentsItem.getValue().then(set);
    const un1 = recentsItem.watch(set);
    void contactsItem.getValue().then((v) => setContacts(readable(v)));
    const un2 = contactsItem.watch((v) => setContacts(readable(v)));
    return () => {
      un1();
      un2();
    };
  }, []);

  const list = recents ?? [];
  // The name saved with the call, or the contact who has that number now.
  const nameOf = (r: RecentCall) =>
    r.contactName ?? (/^\d{8,15}$/.test(r.target) ? contactByNumber(contacts, r.target)?.name : undefined) ?? '';

  return (
    <section class="recents" data-testid="recents-view" aria-label={t('recents_tab')} aria-busy={recents === null}>
      <div class="rc-toolbar">
        <p class="rc-count" data-testid="recents-count">
          {list.length ? t('recents_count', { count: list.length }) : t('recents_empty')}
        </p>
        {list.length > 0 && !confirming && (
          <div class="row-actions">
            <button type="button" data-testid="recents-export" onClick={() => download(recentsToCsv(list.map((r) => ({ ...r, contactName: nameOf(r) || undefined })), uiLang), recentsCsvName())}>
              {t('recents_export')}
            </button>
            <button type="button" class="danger-outline" data-testid="recents-clear" onClick={() => setConfirming(true)}>
              {t('recents_clear')}
            </button>
          </div>
        )}
      </div>
      {confirming && (
        <Confirm
          testid="recents-clear-confirm"
          text={t('recents_clearConfirm', { count: list.length })}
          confirmLabel={t('recents_clear')}
          cancelLabel={t('recents_cancel')}
          onConfirm={() => {
            void clearRecents().then(() => {
              setConfirming(false);
              setStatus(t('recents_cleared'));
            });
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
      <ul class="rc-list" data-testid="recents-list" aria-label={t('recents_tab')}>
        {list.map((r) => {
          const name = nameOf(r);
          const number = displayNumber(r.target);
          const who = name || number;
          const missed = r.result !== 'answered';
          const dir = t(r.direction === 'incoming' ? 'recents_incoming' : 'recents_outgoing');
          const result = t(`recents_result_${r.result}`);
          const details = [
            name ? number : '',
            t(`recents_mode_${r.mode}`),
            r.hotline ? t('recents_viaHotline', { hotline: displayNumber(r.hotline) }) : '',
          ].filter(Boolean);
          return (
            <li key={r.id} class={`rc-row ${missed ? 'rc-missed' : ''} ${r.direction}`} data-testid="recent-row" data-result={r.result}>
              <span class="rc-dir" title={dir}>
                <DirectionIcon incoming={r.direction === 'incoming'} />
                <span class="sr-only">{dir}</span>
              </span>
              <span class="rc-text">
                <span class="rc-name">{who}</span>
                <span class="rc-sub">
                  {details.map((x, i) => (
                    <Fragment key={i}>
                      {i > 0 && ' · '}
                      <span class="rc-item">{x}</span>
                    </Fragment>
                  ))}
                </span>
                <span class="rc-sub">
                  <span class="rc-result">{result}</span>
                  {r.durationSec > 0 && (
                    <>
                      {' · '}
                      <span aria-label={t('recents_duration', { duration: formatDuration(r.durationSec * 1000) })}>
                        {formatDuration(r.durationSec * 1000)}
                      </span>
                    </>
                  )}
                </span>
              </span>
              <span class="rc-side">
                <time dateTime={new Date(r.startedAt).toISOString()} title={formatDateTime(r.startedAt, uiLang)}>
                  {shortTime(r.startedAt, now)}
                </time>
                <button
                  type="button"
                  class="ct-call"
                  data-testid="recent-call"
                  aria-label={t('recents_callBack', { name: who })}
                  title={`${t('recents_callBack', { name: who })} · ${t(`recents_mode_${r.mode}`)}`}
                  onClick={() => onCallBack(r.target, r.mode)}
                >
                  <PhoneIcon />
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      <p class="ct-status" role="status" aria-live="polite" data-testid="recents-status">
        {status}
      </p>
    </section>
  );
}
