/**
 * The Stringee account this browser signs in with (settings v2). Secrets (a pasted token, an
 * API key secret) are stored sealed (secret-box.ts): readable only by the extension's own pages.
 */

/** A secret sealed with AES-GCM under a key that never leaves this browser profile. */
export interface Sealed {
  iv: string;
  data: string;
}

/** How the browser gets its access tokens. */
export type TokenSource =
  /** Recommended: the company's endpoint, GET {url}?userId=… → { token }; renewed without the user. */
  | { kind: 'url'; url: string }
  /** A token pasted once; when it expires the user pastes a new one. */
  | { kind: 'pasted'; token: Sealed }
  /** API key SID + secret, kept on this device: the extension signs its tokens itself. */
  | { kind: 'apiKey'; sid: string; secret: Sealed };

export type TokenSourceKind = TokenSource['kind'];

export interface Account {
  /** The agent's Stringee user id (the userId of the access token). */
  userId: string;
  tokens: TokenSource;
  /** WebSocket addresses; absent: Stringee's own servers (advanced setting). */
  customServers?: string[];
  /** REST API base ending in '/'; absent: Stringee's own (advanced setting). */
  restBase?: string;
  /** The company's own number list (same reply as Stringee's), used without an API key. */
  numbersUrl?: string;
}

/** Stringee's production servers, as Stringee's samples give them. */
export const STRINGEE_SERVERS: readonly string[] = ['wss://v1.stringee.com:6899/', 'wss://v2.stringee.com:6899/'];
export const STRINGEE_REST_BASE = 'https://api.stringee.com/';

export const serversOf = (a: Account): string[] => (a.customServers?.length ? a.customServers : [...STRINGEE_SERVERS]);
export const restBaseOf = (a: Account): string => a.restBase ?? STRINGEE_REST_BASE;
