import { storage } from 'wxt/utils/storage';
import type { DialDraft } from '../call/selection';
import type { CallMode, HotlineChoice } from '../call/types';

export type Language = 'auto' | 'vi' | 'en';

// One item per setting, each with a fallback and a version (migrations go beside them). The
// account and its hotlines are in utils/account/items.ts.

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
