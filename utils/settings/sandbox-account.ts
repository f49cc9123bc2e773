import type { Account } from '../account/types';

/** The local sandbox's default port (npm start, README). */
export const SANDBOX_PORT = 47100;

/**
 * An account pointing at a local Stringee sandbox, as `npm start` and the tests use it: tokens
 * from the sandbox's demo token endpoint, hotlines from its demo backend's number list (what a
 * company's own backend would serve without an API key in the browser).
 */
export function sandboxAccount(httpUrl = `http://127.0.0.1:${SANDBOX_PORT}`, userId = 'agent1'): Account {
  const base = httpUrl.replace(/\/$/, '');
  return {
    userId,
    tokens: { kind: 'url', url: `${base}/token` },
    customServers: [`${base.replace(/^http/, 'ws')}/ws`],
    restBase: `${base}/`,
    numbersUrl: `${base}/numbers`,
  };
}
