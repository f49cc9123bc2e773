import type { SiteSettings } from './items';

/** A site entry matches its hostname and every subdomain ("example.com" covers "crm.example.com"). */
function matches(host: string, entry: string): boolean {
  const e = entry.trim().toLowerCase().replace(/^\*\./, '');
  return !!e && (host === e || host.endsWith(`.${e}`));
}

/** Whether numbers on this hostname are made callable. */
export function detectionEnabled(settings: SiteSettings, hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (settings.disabledSites.some((s) => matches(host, s))) return false;
  if (settings.allowOnly) return settings.allowedSites.some((s) => matches(host, s));
  return true;
}

/** The popup's per-site switch: turn detection on or off for exactly this hostname. */
export function withSite(settings: SiteSettings, hostname: string, enabled: boolean): SiteSettings {
  const host = hostname.toLowerCase();
  const disabledSites = settings.disabledSites.filter((s) => !matches(host, s));
  if (!enabled) return { ...settings, disabledSites: [...disabledSites, host] };
  const allowedSites =
    settings.allowOnly && !settings.allowedSites.some((s) => matches(host, s))
      ? [...settings.allowedSites, host]
      : settings.allowedSites;
  return { ...settings, disabledSites, allowedSites };
}
