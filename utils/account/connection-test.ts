import type { NumberListResult, HotlineSourceKind } from './hotline-source';
import { TOKEN_ERRORS } from './token-errors';
import type { TokenResult } from './token';

/** What one sign-in attempt with a token gave. */
export type SignInResult = { ok: true; userId: string } | { ok: false; unreachable: true } | { ok: false; unreachable?: false; r: number; message?: string };

/**
 * One step of "Test connection", in words the user can act on: a message key (translated by
 * the options page) and its parameters.
 */
export interface TestStep {
  step: 'token' | 'signIn' | 'hotlines';
  status: 'ok' | 'warn' | 'fail';
  key: string;
  params: Record<string, string | number>;
}

export interface TestDeps {
  token(): Promise<TokenResult>;
  signIn(token: string): Promise<SignInResult>;
  /** Undefined for hotlines entered by hand. */
  numberList(): Promise<NumberListResult | undefined>;
  source: HotlineSourceKind;
  manualCount: number;
  servers: string[];
  /** Unix seconds as the user reads a date and time. */
  formatTime(sec: number): string;
}

/** AUTHEN codes (Stringee docs) grouped by what the user should fix. */
export function signInProblem(r: number): string {
  if (r === 5 || r === 8) return 'test_signIn_wrongProject';
  if (r === 6) return 'test_signIn_refused';
  if (r === 7) return 'test_signIn_noUser';
  return 'test_signIn_badToken';
}

/**
 * Token, sign-in, hotlines, in order; a failed step stops the ones that need it (no token, no
 * sign-in), but the hotlines are checked whatever the sign-in said.
 */
export async function runConnectionTest(d: TestDeps): Promise<TestStep[]> {
  const steps: TestStep[] = [];
  const tok = await d.token();
  if (!tok.ok) {
    steps.push({ step: 'token', status: 'fail', key: `test_token_${tok.error}`, params: { detail: tok.detail } });
  } else {
    steps.push({ step: 'token', status: 'ok', key: 'test_token_ok', params: { expires: tok.expiresAt ? d.formatTime(tok.expiresAt) : '–' } });
    const s = await d.signIn(tok.token);
    if (s.ok) steps.push({ step: 'signIn', status: 'ok', key: 'test_signIn_ok', params: { userId: s.userId } });
    else if (s.unreachable) steps.push({ step: 'signIn', status: 'fail', key: 'test_signIn_unreachable', params: { servers: d.servers.join(', ') } });
    else steps.push({ step: 'signIn', status: 'fail', key: signInProblem(s.r), params: { r: s.r } });
  }
  if (d.source === 'manual') {
    steps.push(
      d.manualCount > 0
        ? { step: 'hotlines', status: 'ok', key: 'test_hotlines_manual', params: { count: d.manualCount } }
        : { step: 'hotlines', status: 'warn', key: 'test_hotlines_noneManual', params: {} },
    );
    return steps;
  }
  const list = await d.numberList();
  if (!list) return steps;
  if (!list.ok) {
    const wrongKey = list.error === 'refused' && /^r=(5|6|8)\b/.test(list.detail);
    steps.push({ step: 'hotlines', status: 'fail', key: wrongKey ? 'test_hotlines_wrongKey' : `test_hotlines_${list.error}`, params: { detail: list.detail } });
  } else if (list.hotlines.length === 0) {
    steps.push({ step: 'hotlines', status: 'warn', key: 'test_hotlines_none', params: {} });
  } else {
    steps.push({ step: 'hotlines', status: 'ok', key: 'test_hotlines_ok', params: { count: list.hotlines.length } });
  }
  return steps;
}

/**
 * A token or number-list failure as one line, "code: detail": what the call host reports as its
 * error detail, and what connectionProblem reads back.
 */
export function failureText(f: { error: string; detail: string }): string {
  return f.detail ? `${f.error}: ${f.detail}` : f.error;
}

/**
 * Why the call host is not signed in, in the same words as the test: its error and detail
 * ("expired: …" from the token source, "r=6 …" from the server) to a message key.
 */
export function connectionProblem(error: 'auth' | 'tokenSource' | 'notConfigured' | 'timeout' | undefined, detail = ''): { key: string; params: Record<string, string | number> } {
  if (error === 'notConfigured') return { key: 'err_noAccount', params: {} };
  if (error === 'tokenSource') {
    const m = /^(\w+)(?:: ?(.*))?$/s.exec(detail);
    if (m && (TOKEN_ERRORS as readonly string[]).includes(m[1]!)) return { key: `test_token_${m[1]}`, params: { detail: m[2] ?? '' } };
    return { key: 'test_token_network', params: { detail } };
  }
  if (error === 'auth') {
    const r = Number(/r=(-?\d+)/.exec(detail)?.[1]);
    return Number.isFinite(r) ? { key: signInProblem(r), params: { r } } : { key: 'conn_problem_timeout', params: {} };
  }
  return { key: 'conn_problem_timeout', params: {} };
}
