import { useEffect, useRef, useState } from 'preact/hooks';
import { contactTitle, phoneDisplay } from '@/utils/contacts/text';
import type { Contact, ContactPhone } from '@/utils/contacts/types';
import { Confirm, initials, PhoneIcon, type Tr } from './shared';

export function ContactDetail(props: {
  t: Tr;
  contact: Contact;
  onBack: () => void;
  onEdit: () => void;
  onDelete: () => void;
  onCall: (phone: ContactPhone) => void;
}) {
  const { t, contact: c } = props;
  const title = contactTitle(c);
  const heading = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div class="ct-detail" data-testid="contact-detail">
      <button type="button" class="ct-back link" data-testid="contact-back" onClick={props.onBack}>
        ← {t('contacts_back')}
      </button>
      <div class="ct-head">
        <span class="ct-avatar big" aria-hidden="true">{initials(c.name)}</span>
        <div>
          <h2 tabIndex={-1} ref={heading} data-testid="contact-detail-name">{title}</h2>
          {c.company && <p class="ct-sub">{c.company}</p>}
        </div>
      </div>
      <dl class="ct-fields">
        {c.phones.length > 0 && (
          <>
            <dt>{t('contacts_phone')}</dt>
            {c.phones.map((p, i) => (
              <dd key={i} class="ct-phone">
                <span class="ct-text">
                  <span class="ct-number">{phoneDisplay(p)}</span>
                  {(p.label || !p.e164) && (
                    <span class="ct-sub">{[p.label, p.e164 ? '' : t('contacts_noCallable')].filter(Boolean).join(' · ')}</span>
                  )}
                </span>
                {p.e164 && (
                  <button
                    type="button"
                    class="ct-call"
                    data-testid="contact-call-phone"
                    aria-label={t('contacts_callNumber', { name: title, number: phoneDisplay(p) })}
                    title={t('contacts_callNumber', { name: title, number: phoneDisplay(p) })}
                    onClick={() => props.onCall(p)}
                  >
                    <PhoneIcon />
                  </button>
                )}
              </dd>
            ))}
          </>
        )}
        {c.email && (
          <>
            <dt>{t('contacts_email')}</dt>
            <dd class="ct-wrap">{c.email}</dd>
          </>
        )}
        {c.note && (
          <>
            <dt>{t('contacts_note')}</dt>
            <dd class="ct-wrap ct-note">{c.note}</dd>
          </>
        )}
      </dl>
      {confirming ? (
        <Confirm
          testid="contact-delete-confirm"
          text={t('contacts_deleteConfirm', { name: title })}
          confirmLabel={t('contacts_delete')}
          cancelLabel={t('contacts_cancel')}
          onConfirm={props.onDelete}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <div class="row-actions">
          <button type="button" data-testid="contact-edit" onClick={props.onEdit}>
            {t('contacts_edit')}
          </button>
          <button type="button" class="danger-outline" data-testid="contact-delete" onClick={() => setConfirming(true)}>
            {t('contacts_delete')}
          </button>
        </div>
      )}
    </div>
  );
}
