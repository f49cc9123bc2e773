import { storage } from 'wxt/utils/storage';
import type { DialDraft } from '../call/selection';
import type { CallMode, HotlineChoice, Hotline } from '../call/types';

/**
 * The Stringee account this browser signs in with. The access token comes from a token URL
 * (the company's own endpoint, or the local sandbox's) so it can be renewed without the user,
 * or is pasted once (then an expired token asks the user for a new one).
 */
export interface Account {
  /** WebSocket addresses handed to StringeeClient, e.g. wss://v1.stringee.com:6899/ */
  serverAddrs: string[];
  userId: string;
  /** GET {tokenUrl}?userId=… → { token } */
  tokenUrl: string | undefined;
  /** A pasted access token, used when there is no token URL. */
  token: string | undefined;
  /** Stringee-shaped number list (the project's hotlines), e.g. the sandbox's /v1/number. */
  numbersUrl: string | undefined;
}

export type Language = 'auto' | 'vi' | 'en';

// One item per setting, each with a fallback and a version (migrations go beside them).
export const accountItem = storage.defineItem<Account | null>('local:account', {
  fallback: null,
  version: 1,
});

export const hotlinesItem = storage.defineItem<{ list: Hotline[]; fetchedAt: number }>('local:hotlines', {
  fallback: { list: [], fetchedAt: 0 },
  version: 1,
});

/** The last hotline choice is remembered; Adaptive number until the user picks one. */
export const hotlineChoiceItem = storage.defineItem<HotlineChoice>('local:hotlineChoice', {
  fallback: { kind: 'adaptive' },
  version: 1,
});

/** Used by Adaptive number when no hotline is on the callee's network. */
export const fallbackHotlineItem = storage.defineItem<string | null>('local:fallbackHotline', {
  fallback: null,
  version: 1,
});

export const callModeItem = storage.defineItem<CallMode>('local:callMode', {
  fallback: 'callout',
  version: 1,
});

export const languageItem = storage.defineItem<Language>('local:language', {
  fallback: 'auto',
  version: 1,
});

/** Where numbers on pages are made callable. */
export interface SiteSettings {
  /** Hostnames where detection is off (the popup's per-site switch, the options' deny list). */
  disabledSites: string[];
  /** When on, detection runs only on allowedSites. */
  allowOnly: boolean;
  allowedSites: string[];
  /** Clicking a tel: link calls through the extension. */
  telLinks: boolean;
}

export const siteSettingsItem = storage.defineItem<SiteSettings>('local:siteSettings', {
  fallback: { disabledSites: [], allowOnly: false, allowedSites: [], telLinks: true },
  version: 1,
});

/** Microphone and speaker chosen in the softphone (device ids; empty = the system default). */
export const audioDevicesItem = storage.defineItem<{ input?: string; output?: string }>('local:audioDevices', {
  fallback: {},
  version: 1,
});

/**
 * A call from a page that could not be placed (nothing callable selected, a refusal): the
 * softphone opens with it so the user fixes it instead of starting over. Session storage:
 * gone with the browser session, never synced, not readable by content scripts.
 */
export const dialDraftItem = storage.defineItem<DialDraft | null>('session:dialDraft', {
  fallback: null,
});
