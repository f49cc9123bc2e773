import { accountItem } from '@/utils/settings/items';
import type { ConnectConfigResult } from '@/utils/messaging/protocol';

/** Gives the call host what it needs to sign in: server addresses and a current token. */
export async function connectConfig(fresh: boolean): Promise<ConnectConfigResult> {
  const account = await accountItem.getValue();
  if (!account || account.serverAddrs.length === 0 || !account.userId) {
    return { ok: false, error: 'notConfigured' };
  }
  const base = { serverAddrs: account.serverAddrs, userId: account.userId };
  if (account.tokenUrl) {
    try {
      const url = new URL(account.tokenUrl);
      url.searchParams.set('userId', account.userId);
      const res = await fetch(url, { cache: 'no-store' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = (await res.json()) as { token?: unknown; access_token?: unknown };
      const token = body.token ?? body.access_token;
      if (typeof token !== 'string' || !token) throw new Error('no token in the reply');
      return { ok: true, config: { ...base, token } };
    } catch (e) {
      return { ok: false, error: 'tokenSource', detail: `${account.tokenUrl}: ${(e as Error).message}` };
    }
  }
  if (account.token) {
    // A pasted token cannot be renewed here: asking again gives the same one, and the host
    // then reports the authentication error for the user to fix.
    void fresh;
    return { ok: true, config: { ...base, token: account.token } };
  }
  return { ok: false, error: 'notConfigured' };
}
