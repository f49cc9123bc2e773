import { StringeeClient, type AuthenResult } from 'stringee';
import type { SignInResult } from '@/utils/account/connection-test';

const TIMEOUT_MS = 10_000;

/**
 * One sign-in with a throwaway client, for "Test connection": the answer to AUTHEN, or
 * unreachable when no socket opens (the SDK then retries quietly forever, so a dropped socket
 * before any answer, or silence, means the server cannot be reached). Signs out at once.
 */
export function signInOnce(servers: string[], token: string): Promise<SignInResult> {
  return new Promise((resolve) => {
    const client = new StringeeClient(servers);
    let done = false;
    const finish = (r: SignInResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      // Later events of this client (its own disconnect) must not reach anyone.
      try {
        client.disconnect();
      } catch {
        /* already closed */
      }
      resolve(r);
    };
    const timer = setTimeout(() => finish({ ok: false, unreachable: true }), TIMEOUT_MS);
    client.on('authen', (res: AuthenResult) => {
      if (res.r === 0) finish({ ok: true, userId: res.userId ?? '' });
      else if (res.r !== 15) finish({ ok: false, r: res.r, ...(res.message ? { message: res.message } : {}) });
    });
    client.on('disconnect', () => finish({ ok: false, unreachable: true }));
    try {
      client.connect(token);
    } catch {
      finish({ ok: false, unreachable: true });
    }
  });
}
