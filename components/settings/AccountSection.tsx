import { useEffect, useState } from 'preact/hooks';
import tokenServerExample from '@/examples/token-server.mjs?raw';
import { runConnectionTest, type TestStep } from '@/utils/account/connection-test';
import { accountFromForm, checkForm, EMPTY_FORM, formOf, keepsApiKeySecret, type AccountForm, type AccountProblem } from '@/utils/account/form';
import { fetchNumberList, hotlineSourceOf } from '@/utils/account/hotline-source';
import { storeFetchedHotlines } from '@/utils/account/hotline-store';
import { accountItem, hotlinesItem } from '@/utils/account/items';
import { describeToken } from '@/utils/account/jwt';
import { seal, unseal } from '@/utils/account/secret-box';
import { obtainToken } from '@/utils/account/token';
import { restBaseOf, serversOf, STRINGEE_REST_BASE, STRINGEE_SERVERS, type Account, type TokenSourceKind } from '@/utils/account/types';
import { formatDateTime } from '@/utils/call/format';
import { mergeFetched } from '@/utils/call/hotline-list';
import type { MessageKey, Translate } from '@/utils/i18n';
import { sandboxAccount } from '@/utils/settings/sandbox-account';
import { signInOnce } from './sign-in-check';

const KINDS: TokenSourceKind[] = ['url', 'pasted', 'apiKey'];

function problemText(t: Translate, p: AccountProblem): string {
  return t(`acct_${p.field}_${p.problem}` as MessageKey, { value: 'value' in p ? (p.value ?? '') : '' });
}

/** Where a saved account gets its tokens and hotlines; a change means the old hotline list is another project's. */
const sourceKey = (a: Account | null) =>
  a ? JSON.stringify([hotlineSourceOf(a), a.numbersUrl ?? '', restBaseOf(a), a.tokens.kind === 'apiKey' ? a.tokens.sid : '']) : '';

/**
 * Connecting a Stringee account: how tokens are obtained (token URL, pasted token, or an API
 * key kept on this device), the advanced addresses, and a test that says what failed in
 * plain words. Nothing is saved until every field makes sense. `loadRequest` fills the form
 * from outside (an imported backup) without saving.
 */
