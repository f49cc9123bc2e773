// HTTP API of the sandbox: Stringee's REST number list, the demo backend (token, numbers), call log,
// admin controls, static pages.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallFromPhoneOptions, CallLogEntry } from '../types.js';
import { HttpError, readJson, sendJson, sendText, CORS_HEADERS } from './json.js';
import { numberList } from './numbers.js';
import { staticFile } from './static.js';

export interface HttpControls {
  issueToken(userId: string, ttlSec?: number): { token: string; userId: string; expiresAt: number };
  callLog(): CallLogEntry[];
  setClockOffset(sec: number): void;
  clockOffset(): number;
  dropConnections(userId?: string): number;
  /** Validates untrusted input; throws Error with a readable message. */
  setPhoneBehaviour(number: string, behaviour: unknown): void;
  hangupFromPhone(callId: string): boolean;
  /** Validates untrusted input; throws Error with a readable message. Returns the callId. */
  callFromPhone(from: unknown, to: unknown, opts: CallFromPhoneOptions): string;
  publicConfig(): unknown;
  /** Checks a REST API token (X-STRINGEE-AUTH) as Stringee's REST API does. */
  verifyRestToken(token: unknown): { ok: true } | { ok: false; r: number; message: string };
}

function num(v: string | null): number | undefined {
  if (v === null || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

export function createHttpHandler(c: HttpControls) {
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS);
      res.end();
      return;
    }
    if (method === 'GET') {
      switch (path) {
        case '/':
          return sendJson(res, 200, { name: 'stringee-sandbox', pages: ['/demo', '/sdk-client.html'], config: '/config' });
        case '/token': {
          const userId = url.searchParams.get('userId') ?? '';
          if (userId.trim() === '') throw new HttpError(400, 'userId is required');
          const ttl = num(url.searchParams.get('ttl'));
          if (ttl !== undefined && ttl <= 0) throw new HttpError(400, 'ttl must be > 0 seconds');
          return sendJson(res, 200, c.issueToken(userId, ttl));
        }
        case '/v1/number': {
          // Stringee's REST API: a REST token in the header (or ?access_token=), signed with the key.
          const header = req.headers['x-stringee-auth'];
          const auth = c.verifyRestToken((Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('access_token') ?? '');
          if (!auth.ok) return sendJson(res, 401, { r: auth.r, message: auth.message });
          return sendJson(res, 200, numberList(num(url.searchParams.get('page')), num(url.searchParams.get('limit'))));
        }
        case '/numbers':
          // The demo backend's number list (beside /token): what a company's server would pass on
          // after signing the REST token itself, so no key reaches the browser.
          return sendJson(res, 200, numberList(num(url.searchParams.get('page')), num(url.searchParams.get('limit'))));
        case '/calls':
          return sendJson(res, 200, c.callLog());
        case '/config':
          return sendJson(res, 200, c.publicConfig());
        case '/admin/clock':
          return sendJson(res, 200, { offsetSec: c.clockOffset() });
      }
      const file = await staticFile(path);
      if (file) return sendText(res, 200, file.contentType, file.body);
      throw new HttpError(404, `no route for GET ${path}`);
    }
    if (method === 'POST') {
      const body = await readJson(req);
      if (path === '/admin/clock') {
        const offsetSec = body.offsetSec;
        if (typeof offsetSec !== 'number' || !Number.isFinite(offsetSec)) throw new HttpError(400, 'offsetSec must be a number');
        c.setClockOffset(offsetSec);
        return sendJson(res, 200, { ok: true, offsetSec });
      }
      if (path === '/admin/drop') {
        const userId = body.userId;
        if (userId !== undefined && typeof userId !== 'string') throw new HttpError(400, 'userId must be a string');
        return sendJson(res, 200, { ok: true, dropped: c.dropConnections(userId) });
      }
      if (path === '/admin/phones') {
        if (typeof body.number !== 'string') throw new HttpError(400, 'number must be a string like 84901234567');
        try {
          c.setPhoneBehaviour(body.number, body.behaviour);
        } catch (err) {
          throw new HttpError(400, err instanceof Error ? err.message : String(err));
        }
        return sendJson(res, 200, { ok: true });
      }
      if (path === '/admin/phones/call') {
        try {
          const callId = c.callFromPhone(body.from, body.to, {
            ...(body.hotline !== undefined ? { hotline: body.hotline as string } : {}),
            ...(body.hangupAfterSec !== undefined ? { hangupAfterSec: body.hangupAfterSec as number } : {}),
          });
          return sendJson(res, 200, { callId });
        } catch (err) {
          throw new HttpError(400, err instanceof Error ? err.message : String(err));
        }
      }
      const m = /^\/admin\/calls\/([^/]+)\/hangup$/.exec(path);
      if (m) {
        const callId = decodeURIComponent(m[1]!);
        if (!c.hangupFromPhone(callId)) throw new HttpError(404, `no active PSTN call ${callId}`);
        return sendJson(res, 200, { ok: true });
      }
      throw new HttpError(404, `no route for POST ${path}`);
    }
    throw new HttpError(405, `method ${method} not allowed`);
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    route(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      if (status === 500) console.error('[sandbox] http error:', err);
      if (!res.headersSent) sendJson(res, status, { error: err instanceof Error ? err.message : String(err) });
      else res.destroy();
    });
  };
}
