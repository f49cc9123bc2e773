import { createStore, get, update } from 'idb-keyval';
import type { Sealed } from './types';

/**
 * Seals secrets (a pasted access token, an API key secret) before they go to storage.local.
 * Content scripts can read storage.local in both browsers; the sealing key is a
 * non-extractable AES-GCM key in the extension origin's IndexedDB, which content scripts and
 * web pages cannot open. So only our own pages and the background can read a secret back.
 */
const KEY_NAME = 'seal-v1';
let store: ReturnType<typeof createStore> | undefined;
let keyPromise: Promise<CryptoKey> | undefined;

export class SecretLostError extends Error {
  constructor() {
    super('The sealed secret cannot be opened on this browser profile (its key is gone).');
  }
}

async function sealingKey(): Promise<CryptoKey> {
  store ??= createStore('c2c-secrets', 'keys');
  const s = store;
  keyPromise ??= (async () => {
    const existing = await get<CryptoKey>(KEY_NAME, s);
    if (existing) return existing;
    const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    // Two contexts may create a key at once: the first one stored wins, everybody reads it back.
    await update<CryptoKey>(KEY_NAME, (old) => old ?? fresh, s);
    return (await get<CryptoKey>(KEY_NAME, s))!;
  })().catch((e: unknown) => {
    keyPromise = undefined;
    throw e;
  });
  return keyPromise;
}

const toB64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromB64 = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export async function seal(secret: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await sealingKey(), new TextEncoder().encode(secret));
  return { iv: toB64(iv), data: toB64(new Uint8Array(data)) };
}

/** Throws SecretLostError when this profile's key cannot open it (a copied or damaged value). */
export async function unseal(sealed: Sealed): Promise<string> {
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromB64(sealed.iv) }, await sealingKey(), fromB64(sealed.data));
    return new TextDecoder().decode(plain);
  } catch {
    throw new SecretLostError();
  }
}

export function isSealed(v: unknown): v is Sealed {
  return typeof v === 'object' && v !== null && typeof (v as Sealed).iv === 'string' && typeof (v as Sealed).data === 'string';
}

/** Tests only: forget the cached key (a new profile, or a lost IndexedDB). */
export function forgetCachedKey(): void {
  keyPromise = undefined;
  store = undefined;
}
