import { failureText } from '@/utils/account/connection-test';
import { accountItem } from '@/utils/account/items';
import { obtainToken } from '@/utils/account/token';
import { serversOf } from '@/utils/account/types';
import type { ConnectConfigResult } from '@/utils/messaging/protocol';

/**
 * Gives a call host what it needs to sign in: server addresses and a current token. A token
 * URL or an API key gives a new token each time (so the host's `fresh` asks nothing more); a
 * pasted one cannot be renewed here, and the host then reports the server's refusal for the
 * user to fix.
 */
export async function connectConfig(): Promise<ConnectConfigResult> {
  const account = await accountItem.getValue();
  if (!account?.userId) return { ok: false, error: 'notConfigured' };
  const res = await obtainToken(account);
  if (!res.ok) return { ok: false, error: 'tokenSource', detail: failureText(res) };
  return { ok: true, config: { serverAddrs: serversOf(account), userId: account.userId, token: res.token } };
}
