import { useEffect, useState } from 'preact/hooks';
import { ContactsView } from '@/components/contacts/ContactsView';
import { useTranslator } from '@/components/use-translator';
import { request } from '@/utils/messaging/runtime';
import { languageItem, type Language } from '@/utils/settings/items';
import type { AccountForm } from '@/utils/account/form';
import { AccountSection } from '@/components/settings/AccountSection';
import { BackupSection } from './BackupSection';
import { HotlinesSection } from '@/components/settings/HotlinesSection';
import { ShortcutsSection } from './ShortcutsSection';
import { SitesSection } from './SitesSection';

/** Settings: the Stringee account, where numbers are callable, and the language. */
export function App() {
  const { t } = useTranslator();
  const [language, setLanguage] = useState<Language>('auto');
  const [accountForm, setAccountForm] = useState<{ form: AccountForm; nonce: number }>();
  useEffect(() => {
    void languageItem.getValue().then(setLanguage);
    // An imported backup can change the language too.
    return languageItem.watch((l) => setLanguage(l ?? 'auto'));
  }, []);

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <AccountSection t={t} loadRequest={accountForm} />
      <HotlinesSection t={t} />
      <SitesSection t={t} />
      <ShortcutsSection t={t} />
      <section>
        {/* Also here: on some systems Chrome closes the popup when a file picker opens, which
            would lose an import started there. */}
        <h2>{t('contacts_tab')}</h2>
        <ContactsView
          t={t}
          onCall={(e164, typed) =>
            void request('call.start', { target: typed ?? e164, mode: 'callout' })
          }
        />
      </section>
      <BackupSection t={t} onAccountForm={(form) => setAccountForm({ form, nonce: Date.now() })} />
      <section>
        <h2>{t('language')}</h2>
        <select
          data-testid="language"
          value={language}
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value as Language;
            setLanguage(v);
            void languageItem.setValue(v);
          }}
        >
          <option value="auto">{t('lang_auto')}</option>
          <option value="vi">Tiếng Việt</option>
          <option value="en">English</option>
        </select>
      </section>
    </main>
  );
}
