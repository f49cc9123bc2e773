import { useEffect, useState } from 'preact/hooks';
import { hotlineLabel } from '@/utils/call/format';
import type { Hotline } from '@/utils/call/types';
import type { MessageKey, Translate } from '@/utils/i18n';
import { request } from '@/utils/messaging/runtime';
import { checkAccount, lines, type AccountProblem } from '@/utils/settings/account-check';
import { accountItem, fallbackHotlineItem, hotlinesItem, type Account } from '@/utils/settings/items';
import { sandboxAccount } from '@/utils/settings/sandbox-account';

const EMPTY: Account = { serverAddrs: [], userId: '', tokenUrl: undefined, token: undefined, numbersUrl: undefined };

function problemText(t: Translate, p: AccountProblem): string {
  const key = `acct_${p.field}_${p.problem}` as MessageKey;
  return t(key, { value: 'value' in p ? (p.value ?? '') : '' });
}

/** Connecting a Stringee account; nothing is saved until every field makes sense. */
export function AccountSection({ t }: { t: Translate }) {
  const [form, setForm] = useState({ servers: '', userId: '', tokenUrl: '', token: '', numbersUrl: '' });
  const [problems, setProblems] = useState<AccountProblem[]>([]);
  const [status, setStatus] = useState('');
  const [hotlines, setHotlines] = useState<Hotline[]>([]);
  const [fallback, setFallback] = useState<string>('');

  const load = (a: Account) =>
    setForm({ servers: a.serverAddrs.join('\n'), userId: a.userId, tokenUrl: a.tokenUrl ?? '', token: a.token ?? '', numbersUrl: a.numbersUrl ?? '' });

  useEffect(() => {
    void accountItem.getValue().then((a) => a && load(a));
    void hotlinesItem.getValue().then((h) => setHotlines(h.list));
    void fallbackHotlineItem.getValue().then((f) => setFallback(f ?? ''));
  }, []);

  async function save(next: Account) {
    const found = checkAccount(next);
    setProblems(found);
    if (found.length) {
      setStatus('');
      return;
    }
    await accountItem.setValue(next);
    await hotlinesItem.setValue({ list: [], fetchedAt: 0 });
    load(next);
    const res = await request('hotlines.get', { refresh: true }).catch((e: Error) => ({ hotlines: [] as Hotline[], error: e.message }));
    setHotlines(res.hotlines);
    setStatus(res.error ? `${t('saved')} · ${t('hotlinesFailed', { detail: res.error })}` : `${t('saved')} · ${t('hotlinesLoaded', { count: res.hotlines.length })}`);
  }

  const fromForm = (): Account => ({
    serverAddrs: lines(form.servers),
    userId: form.userId.trim(),
    tokenUrl: form.tokenUrl.trim() || undefined,
    token: form.token.trim() || undefined,
    numbersUrl: form.numbersUrl.trim() || undefined,
  });
  const input = (key: keyof typeof form, label: MessageKey, testid: string, multiline = false) => (
    <label class="field">
      <span class="label">{t(label)}</span>
      {multiline ? (
        <textarea rows={2} data-testid={testid} value={form[key]} onInput={(e) => setForm({ ...form, [key]: (e.target as HTMLTextAreaElement).value })} />
      ) : (
        <input data-testid={testid} value={form[key]} onInput={(e) => setForm({ ...form, [key]: (e.target as HTMLInputElement).value })} />
      )}
    </label>
  );

  return (
    <section>
      <h2>{t('account')}</h2>
      {input('servers', 'serverAddrs', 'server-addrs', true)}
      {input('userId', 'userId', 'user-id')}
      {input('tokenUrl', 'tokenUrl', 'token-url')}
      {input('token', 'token', 'token')}
      {input('numbersUrl', 'numbersUrl', 'numbers-url')}
      {problems.length > 0 && (
        <ul class="problem" role="alert" data-testid="account-problems">
          {problems.map((p, i) => (
            <li key={i}>{problemText(t, p)}</li>
          ))}
        </ul>
      )}
      <div class="row">
        <button type="button" data-testid="save" onClick={() => void save(fromForm())}>
          {t('save')}
        </button>
        <button type="button" data-testid="use-sandbox" onClick={() => void save(sandboxAccount())}>
          {t('useSandbox')}
        </button>
        <span class="hint" role="status" data-testid="account-status">{status}</span>
      </div>
      <label class="field">
        <span class="label">{t('fallbackHotline')}</span>
        <select
          data-testid="fallback-hotline"
          value={fallback}
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value;
            setFallback(v);
            void fallbackHotlineItem.setValue(v || null);
          }}
        >
          <option value="">{t('fallbackFirst')}</option>
          {hotlines.map((h) => (
            <option key={h.number} value={h.number}>
              {hotlineLabel(h)}
            </option>
          ))}
        </select>
        <span class="hint">{t('fallbackHint')}</span>
      </label>
    </section>
  );
}
