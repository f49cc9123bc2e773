import { useEffect, useRef, useState } from 'preact/hooks';
import { decodeFile, importContacts, type ImportReport as Report } from '@/utils/contacts/import';
import { addContact, addContacts, contactsItem, readable, removeContact, updateContact } from '@/utils/contacts/store';
import { contactTitle, firstCallable } from '@/utils/contacts/text';
import type { Contact, ContactDraft, ContactPhone } from '@/utils/contacts/types';
import { ContactDetail } from './ContactDetail';
import { ContactForm } from './ContactForm';
import { ContactList } from './ContactList';
import { ImportReport } from './ImportReport';
import type { Tr } from './shared';
import './contacts.css';

type Screen =
  | { kind: 'list'; focusId?: string }
  | { kind: 'detail'; id: string }
  | { kind: 'form'; id?: string }
  | { kind: 'report'; report: Report; fileName: string };

export interface ContactsViewProps {
  t: Tr;
  /**
   * Place a Call out to `target` (E.164, e.g. "+84912345678"). `typed` is the number as saved,
   * which may carry an extension ("024 3812 3456 máy lẻ 103") to send as DTMF after connect.
   */
  onCall: (target: string, typed?: string) => void;
}

/** The Contacts tab: search, call, details, add/edit/delete, import from CSV or vCard. */
export function ContactsView({ t, onCall }: ContactsViewProps) {
  const [contacts, setContacts] = useState<Contact[] | null>(null);
  const [query, setQuery] = useState('');
  const [screen, setScreen] = useState<Screen>({ kind: 'list' });
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLElement>(null);

  useEffect(() => {
    void contactsItem.getValue().then((v) => setContacts(readable(v)));
    return contactsItem.watch((v) => setContacts(readable(v)));
  }, []);

  // Back on the list, focus returns to where the user was.
  useEffect(() => {
    if (screen.kind !== 'list' || !screen.focusId) return;
    const row = root.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(screen.focusId)}"] .ct-open`);
    (row ?? root.current?.querySelector<HTMLElement>('[data-testid="contacts-search"]'))?.focus();
  }, [screen, contacts]);

  const list = contacts ?? [];
  const call = (p: ContactPhone | undefined) => p?.e164 && onCall(p.e164, p.number);

  async function save(id: string | undefined, draft: ContactDraft) {
    const saved = id ? await updateContact(id, draft) : await addContact(draft);
    setScreen(saved ? { kind: 'detail', id: saved.id } : { kind: 'list' });
  }

  async function remove(c: Contact) {
    await removeContact(c.id);
    setStatus(t('contacts_deleted', { name: contactTitle(c) }));
    setScreen({ kind: 'list', focusId: '-' });
  }

  async function importFile(file: File) {
    setBusy(t('contacts_importing', { file: file.name }));
    try {
      const text = decodeFile(new Uint8Array(await file.arrayBuffer()));
      const { contacts: added, report } = importContacts(text, file.name, list);
      if (added.length) await addContacts(added);
      setScreen({ kind: 'report', report, fileName: file.name });
    } catch (err) {
      setStatus(t('contacts_importFailed', { error: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy('');
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  let body;
  if (screen.kind === 'detail') {
    const c = list.find((x) => x.id === screen.id);
    body = c ? (
      <ContactDetail
        t={t}
        contact={c}
        onBack={() => setScreen({ kind: 'list', focusId: c.id })}
        onEdit={() => setScreen({ kind: 'form', id: c.id })}
        onDelete={() => void remove(c)}
        onCall={call}
      />
    ) : null;
  } else if (screen.kind === 'form') {
    const c = screen.id ? list.find((x) => x.id === screen.id) : undefined;
    body = (
      <ContactForm
        key={screen.id ?? 'new'}
        t={t}
        contact={c}
        others={list.filter((x) => x.id !== screen.id)}
        onSave={(d) => save(screen.id, d)}
        onCancel={() => setScreen(c ? { kind: 'detail', id: c.id } : { kind: 'list', focusId: '-' })}
      />
    );
  } else if (screen.kind === 'report') {
    body = (
      <ImportReport t={t} report={screen.report} fileName={screen.fileName} onDone={() => setScreen({ kind: 'list', focusId: '-' })} />
    );
  }

  return (
    <section
      class="contacts"
      ref={root}
      data-testid="contacts-view"
      aria-label={t('contacts_tab')}
      aria-busy={contacts === null || !!busy}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && screen.kind === 'detail' && !e.defaultPrevented) {
          e.preventDefault();
          setScreen({ kind: 'list', focusId: screen.id });
        }
      }}
    >
      {body ?? (
        <>
          <div class="ct-actions">
            <button type="button" class="primary" data-testid="contact-add" onClick={() => setScreen({ kind: 'form' })}>
              + {t('contacts_add')}
            </button>
            <button
              type="button"
              data-testid="contact-import"
              title={t('contacts_importHint')}
              disabled={!!busy}
              onClick={() => fileInput.current?.click()}
            >
              {t('contacts_import')}
            </button>
            <input
              ref={fileInput}
              type="file"
              class="ct-file"
              data-testid="contact-import-file"
              accept=".csv,.vcf,.vcard,.txt,text/csv,text/vcard,text/x-vcard"
              tabIndex={-1}
              aria-hidden="true"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) void importFile(file);
              }}
            />
          </div>
          {contacts !== null && (
            <ContactList
              t={t}
              contacts={list}
              query={query}
              onQuery={setQuery}
              onOpen={(id) => setScreen({ kind: 'detail', id })}
              onCall={(c) => call(firstCallable(c))}
            />
          )}
        </>
      )}
      <p class="ct-status" role="status" aria-live="polite" data-testid="contacts-status">
        {busy || status}
      </p>
    </section>
  );
}
