import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '@/utils/i18n';
import { lines } from '@/utils/settings/account-check';
import { siteSettingsItem, type SiteSettings } from '@/utils/settings/items';

/** Where numbers on pages become callable: deny list, allow-only mode, tel: links. */
export function SitesSection({ t }: { t: Translate }) {
  const [s, setS] = useState<SiteSettings | null>(null);
  useEffect(() => {
    void siteSettingsItem.getValue().then(setS);
    return siteSettingsItem.watch(setS);
  }, []);
  if (!s) return null;
  const save = (patch: Partial<SiteSettings>) => void siteSettingsItem.setValue({ ...s, ...patch });
  return (
    <section>
      <h2>{t('sites')}</h2>
      <label class="check">
        <input type="checkbox" data-testid="tel-links" checked={s.telLinks} onChange={(e) => save({ telLinks: (e.target as HTMLInputElement).checked })} />
        {t('telLinks')}
      </label>
      <label class="field">
        <span class="label">{t('disabledSites')}</span>
        <textarea
          rows={3}
          data-testid="disabled-sites"
          placeholder="mail.example.com"
          value={s.disabledSites.join('\n')}
          onChange={(e) => save({ disabledSites: lines((e.target as HTMLTextAreaElement).value) })}
        />
      </label>
      <label class="check">
        <input type="checkbox" data-testid="allow-only" checked={s.allowOnly} onChange={(e) => save({ allowOnly: (e.target as HTMLInputElement).checked })} />
        {t('allowOnly')}
      </label>
      {s.allowOnly && (
        <label class="field">
          <span class="label">{t('allowedSites')}</span>
          <textarea
            rows={3}
            data-testid="allowed-sites"
            placeholder="crm.example.com"
            value={s.allowedSites.join('\n')}
            onChange={(e) => save({ allowedSites: lines((e.target as HTMLTextAreaElement).value) })}
          />
        </label>
      )}
    </section>
  );
}
