import type { Account } from './items';

/** The local sandbox's default port (npm start, README). */
export const SANDBOX_PORT = 47100;

/** An account pointing at a local Stringee sandbox, as `npm start` and the tests use it. */
export function sandboxAccount(httpUrl = `http://127.0.0.1:${SANDBOX_PORT}`, userId = 'agent1'): Account {
  const base = httpUrl.replace(/\/$/, '');
  return {
    serverAddrs: [`${base.replace(/^http/, 'ws')}/ws`],
    userId,
    tokenUrl: `${base}/token`,
    token: undefined,
    numbersUrl: `${base}/v1/number`,
  };
}
