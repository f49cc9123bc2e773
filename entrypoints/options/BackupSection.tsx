import { useRef, useState } from 'preact/hooks';
import { formOf, type AccountForm } from '@/utils/account/form';
import { accountItem, hotlinesItem, portedNumbersItem } from '@/utils/account/items';
import type { Account } from '@/utils/account/types';
import type { MessageKey, Translate } from '@/utils/i18n';
import { makeBackup, readBackup, type AccountTemplate } from '@/utils/settings/backup';
import { callModeItem, fallbackHotlineItem, hotlineChoiceItem, languageItem, siteSettingsItem } from '@/utils/settings/items';

/** A template with a token URL is a whole account; the others need their secret typed again. */
function accountOrForm(a: AccountTemplate): { account: Account } | { form: AccountForm } {
  if (a.tokens.kind === 'url') return { account: { ...a, tokens: a.tokens } };
  const { tokens, ...rest } = a;
  const form = formOf({ ...rest, tokens: { kind: 'url', url: '' } });
  return { form: { ...form, tokenKind: tokens.kind, apiKeySid: tokens.kind === 'apiKey' ? tokens.sid : '' } };
}

/** Settings to a file and back, without secrets (backup.ts). */
export function BackupSection({ t, onAccountForm }: { t: Translate; onAccountForm: (form: AccountForm) => void }) {
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  async function exportSettings() {
    const [account, hotlines, fallbackHotline, portedNumbers, siteSettings, language, callMode, hotlineChoice] = await Promise.all([
      accountItem.getValue(),
      hotlinesItem.getValue(),
      fallbackHotlineItem.getValue(),
      portedNumbersItem.getValue(),
      siteSettingsItem.getValue(),
      languageItem.getValue(),
      callModeItem.getValue(),
      hotlineChoiceItem.getValue(),
    ]);
    const backup = makeBackup({ account, hotlines: hotlines.entries, fallbackHotline, portedNumbers, siteSettings, language, callMode, hotlineChoice });
    const url = URL.createObjectURL(new Blob([JSON.stringify(backup, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `click-to-call-settings-${backup.exportedAt.slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  async function importFile(file: File) {
    setStatus('');
    setError('');
    const res = readBackup(await file.text());
    if (!res.ok) {
      setError(t(`backup_err_${res.error}` as MessageKey, { detail: res.detail }));
      return;
    }
    const v = res.values;
    // The account first: its change clears the hotline cache age, then the entries come in.
    let needsSecret = false;
    if (v.account) {
      const a = accountOrForm(v.account);
      if ('account' in a) await accountItem.setValue(a.account);
      else {
        needsSecret = true;
        onAccountForm(a.form);
      }
    }
    await Promise.all([
      hotlinesItem.setValue({ entries: v.hotlines, fetchedAt: 0 }),
      fallbackHotlineItem.setValue(v.fallbackHotline),
      portedNumbersItem.setValue(v.portedNumbers),
      siteSettingsItem.setValue(v.siteSettings),
      languageItem.setValue(v.language),
      callModeItem.setValue(v.callMode),
      hotlineChoiceItem.setValue(v.hotlineChoice),
    ]);
    setStatus(t(needsSecret ? 'backup_importedNeedsSecret' : 'backup_imported'));
  }

  return (
    <section data-testid="backup-section">
      <h2>{t('backup_title')}</h2>
      <p class="hint">{t('backup_hint')}</p>
      <div class="row">
        <button type="button" data-testid="export-settings" onClick={() => void exportSettings()}>
          {t('backup_export')}
        </button>
        <button type="button" data-testid="import-settings" onClick={() => fileInput.current?.click()}>
          {t('backup_import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept="application/json,.json"
          data-testid="import-settings-file"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            input.value = '';
            if (file) void importFile(file);
          }}
        />
        <span class="hint" role="status" data-testid="backup-status">
          {status}
        </span>
      </div>
      {error && (
        <p class="problem" role="alert" data-testid="backup-error">
          {error}
        </p>
      )}
    </section>
  );
}