export function AccountSection({ t, loadRequest }: { t: Translate; loadRequest?: { form: AccountForm; nonce: number } }) {
  const when = (sec: number) => formatDateTime(sec * 1000, document.documentElement.lang === 'vi' ? 'vi' : 'en');
  const [form, setForm] = useState<AccountForm>(EMPTY_FORM);
  const [saved, setSaved] = useState<Account | null>(null);
  const [savedToken, setSavedToken] = useState<{ user: string; expiresAt: number | undefined } | null>(null);
  const [problems, setProblems] = useState<AccountProblem[]>([]);
  const [status, setStatus] = useState('');
  const [steps, setSteps] = useState<TestStep[] | null>(null);
  const [testing, setTesting] = useState(false);

  const loadSaved = async (a: Account | null) => {
    setSaved(a);
    setForm(formOf(a));
    setSavedToken(null);
    if (a?.tokens.kind === 'pasted') {
      const info = describeToken(await unseal(a.tokens.token).catch(() => ''));
      if (info) setSavedToken({ user: info.userId ?? '?', expiresAt: info.expiresAt });
    }
  };

  useEffect(() => {
    void accountItem.getValue().then(loadSaved);
  }, []);
  useEffect(() => {
    if (!loadRequest) return;
    setForm(loadRequest.form);
    setProblems([]);
    setSteps(null);
  }, [loadRequest?.nonce]);

  const set = (patch: Partial<AccountForm>) => setForm({ ...form, ...patch });

  /** The account a form describes, secrets sealed, or the problems that stop it. */
  async function fromForm(f: AccountForm): Promise<Account | null> {
    const found = checkForm(f, saved);
    setProblems(found);
    if (found.length) {
      setStatus(t('acct_notSaved'));
      return null;
    }
    return accountFromForm(f, saved, seal);
  }

  /** Runs the test; `store`: the account is the saved one, so the list it reads is kept. */
  async function test(account: Account, store = false) {
    setTesting(true);
    setSteps(null);
    try {
      const entries = (await hotlinesItem.getValue()).entries;
      setSteps(
        await runConnectionTest({
          token: () => obtainToken(account),
          signIn: (token) => signInOnce(serversOf(account), token),
          numberList: async () => {
            const list = await fetchNumberList(account);
            if (store && list?.ok) await storeFetchedHotlines(list.hotlines);
            return list;
          },
          source: hotlineSourceOf(account),
          manualCount: entries.filter((e) => e.origin === 'manual' && e.enabled).length,
          servers: serversOf(account),
          formatTime: when,
        }),
      );
    } finally {
      setTesting(false);
    }
  }

  async function save(f: AccountForm) {
    const next = await fromForm(f);
    if (!next) return;
    const stored = await hotlinesItem.getValue();
    // Hotlines listed by another project's number list are not this account's.
    const entries = sourceKey(saved) === sourceKey(next) ? stored.entries : mergeFetched(stored.entries, []);
    await hotlinesItem.setValue({ entries, fetchedAt: 0 });
    await accountItem.setValue(next);
    await loadSaved(next);
    setStatus(t('acct_savedTesting'));
    // The test reads the number list once, and keeps it.
    await test(next, true);
    setStatus(t('saved'));
  }

  async function testForm() {
    const account = await fromForm(form);
    if (!account) return;
    setStatus('');
    await test(account);
  }

  const text = (key: keyof AccountForm, label: MessageKey, testid: string, opts: { hint?: string; multiline?: boolean; secret?: boolean; placeholder?: string } = {}) => (
    <label class="field">
      <span class="label">{t(label)}</span>
      {opts.multiline ? (
        <textarea
          rows={opts.secret ? 3 : 2}
          data-testid={testid}
          value={form[key]}
          placeholder={opts.placeholder}
          spellcheck={false}
          onInput={(e) => set({ [key]: (e.target as HTMLTextAreaElement).value })}
        />
      ) : (
        <input
          data-testid={testid}
          type={(opts.secret ? 'password' : 'text') as 'text'}
          autocomplete={opts.secret ? 'new-password' : 'off'}
          spellcheck={false}
          value={form[key]}
          placeholder={opts.placeholder}
          onInput={(e) => set({ [key]: (e.target as HTMLInputElement).value })}
        />
      )}
      {opts.hint && <span class="hint">{opts.hint}</span>}
    </label>
  );

  const typedToken = form.tokenKind === 'pasted' && form.token.trim() ? describeToken(form.token.trim()) : undefined;
  const keepsSecret = keepsApiKeySecret(form, saved);

  return (
    <section data-testid="account-section">
      <h2>{t('account')}</h2>
      <p class="hint">{t('acct_intro')}</p>
      {text('userId', 'acct_userId', 'user-id', { hint: t('acct_userIdHint') })}

      <fieldset class="choices" data-testid="token-kind">
        <legend class="label">{t('acct_tokenSource')}</legend>
        {KINDS.map((k) => (
          <label key={k} class="choice">
            <input type="radio" name="token-kind" value={k} data-testid={`token-kind-${k}`} checked={form.tokenKind === k} onChange={() => set({ tokenKind: k })} />
            <span>
              <strong>{t(`acct_kind_${k}`)}</strong>
              <span class="hint">{t(`acct_kind_${k}Hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {form.tokenKind === 'url' && (
        <>
          {text('tokenUrl', 'acct_tokenUrl', 'token-url', { placeholder: 'https://crm.example.vn/stringee/token' })}
          <details class="howto">
            <summary>{t('acct_howTo')}</summary>
            <p class="hint">{t('acct_howToText')}</p>
            <pre data-testid="token-server-example">{tokenServerExample}</pre>
          </details>
        </>
      )}
      {form.tokenKind === 'pasted' && (
        <>
          {text('token', 'acct_token', 'token', { multiline: true, secret: true, placeholder: 'xxxxx.yyyyy.zzzzz' })}
          <p class="hint" data-testid="token-info">
            {typedToken
              ? t('acct_tokenAbout', { user: typedToken.userId ?? '?', time: typedToken.expiresAt ? when(typedToken.expiresAt) : '–' })
              : savedToken && !form.token.trim()
                ? t(savedToken.expiresAt && savedToken.expiresAt * 1000 < Date.now() ? 'acct_tokenSavedExpired' : 'acct_tokenSaved', {
                    user: savedToken.user,
                    time: savedToken.expiresAt ? when(savedToken.expiresAt) : '–',
                  })
                : ''}
          </p>
        </>
      )}
      {form.tokenKind === 'apiKey' && (
        <>
          <p class="warning" role="note" data-testid="api-key-warning">
            {t('acct_apiKeyWarning')}
          </p>
          {text('apiKeySid', 'acct_apiKeySid', 'api-key-sid', { placeholder: 'SK…' })}
          {text('apiKeySecret', 'acct_apiKeySecret', 'api-key-secret', { secret: true, hint: keepsSecret ? t('acct_secretSaved') : undefined })}
        </>
      )}

      <details class="advanced" open={!!(form.servers || form.restBase || form.numbersUrl)}>
        <summary data-testid="advanced">{t('acct_advanced')}</summary>
        {text('servers', 'acct_servers', 'server-addrs', { multiline: true, hint: t('acct_serversHint', { servers: STRINGEE_SERVERS.join(', ') }), placeholder: STRINGEE_SERVERS.join('\n') })}
        {text('restBase', 'acct_restBase', 'rest-base', { hint: t('acct_restBaseHint', { url: STRINGEE_REST_BASE }), placeholder: STRINGEE_REST_BASE })}
        {form.tokenKind !== 'apiKey' && text('numbersUrl', 'acct_numbersUrl', 'numbers-url', { hint: t('acct_numbersUrlHint') })}
      </details>

      {problems.length > 0 && (
        <ul class="problem" role="alert" data-testid="account-problems">
          {problems.map((p, i) => (
            <li key={i}>{problemText(t, p)}</li>
          ))}
        </ul>
      )}
      <div class="row">
        <button type="button" class="primary" data-testid="save" onClick={() => void save(form)}>
          {t('save')}
        </button>
        <button type="button" data-testid="test-connection" disabled={testing} onClick={() => void testForm()}>
          {testing ? t('acct_testing') : t('acct_test')}
        </button>
        <button type="button" data-testid="use-sandbox" onClick={() => void save(formOf(sandboxAccount()))}>
          {t('useSandbox')}
        </button>
        <span class="hint" role="status" data-testid="account-status">
          {status}
        </span>
      </div>
      {steps && (
        <ul class="test-steps" data-testid="test-steps" aria-live="polite">
          {steps.map((s) => (
            <li key={s.step} class={s.status} data-testid={`test-${s.step}`} data-status={s.status} data-key={s.key}>
              <span class="mark" aria-hidden="true">
                {s.status === 'ok' ? '✓' : s.status === 'warn' ? '!' : '✗'}
              </span>
              <strong>{t(`test_step_${s.step}` as MessageKey)}:</strong> {t(s.key as MessageKey, s.params)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
