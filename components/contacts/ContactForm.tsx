import { useEffect, useRef, useState } from 'preact/hooks';
import { parsePhone } from '@/utils/phone/parse';
import type { Contact, ContactDraft } from '@/utils/contacts/types';
import type { Tr } from './shared';

type PhoneRow = { label: string; number: string };

function emptyDraft(): ContactDraft {
  return { name: '', phones: [{ label: '', number: '' }], company: '', email: '', note: '' };
}

function draftOf(c: Contact): ContactDraft {
  const phones = c.phones.map((p) => ({ label: p.label, number: p.number }));
  return { name: c.name, phones: phones.length ? phones : [{ label: '', number: '' }], company: c.company, email: c.email, note: c.note };
}

/** Under a number: what will be dialled, that it cannot be, or whose number it already is. */
function phoneHint(t: Tr, number: string, others: Contact[]): { text: string; bad: boolean } | undefined {
  if (!number.trim()) return undefined;
  const p = parsePhone(number);
  if (!p) return { text: t('contacts_phoneInvalid'), bad: true };
  const owner = others.find((c) => c.phones.some((x) => x.e164 === p.e164));
  if (owner) return { text: t('contacts_phoneTaken', { name: owner.name || p.display }), bad: false };
  return p.extension
    ? { text: t('contacts_phoneParsedExt', { number: p.display, ext: p.extension }), bad: false }
    : { text: t('contacts_phoneParsed', { number: p.display }), bad: false };
}

export function ContactForm(props: {
  t: Tr;
  /** Undefined for a new contact. */
  contact: Contact | undefined;
  others: Contact[];
  onSave: (draft: ContactDraft) => Promise<void> | void;
  onCancel: () => void;
}) {
  const { t } = props;
  const [draft, setDraft] = useState<ContactDraft>(() => (props.contact ? draftOf(props.contact) : emptyDraft()));
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const set = (patch: Partial<ContactDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setPhone = (i: number, patch: Partial<PhoneRow>) =>
    setDraft((d) => ({ ...d, phones: d.phones.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));
  const removePhone = (i: number) =>
    setDraft((d) => ({ ...d, phones: d.phones.length > 1 ? d.phones.filter((_, j) => j !== i) : [{ label: '', number: '' }] }));

  async function submit(e: Event) {
    e.preventDefault();
    if (saving) return;
    if (!draft.name.trim() && !draft.phones.some((p) => p.number.trim())) {
      setError(t('contacts_needNameOrPhone'));
      document.getElementById('ct-f-name')?.focus();
      return;
    }
    setSaving(true);
    try {
      await props.onSave(draft);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      class="ct-form"
      data-testid="contact-form"
      noValidate
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <h2 tabIndex={-1} ref={heading}>{t(props.contact ? 'contacts_editTitle' : 'contacts_newTitle')}</h2>
      <label class="field">
        <span class="label">{t('contacts_name')}</span>
        <input
          id="ct-f-name"
          data-testid="contact-name"
          value={draft.name}
          autoComplete="off"
          aria-invalid={!!error}
          aria-describedby={error ? 'ct-f-error' : undefined}
          onInput={(e) => {
            set({ name: e.currentTarget.value });
            setError('');
          }}
        />
      </label>
      <fieldset class="ct-phones">
        <legend class="label">{t('contacts_phone')}</legend>
        {draft.phones.map((p, i) => {
          const hint = phoneHint(t, p.number, props.others);
          return (
            <div key={i} class="ct-phone-edit">
              <div class="ct-phone-inputs">
                <input
                  type="tel"
                  class="ct-number-input"
                  data-testid="contact-phone-input"
                  aria-label={`${t('contacts_phone')} ${i + 1}`}
                  aria-describedby={hint ? `ct-f-hint-${i}` : undefined}
                  aria-invalid={hint?.bad}
                  placeholder="0912 345 678"
                  value={p.number}
                  onInput={(e) => {
                    setPhone(i, { number: e.currentTarget.value });
                    setError('');
                  }}
                />
                <input
                  class="ct-label-input"
                  data-testid="contact-phone-label"
                  aria-label={`${t('contacts_phoneLabel')} ${i + 1}`}
                  placeholder={t('contacts_phoneLabel')}
                  value={p.label}
                  onInput={(e) => setPhone(i, { label: e.currentTarget.value })}
                />
                <button
                  type="button"
                  class="ct-icon-btn"
                  data-testid="contact-phone-remove"
                  aria-label={t('contacts_removePhone', { index: i + 1 })}
                  title={t('contacts_removePhone', { index: i + 1 })}
                  onClick={() => removePhone(i)}
                >
                  ×
                </button>
              </div>
              {hint && (
                <span id={`ct-f-hint-${i}`} class={`hint ${hint.bad ? 'ct-bad' : ''}`}>
                  {hint.text}
                </span>
              )}
            </div>
          );
        })}
        <button
          type="button"
          class="link ct-add-phone"
          data-testid="contact-phone-add"
          onClick={() => setDraft((d) => ({ ...d, phones: [...d.phones, { label: '', number: '' }] }))}
        >
          + {t('contacts_addPhone')}
        </button>
      </fieldset>
      <label class="field">
        <span class="label">{t('contacts_company')}</span>
        <input data-testid="contact-company" value={draft.company} onInput={(e) => set({ company: e.currentTarget.value })} />
      </label>
      <label class="field">
        <span class="label">{t('contacts_email')}</span>
        <input type="email" data-testid="contact-email" value={draft.email} onInput={(e) => set({ email: e.currentTarget.value })} />
      </label>
      <label class="field">
        <span class="label">{t('contacts_note')}</span>
        <textarea data-testid="contact-note" rows={3} value={draft.note} onInput={(e) => set({ note: e.currentTarget.value })} />
      </label>
      {error && (
        <p id="ct-f-error" class="problem" role="alert" data-testid="contact-form-error">
          {error}
        </p>
      )}
      <div class="row-actions">
        <button type="submit" class="primary" data-testid="contact-save" disabled={saving}>
          {t('contacts_save')}
        </button>
        <button type="button" data-testid="contact-cancel" onClick={props.onCancel}>
          {t('contacts_cancel')}
        </button>
      </div>
    </form>
  );
}
