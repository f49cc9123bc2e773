import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_KEY } from '../../sandbox/config';
import { verifyToken } from '../../sandbox/jwt';

// The example token server shown on the options page and in the README must really work.
describe('examples/token-server.mjs', () => {
  it('returns a token the Stringee sandbox accepts for the user asked', async () => {
    const port = 40000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, [path.resolve(import.meta.dirname, '../../examples/token-server.mjs')], {
      env: { ...process.env, STRINGEE_API_KEY_SID: API_KEY.sid, STRINGEE_API_KEY_SECRET: API_KEY.secret, PORT: String(port) },
      stdio: 'ignore',
    });
    try {
      let body: { token?: string } | undefined;
      for (let i = 0; i < 50 && !body; i++) {
        body = await fetch(`http://127.0.0.1:${port}/token?userId=agent2`).then((r) => r.json() as Promise<{ token: string }>, () => undefined);
        if (!body) await new Promise((r) => setTimeout(r, 100));
      }
      const check = verifyToken(body?.token, (sid) => (sid === API_KEY.sid ? API_KEY.secret : undefined), Date.now() / 1000);
      expect(check).toMatchObject({ ok: true, userId: 'agent2' });
    } finally {
      child.kill();
    }
  });
});
