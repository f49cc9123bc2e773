import type { Account, TokenSourceKind } from '../account/types';
import type { HotlineEntry } from '../call/hotline-list';
import type { PortedNumber } from '../call/ported-numbers';
import { CALL_MODES, type CallMode, type HotlineChoice } from '../call/types';
import { arrayOf, bool, object, oneOf, optional, str, ValidationError, type Check } from '../messaging/validate';
import { CARRIERS, type Carrier } from '../phone/vn-carriers';
import type { Language, SiteSettings } from './items';

/**
 * Settings export and import. A backup never holds a secret: the account goes without its
 * pasted token or API key secret (the user types it again on the other browser), and
 * contacts have their own CSV export.
 */
export const BACKUP_APP = 'stringee-click-to-call';
export const BACKUP_VERSION = 1;

/** The account as a backup carries it: how tokens are obtained, without any secret. */
export type AccountTemplate = Omit<Account, 'tokens'> & {
  tokens: { kind: 'url'; url: string } | { kind: 'pasted' } | { kind: 'apiKey'; sid: string };
};

export interface BackupValues {
  account: AccountTemplate | null;
  hotlines: HotlineEntry[];
  fallbackHotline: string | null;
  portedNumbers: PortedNumber[];
  siteSettings: SiteSettings;
  language: Language;
  callMode: CallMode;
  hotlineChoice: HotlineChoice;
}

export interface SettingsBackup extends BackupValues {
  app: typeof BACKUP_APP;
  version: number;
  exportedAt: string;
}

export function templateOf(a: Account): AccountTemplate {
  const t = a.tokens;
  const tokens: AccountTemplate['tokens'] = t.kind === 'url' ? { kind: 'url', url: t.url } : t.kind === 'apiKey' ? { kind: 'apiKey', sid: t.sid } : { kind: 'pasted' };
  return { ...a, tokens };
}

export function makeBackup(values: Omit<BackupValues, 'account'> & { account: Account | null }, now = new Date()): SettingsBackup {
  return { app: BACKUP_APP, version: BACKUP_VERSION, exportedAt: now.toISOString(), ...values, account: values.account && templateOf(values.account) };
}

const carrier = oneOf(CARRIERS) as Check<Carrier>;
const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (v, path) =>
    v === null ? null : check(v, path);
const digits: Check<string> = (v, path = 'value') => {
  const s = str(16)(v, path);
  if (!/^\d{6,15}$/.test(s)) throw new ValidationError(`${path}: a number like 84966000111`);
  return s;
};

const tokens: Check<AccountTemplate['tokens']> = (v, path = 'tokens') => {
  const kind = oneOf<TokenSourceKind>(['url', 'pasted', 'apiKey'])((v as { kind?: unknown })?.kind, `${path}.kind`);
  if (kind === 'url') return { kind, url: str(2048)((v as { url?: unknown }).url, `${path}.url`) };
  if (kind === 'apiKey') return { kind, sid: str(128)((v as { sid?: unknown }).sid, `${path}.sid`) };
  return { kind };
};

const accountTemplate = object({
  userId: str(128),
  tokens,
  customServers: optional(arrayOf(str(2048), 10)),
  restBase: optional(str(2048)),
  numbersUrl: optional(str(2048)),
});

const hotlineEntry = object({
  number: digits,
  label: str(80),
  carrier: optional(carrier),
  telco: str(120),
  carrierByUser: bool,
  enabled: bool,
  origin: oneOf(['list', 'manual'] as const),
});

const hotlineChoice: Check<HotlineChoice> = (v, path = 'hotlineChoice') => {
  const kind = oneOf(['adaptive', 'hotline'] as const)((v as { kind?: unknown })?.kind, `${path}.kind`);
  return kind === 'adaptive' ? { kind } : { kind, number: digits((v as { number?: unknown }).number, `${path}.number`) };
};

const backupCheck = object({
  account: nullable(accountTemplate),
  hotlines: arrayOf(hotlineEntry, 500),
  fallbackHotline: nullable(digits),
  portedNumbers: arrayOf(object({ number: digits, carrier }), 5000),
  siteSettings: object({
    disabledSites: arrayOf(str(253), 2000),
    allowOnly: bool,
    allowedSites: arrayOf(str(253), 2000),
    telLinks: bool,
  }),
  language: oneOf(['auto', 'vi', 'en'] as const),
  callMode: oneOf(CALL_MODES),
  hotlineChoice,
});

export type ReadBackupResult =
  | { ok: true; values: BackupValues }
  | { ok: false; error: 'notJson' | 'notBackup' | 'newer' | 'invalid'; detail: string };

/** Reads an exported file's text; every field is checked before anything is applied. */
export function readBackup(text: string): ReadBackupResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: 'notJson', detail: (e as Error).message };
  }
  const head = json as Partial<SettingsBackup> | null;
  if (head?.app !== BACKUP_APP) return { ok: false, error: 'notBackup', detail: '' };
  if (typeof head.version !== 'number' || head.version > BACKUP_VERSION) return { ok: false, error: 'newer', detail: String(head.version) };
  try {
    const v = backupCheck(json, 'backup');
    // Optional fields come back as explicit undefined: drop them so stored values stay clean.
    const account = v.account && (JSON.parse(JSON.stringify(v.account)) as AccountTemplate);
    return { ok: true, values: { ...v, account } as BackupValues };
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, error: 'invalid', detail: e.message };
    throw e;
  }
}
