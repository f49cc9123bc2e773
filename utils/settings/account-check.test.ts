import { describe, expect, it } from 'vitest';
import { checkAccount, lines } from './account-check';
import type { Account } from './items';
import { sandboxAccount } from './sandbox-account';

const ok: Account = sandboxAccount();

describe('checkAccount', () => {
  it('accepts the sandbox account', () => expect(checkAccount(ok)).toEqual([]));
  it('accepts a pasted token without a token URL', () =>
    expect(checkAccount({ ...ok, tokenUrl: undefined, token: 'a.b.c' })).toEqual([]));
  it.each<[string, Partial<Account>, object]>([
    ['no server', { serverAddrs: [] }, { field: 'serverAddrs', problem: 'missing' }],
    ['an http server address', { serverAddrs: ['https://v1.stringee.com:6899'] }, { field: 'serverAddrs', problem: 'notWebSocket' }],
    ['garbage server address', { serverAddrs: ['v1.stringee.com'] }, { field: 'serverAddrs', problem: 'notWebSocket' }],
    ['no user id', { userId: '' }, { field: 'userId', problem: 'missing' }],
    ['a token URL that is not http', { tokenUrl: 'ftp://x/token' }, { field: 'tokenUrl', problem: 'notHttp' }],
    ['neither token URL nor token', { tokenUrl: undefined, token: undefined }, { field: 'token', problem: 'missing' }],
    ['a pasted token that is not a JWT', { tokenUrl: undefined, token: 'abc' }, { field: 'token', problem: 'notJwt' }],
    ['a bad number list URL', { numbersUrl: 'numbers' }, { field: 'numbersUrl', problem: 'notHttp' }],
  ])('flags %s', (_, patch, problem) => {
    expect(checkAccount({ ...ok, ...patch })).toContainEqual(expect.objectContaining(problem));
  });
});

describe('lines', () => {
  it('splits on newlines and commas, trims and drops blanks', () =>
    expect(lines(' a.com\n\n b.vn , c.org ')).toEqual(['a.com', 'b.vn', 'c.org']));
});
