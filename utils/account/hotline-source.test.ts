import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { numberList } from '../../sandbox/http/numbers';
import { verifyRestToken } from '../../sandbox/jwt';
import { fetchNumberList, hotlineSourceOf } from './hotline-source';
import { seal } from './secret-box';
import type { Account } from './types';

const KEY = { sid: 'SKabcdefgh12345678', secret: 's3cret' };
const apiKeyAccount = async (): Promise<Account> => ({
  userId: 'agent1',
  tokens: { kind: 'apiKey', sid: KEY.sid, secret: await seal(KEY.secret) },
  restBase: 'http://127.0.0.1:1/',
});

/** A number-list server in a function: pages of the sandbox's list, the REST token checked. */
function stringeeApi(limitOverride?: number) {
  const seen: string[] = [];
  const f = (async (url: URL, init: RequestInit) => {
    seen.push(url.toString());
    const auth = verifyRestToken((init.headers as Record<string, string>)['X-STRINGEE-AUTH'], (s) => (s === KEY.sid ? KEY.secret : undefined), Date.now() / 1000);
    if (!auth.ok) return new Response(JSON.stringify({ r: auth.r, message: auth.message }), { status: 401 });
    const page = Number(url.searchParams.get('page'));
    return new Response(JSON.stringify(numberList(page, limitOverride ?? Number(url.searchParams.get('limit')))));
  }) as unknown as typeof fetch;
  return { f, seen };
}

describe('hotlineSourceOf', () => {
  it.each<[Account['tokens']['kind'], string | undefined, string]>([
    ['apiKey', undefined, 'stringee'],
    ['apiKey', 'https://crm.example.vn/numbers', 'stringee'],
    ['url', 'https://crm.example.vn/numbers', 'url'],
    ['url', undefined, 'manual'],
    ['pasted', undefined, 'manual'],
  ])('%s with number list %s → %s', (kind, numbersUrl, source) =>
    expect(hotlineSourceOf({ userId: 'a', tokens: { kind } as Account['tokens'], ...(numbersUrl ? { numbersUrl } : {}) })).toBe(source));
});

describe('fetchNumberList', () => {
  it('reads Stringee’s list with a REST token signed from the API key', async () => {
    const api = stringeeApi();
    const res = await fetchNumberList(await apiKeyAccount(), api.f);
    expect(res).toMatchObject({ ok: true });
    expect(res?.ok && res.hotlines.map((h) => h.number)).toEqual(['84966000111', '84916000222', '84906000333', '842873001234']);
    expect(api.seen).toEqual(['http://127.0.0.1:1/v1/number?page=1&limit=100']);
  });
  it('follows every page', async () => {
    const api = stringeeApi(3); // the server pages by 3 whatever we ask
    const res = await fetchNumberList(await apiKeyAccount(), api.f);
    expect(res?.ok && res.hotlines).toHaveLength(4);
    expect(api.seen).toHaveLength(2);
  });
  it('says the server refused the key, with its code', async () => {
    const account = await apiKeyAccount();
    account.tokens = { kind: 'apiKey', sid: 'SKotherProject00001', secret: await seal('x') };
    expect(await fetchNumberList(account, stringeeApi().f)).toEqual({ ok: false, error: 'refused', detail: 'r=5 API_KEY_SID_OR_ACCOUNT_SID_NOT_FOUND' });
  });
  it.each<[string, typeof fetch, string]>([
    ['an unreachable server', (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch, 'network'],
    ['an HTTP error page', (async () => new Response('<h1>502</h1>', { status: 502 })) as unknown as typeof fetch, 'http'],
    ['a reply that is no number list', (async () => new Response(JSON.stringify({ hello: 1 }))) as unknown as typeof fetch, 'notList'],
  ])('%s → %s', async (_, f, error) => {
    const account: Account = { userId: 'a', tokens: { kind: 'url', url: 'https://x/token' }, numbersUrl: 'https://crm.example.vn/numbers' };
    expect(await fetchNumberList(account, f)).toMatchObject({ ok: false, error });
  });
  it('has nothing to fetch for hotlines entered by hand', async () =>
    expect(await fetchNumberList({ userId: 'a', tokens: { kind: 'url', url: 'https://x/token' } })).toBeUndefined());
});
