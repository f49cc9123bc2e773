import { browser } from 'wxt/browser';
import { isLive } from '@/utils/call/call-state';
import { resolveLanguage } from '@/utils/i18n';
import type { PageCardInfo } from '@/utils/messaging/protocol';
import { request } from '@/utils/messaging/runtime';
import { parsePhone } from '@/utils/phone/parse';
import { languageItem } from '@/utils/settings/items';
import { hostExists } from './call-host-launcher';
import { previewHotline } from './place-call';

/** What the hover card on a page shows for one number, computed by the same rules as a call. */
export async function pageCardInfo(target: string): Promise<PageCardInfo> {
  const phone = parsePhone(target);
  // One hotline read for both the list and the preview (a stale list is fetched once).
  const [preview, language, snapshot] = await Promise.all([
    previewHotline(phone),
    languageItem.getValue(),
    hostExists().then((up) => (up ? request('host.getState', {}) : null)),
  ]);
  const r = preview.resolution;
  return {
    connected: snapshot?.connection.status === 'ready',
    hotlines: preview.hotlines,
    choice: preview.choice,
    resolved: r.ok ? { number: r.hotline.number, carrier: r.hotline.carrier ?? r.hotline.telco, how: r.how } : undefined,
    callLive: isLive(snapshot?.call),
    language: resolveLanguage(language, browser.i18n.getUILanguage()),
  };
}
