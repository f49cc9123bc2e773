import type { Account } from './items';

export type AccountProblem =
  | { field: 'serverAddrs'; problem: 'missing' | 'notWebSocket'; value?: string }
  | { field: 'userId'; problem: 'missing' }
  | { field: 'tokenUrl' | 'numbersUrl'; problem: 'notHttp'; value: string }
  | { field: 'token'; problem: 'missing' | 'notJwt' };

function isUrl(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Everything wrong with an account form, in field order; empty when it can be saved. */
export function checkAccount(a: Account): AccountProblem[] {
  const problems: AccountProblem[] = [];
  if (a.serverAddrs.length === 0) problems.push({ field: 'serverAddrs', problem: 'missing' });
  for (const addr of a.serverAddrs) {
    if (!isUrl(addr, ['ws:', 'wss:'])) problems.push({ field: 'serverAddrs', problem: 'notWebSocket', value: addr });
  }
  if (!a.userId) problems.push({ field: 'userId', problem: 'missing' });
  if (a.tokenUrl && !isUrl(a.tokenUrl, ['http:', 'https:'])) problems.push({ field: 'tokenUrl', problem: 'notHttp', value: a.tokenUrl });
  if (!a.tokenUrl && !a.token) problems.push({ field: 'token', problem: 'missing' });
  if (!a.tokenUrl && a.token && a.token.split('.').length !== 3) problems.push({ field: 'token', problem: 'notJwt' });
  if (a.numbersUrl && !isUrl(a.numbersUrl, ['http:', 'https:'])) problems.push({ field: 'numbersUrl', problem: 'notHttp', value: a.numbersUrl });
  return problems;
}

/** Lines of a textarea as a clean list (hostnames, addresses). */
export function lines(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
