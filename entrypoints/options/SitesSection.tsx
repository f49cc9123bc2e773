import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '@/utils/i18n';
import { lines } from '@/utils/settings/text-lines';
import { siteSettingsItem, type SiteSettings } from '@/utils/settings/items';

/** A list of hostnames, one per line, saved when the field is left. */
function SiteList(props: { label: string; testid: string; placeholder: string; sites: string[]; onSave: (sites: string[]) => void }) {
  return (
    <label class="field">
      <span class="label">{props.label}</span>
      <textarea
        rows={3}
        data-testid={props.testid}
        placeholder={props.placeholder}
        value={props.sites.join('\n')}
        onChange={(e) => props.onSave(lines((e.target as HTMLTextAreaElement).value))}
      />
    </label>
  );
}

let queue: Promise<unknown> = Promise.resolve();

/** Changes are merged into what is stored now, one after another: two quick edits (a list
 * saved on blur, then a switch) must not overwrite each other with a stale copy. */
function saveSites(patch: Partial<SiteSettings>): Promise<unknown> {
  queue = queue
    .then(async () => siteSettingsItem.setValue({ ...(await siteSettingsItem.getValue()), ...patch }))
    .catch(() => undefined);
  return queue;
}

/** Where numbers on pages become callable: deny list, allow-only mode, tel: links. */
export function SitesSection({ t }: { t: Translate }) {
  const [s, setS] = useState<SiteSettings | null>(null);
  useEffect(() => {
    void siteSettingsItem.getValue().then(setS);
    return siteSettingsItem.watch(setS);
  }, []);
  if (!s) return null;
  const save = (patch: Partial<SiteSettings>) => void saveSites(patch);
  return (
    <section>
      <h2>{t('sites')}</h2>
      <label class="check">
        <input type="checkbox" data-testid="tel-links" checked={s.telLinks} onChange={(e) => save({ telLinks: (e.target as HTMLInputElement).checked })} />
        {t('telLinks')}
      </label>
      <SiteList
        label={t('disabledSites')}
        testid="disabled-sites"
        placeholder="mail.example.com"
        sites={s.disabledSites}
        onSave={(disabledSites) => save({ disabledSites })}
      />
      <label class="check">
        <input type="checkbox" data-testid="allow-only" checked={s.allowOnly} onChange={(e) => save({ allowOnly: (e.target as HTMLInputElement).checked })} />
        {t('allowOnly')}
      </label>
      {s.allowOnly && (
        <SiteList
          label={t('allowedSites')}
          testid="allowed-sites"
          placeholder="crm.example.com"
          sites={s.allowedSites}
          onSave={(allowedSites) => save({ allowedSites })}
        />
      )}
    </section>
  );
}
