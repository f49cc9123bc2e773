import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Translate } from '@/utils/i18n';
import { requestTab } from '@/utils/messaging/runtime';
import { siteSettingsItem } from '@/utils/settings/items';
import { detectionEnabled, withSite } from '@/utils/settings/site-rules';

/**
 * The current page's numbers: how many were found, and a switch to turn detection off for
 * this site. Only on web pages (the popup's own tab, chrome:// pages have no content script).
 */
/** How long the popup follows the page's count (polls 300 ms apart). */
const COUNT_POLLS = 100;

export function SiteSwitch({ t }: { t: Translate }) {
  const [tab, setTab] = useState<{ id: number; host: string } | null>(null);
  const [found, setFound] = useState<{ count: number; complete: boolean } | null>(null);
  const [enabled, setEnabled] = useState(true);

  useEffect(() => {
    let stopped = false;
    void (async () => {
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      if (!active?.id || !active.url || !/^https?:/.test(active.url)) return;
      const host = new URL(active.url).hostname;
      setTab({ id: active.id, host });
      setEnabled(detectionEnabled(await siteSettingsItem.getValue(), host));
      // The top frame answers for the page (frameId 0). Only parts near the screen are
      // walked as the user goes, so the count asks for the whole page and follows that walk.
      for (let i = 0; i < COUNT_POLLS && !stopped; i++) {
        const res = (await requestTab(active.id, 'content.stats', { all: true }, { frameId: 0 }).catch(() => null)) as { found: number; complete?: boolean } | null;
        if (stopped) return;
        setFound(res ? { count: res.found, complete: res.complete !== false } : null);
        if (!res || res.complete !== false) return;
        await new Promise((r) => setTimeout(r, 300));
      }
    })();
    return () => {
      stopped = true;
    };
  }, []);

  if (!tab) return null;

  async function toggle(on: boolean) {
    setEnabled(on);
    await siteSettingsItem.setValue(withSite(await siteSettingsItem.getValue(), tab!.host, on));
  }

  return (
    <section class="site" data-testid="site-switch">
      <label class="site-toggle">
        <input type="checkbox" checked={enabled} onChange={(e) => void toggle((e.target as HTMLInputElement).checked)} />
        {t('detectOnSite', { site: tab.host })}
      </label>
      {enabled && found !== null && (
        <span class="hint" data-testid="site-found">{t(found.complete ? 'foundOnPage' : 'countingOnPage', { count: found.count })}</span>
      )}
    </section>
  );
}
