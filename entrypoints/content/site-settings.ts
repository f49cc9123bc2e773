import { siteSettingsItem, type SiteSettings } from '@/utils/settings/items';

/** Whether numbers are made callable on this host: the deny list, or allow-only mode. */
export function siteEnabled(s: SiteSettings, hostname: string): boolean {
  const matches = (list: string[]): boolean => list.some((h) => hostname === h || hostname.endsWith(`.${h}`));
  if (s.allowOnly) return matches(s.allowedSites);
  return !matches(s.disabledSites);
}

export const readSiteSettings = (): Promise<SiteSettings> => siteSettingsItem.getValue();
export const watchSiteSettings = (cb: (s: SiteSettings) => void): (() => void) =>
  siteSettingsItem.watch((s) => cb(s));
