import { useEffect, useState } from 'preact/hooks';
import { useTranslator } from '@/components/use-translator';
import type { MessageKey } from '@/utils/i18n';
import { request } from '@/utils/messaging/runtime';
import { accountItem, hotlinesItem, languageItem, type Account, type Language } from '@/utils/settings/items';
import { sandboxAccount } from '@/utils/settings/sandbox-account';

const EMPTY: Account = { serverAddrs: [], userId: '', tokenUrl: undefined, token: undefined, numbersUrl: undefined };

/** Connecting a Stringee account, and the UI language. */
export function App() {
  const { t } = useTranslator();
  const [account, setAccount] = useState<Account>(EMPTY);
  const [language, setLanguage] = useState<Language>('auto');
  const [status, setStatus] = useState<string>('');

  useEffect(() => {
    void accountItem.getValue().then((a) => a && setAccount(a));
    void languageItem.getValue().then(setLanguage);
  }, []);

  const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  const field = (key: MessageKey, value: string, set: (v: string) => void, testid: string) => (
    <label class="field">
      <span class="label">{t(key)}</span>
      <input data-testid={testid} value={value} onInput={(e) => set((e.target as HTMLInputElement).value)} />
    </label>
  );

  async function save(next: Account) {
    const clean: Account = {
      serverAddrs: next.serverAddrs.map((s) => s.trim()).filter(Boolean),
      userId: next.userId.trim(),
      tokenUrl: text(next.tokenUrl),
      token: text(next.token),
      numbersUrl: text(next.numbersUrl),
    };
    await accountItem.setValue(clean);
    await hotlinesItem.setValue({ list: [], fetchedAt: 0 });
    const res = await request('hotlines.get', { refresh: true }).catch((e: Error) => ({ hotlines: [], error: e.message }));
    setAccount(clean);
    setStatus(res.error ? `${t('saved')} · ${res.error}` : `${t('saved')} · ${res.hotlines.length} ${t('hotline')}`);
  }

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <section>
        <h2>{t('account')}</h2>
        <label class="field">
          <span class="label">{t('serverAddrs')}</span>
          <textarea
            rows={2}
            data-testid="server-addrs"
            value={account.serverAddrs.join('\n')}
            onInput={(e) => setAccount({ ...account, serverAddrs: (e.target as HTMLTextAreaElement).value.split('\n') })}
          />
        </label>
        {field('userId', account.userId, (v) => setAccount({ ...account, userId: v }), 'user-id')}
        {field('tokenUrl', account.tokenUrl ?? '', (v) => setAccount({ ...account, tokenUrl: v }), 'token-url')}
        {field('token', account.token ?? '', (v) => setAccount({ ...account, token: v }), 'token')}
        {field('numbersUrl', account.numbersUrl ?? '', (v) => setAccount({ ...account, numbersUrl: v }), 'numbers-url')}
        <div class="row">
          <button type="button" data-testid="save" onClick={() => void save(account)}>
            {t('save')}
          </button>
          <button type="button" data-testid="use-sandbox" onClick={() => void save(sandboxAccount())}>
            {t('useSandbox')}
          </button>
          <span class="hint" role="status">{status}</span>
        </div>
      </section>
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
