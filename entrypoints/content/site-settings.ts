import { siteSettingsItem, type SiteSettings } from '@/utils/settings/items';

/** Whether numbers are made callable on this host: the deny list, or allow-only mode. */
export function siteEnabled(s: SiteSettings, hostname: string): boolean {
  const matches = (list: string[]): boolean => list.some((h) => hostname === h || hostname.endsWith(`.${h}`));
  if (s.allowOnly) return matches(s.allowedSites);
  return !matches(s.disabledSites);
}

/**
 * The host whose site rules apply to a document: its URL's, or for a frame without a URL of
 * its own (srcdoc, about:blank, blob:) the origin it inherited from the page that wrote it, so
 * a switched-off site stays off in its frames. An opaque origin ("null") has no host.
 */
export function siteHost(href: string, origin: string): string {
  const own = URL.parse(href)?.hostname;
  if (own) return own;
  return origin === 'null' ? '' : (URL.parse(origin)?.hostname ?? '');
}

export const readSiteSettings = (): Promise<SiteSettings> => siteSettingsItem.getValue();
export const watchSiteSettings = (cb: (s: SiteSettings) => void): (() => void) =>
  siteSettingsItem.watch((s) => cb(s));
