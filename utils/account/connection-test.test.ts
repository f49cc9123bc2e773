import { describe, expect, it } from 'vitest';
import { connectionProblem, runConnectionTest, type SignInResult, type TestDeps } from './connection-test';
import type { NumberListResult } from './hotline-source';
import type { TokenResult } from './token';

const TOKEN: TokenResult = { ok: true, token: 'a.b.c', expiresAt: undefined };
const LIST: NumberListResult = { ok: true, hotlines: [{ number: '84966000111', carrier: 'Viettel', telco: '' }] };

function deps(over: { token?: TokenResult; signIn?: SignInResult; list?: NumberListResult; source?: TestDeps['source']; manualCount?: number }): TestDeps {
  return {
    token: async () => over.token ?? TOKEN,
    signIn: async () => over.signIn ?? { ok: true, userId: 'agent1' },
    numberList: async () => (over.source === 'manual' ? undefined : (over.list ?? LIST)),
    source: over.source ?? 'stringee',
    manualCount: over.manualCount ?? 0,
    servers: ['wss://v1.stringee.com:6899/'],
    formatTime: (sec) => new Date(sec * 1000).toISOString(),
  };
}
const keys = async (d: TestDeps) => (await runConnectionTest(d)).map((s) => `${s.status}:${s.key}`);

describe('runConnectionTest', () => {
  it('all good', async () => expect(await keys(deps({}))).toEqual(['ok:test_token_ok', 'ok:test_signIn_ok', 'ok:test_hotlines_ok']));
  it.each<[string, Parameters<typeof deps>[0], string[]]>([
    ['the token URL cannot be reached', { token: { ok: false, error: 'network', detail: 'x' } }, ['fail:test_token_network', 'ok:test_hotlines_ok']],
    ['an expired pasted token', { token: { ok: false, error: 'expired', detail: 'x' }, source: 'manual', manualCount: 1 }, ['fail:test_token_expired', 'ok:test_hotlines_manual']],
    ['the server cannot be reached', { signIn: { ok: false, unreachable: true } }, ['ok:test_token_ok', 'fail:test_signIn_unreachable', 'ok:test_hotlines_ok']],
    ['a token the server cannot read', { signIn: { ok: false, r: 2 } }, ['ok:test_token_ok', 'fail:test_signIn_badToken', 'ok:test_hotlines_ok']],
    ['a bad or expired token', { signIn: { ok: false, r: 6 } }, ['ok:test_token_ok', 'fail:test_signIn_refused', 'ok:test_hotlines_ok']],
    ['a key of another project', { signIn: { ok: false, r: 5 }, list: { ok: false, error: 'refused', detail: 'r=5 API_KEY_SID_OR_ACCOUNT_SID_NOT_FOUND' } }, ['ok:test_token_ok', 'fail:test_signIn_wrongProject', 'fail:test_hotlines_wrongKey']],
    ['project not found', { signIn: { ok: false, r: 8 } }, ['ok:test_token_ok', 'fail:test_signIn_wrongProject', 'ok:test_hotlines_ok']],
    ['no hotlines in the list', { list: { ok: true, hotlines: [] } }, ['ok:test_token_ok', 'ok:test_signIn_ok', 'warn:test_hotlines_none']],
    ['the number list cannot be reached', { list: { ok: false, error: 'network', detail: 'x' } }, ['ok:test_token_ok', 'ok:test_signIn_ok', 'fail:test_hotlines_network']],
    ['no hotline entered by hand', { source: 'manual' }, ['ok:test_token_ok', 'ok:test_signIn_ok', 'warn:test_hotlines_noneManual']],
  ])('%s', async (_, over, expected) => expect(await keys(deps(over))).toEqual(expected));
});

describe('connectionProblem', () => {
  it.each<[Parameters<typeof connectionProblem>[0], string, string]>([
    ['notConfigured', '', 'err_noAccount'],
    ['tokenSource', 'expired: 2026-12-07T01:00:00.000Z', 'test_token_expired'],
    ['tokenSource', 'network: https://crm.example.vn: Failed to fetch', 'test_token_network'],
    ['tokenSource', 'secretLost: gone', 'test_token_secretLost'],
    ['tokenSource', 'something else', 'test_token_network'],
    ['auth', 'r=6 TOKEN_EXPIRED_OR_INVALID', 'test_signIn_refused'],
    ['auth', 'r=5', 'test_signIn_wrongProject'],
    ['auth', 'r=2', 'test_signIn_badToken'],
    ['timeout', '', 'conn_problem_timeout'],
  ])('%s "%s" → %s', (error, detail, key) => expect(connectionProblem(error, detail).key).toBe(key));
});
