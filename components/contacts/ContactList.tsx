import { useMemo } from 'preact/hooks';
import { searchContacts } from '@/utils/contacts/search';
import { contactTitle, firstCallable, phoneDisplay } from '@/utils/contacts/text';
import type { Contact } from '@/utils/contacts/types';
import { initials, PhoneIcon, type Tr } from './shared';

/** Moves focus between the rows' main buttons with the arrow keys (and from the search box). */
function moveFocus(e: KeyboardEvent) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const root = (e.currentTarget as HTMLElement).closest('.contacts');
  const rows = [...(root?.querySelectorAll<HTMLElement>('.ct-open') ?? [])];
  if (!rows.length) return;
  const i = rows.indexOf(document.activeElement as HTMLElement);
  const next = i < 0 ? (e.key === 'ArrowDown' ? 0 : -1) : i + (e.key === 'ArrowDown' ? 1 : -1);
  const target = next < 0 ? root?.querySelector<HTMLElement>('[data-testid="contacts-search"]') : rows[next];
  if (target) {
    e.preventDefault();
    target.focus();
  }
}

export function ContactList(props: {
  t: Tr;
  contacts: Contact[];
  query: string;
  onQuery: (q: string) => void;
  onOpen: (id: string) => void;
  onCall: (c: Contact) => void;
}) {
  const { t } = props;
  const shown = useMemo(() => searchContacts(props.contacts, props.query), [props.contacts, props.query]);
  if (!props.contacts.length) {
    return (
      <p class="ct-empty" role="status" data-testid="contacts-count">
        {t('contacts_empty')}
      </p>
    );
  }
  return (
    <>
      <input
        type="search"
        class="ct-search"
        data-testid="contacts-search"
        aria-label={t('contacts_search')}
        aria-controls="ct-list"
        placeholder={t('contacts_searchPlaceholder')}
        value={props.query}
        onInput={(e) => props.onQuery(e.currentTarget.value)}
        onKeyDown={moveFocus}
      />
      <p class="ct-count" role="status" data-testid="contacts-count">
        {!shown.length
            ? t('contacts_noMatch', { query: props.query.trim() })
            : t('contacts_count', { count: shown.length })}
      </p>
      <ul class="ct-list" id="ct-list" data-testid="contact-list" aria-label={t('contacts_tab')}>
        {shown.map((c) => {
          const title = contactTitle(c);
          const phone = firstCallable(c);
          const sub = [phone ? phoneDisplay(phone) : c.phones[0]?.number, c.company].filter(Boolean).join(' · ');
          return (
            <li key={c.id} class="ct-row" data-testid="contact-row" data-id={c.id}>
              <button type="button" class="ct-open" data-testid="contact-open" onClick={() => props.onOpen(c.id)} onKeyDown={moveFocus}>
                <span class="ct-avatar" aria-hidden="true">{initials(c.name)}</span>
                <span class="ct-text">
                  <span class="ct-name">{title}</span>
                  {sub && <span class="ct-sub">{sub}</span>}
                </span>
              </button>
              <button
                type="button"
                class="ct-call"
                data-testid="contact-call"
                aria-label={phone ? t('contacts_callName', { name: title }) : `${title}: ${t('contacts_noCallable')}`}
                title={phone ? t('contacts_callNumber', { name: title, number: phoneDisplay(phone) }) : t('contacts_noCallable')}
                disabled={!phone}
                onClick={() => props.onCall(c)}
              >
                <PhoneIcon />
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
