/**
 * Addresses the account may use. Tokens and secrets travel over them, so only encrypted
 * schemes, except to this machine (the local sandbox, a developer's own backend).
 */
export type UrlProblem = 'invalid' | 'wrongScheme' | 'insecure';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.has(hostname) || hostname.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** Checks an http(s) URL (kind 'http') or a WebSocket URL (kind 'ws'); undefined when fine. */
export function urlProblem(value: string, kind: 'http' | 'ws'): UrlProblem | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'invalid';
  }
  const [plain, secure] = kind === 'http' ? ['http:', 'https:'] : ['ws:', 'wss:'];
  if (url.protocol === secure) return undefined;
  if (url.protocol !== plain) return 'wrongScheme';
  return isLoopbackHost(url.hostname) ? undefined : 'insecure';
}
