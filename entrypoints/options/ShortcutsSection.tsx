import { browser } from 'wxt/browser';
import { useShortcuts } from '@/components/use-shortcuts';
import type { Translate } from '@/utils/i18n';

/** The keyboard shortcuts and where the browser lets the user change them. */
export function ShortcutsSection({ t }: { t: Translate }) {
  const rows = useShortcuts();
  return (
    <section data-testid="shortcuts">
      <h2>{t('shortcuts')}</h2>
      <table class="shortcuts">
        <tbody>
          {rows.map((r) => (
            <tr key={r.what} data-testid={`shortcut-${r.what}`}>
              <td>{r.shortcut ? <kbd>{r.shortcut}</kbd> : <span class="hint">{t('shortcutNotSet')}</span>}</td>
              <td>{t(r.what)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {import.meta.env.FIREFOX ? (
        <p class="hint">{t('shortcutsChangeFirefox')}</p>
      ) : (
        <p class="hint">
          {t('shortcutsChangeChrome')}{' '}
          {/* Web links cannot open chrome:// pages; an extension's tabs.create can. */}
          <button type="button" class="link" data-testid="open-shortcuts" onClick={() => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' })}>
            {t('openShortcuts')}
          </button>
        </p>
      )}
    </section>
  );
}
