import { browser } from 'wxt/browser';
import { connectionProblem } from '@/utils/account/connection-test';
import type { ConnectionView } from '@/utils/call/types';
import type { MessageKey, Translate } from '@/utils/i18n';

/** Why the softphone is not signed in, in the words of Settings' connection test, with a way there. */
export function ConnectionProblem({ connection, t }: { connection: ConnectionView; t: Translate }) {
  if (connection.status !== 'error') return null;
  const p = connectionProblem(connection.error, connection.detail);
  return (
    <div class="problem" role="alert" data-testid="connection-problem" data-key={p.key}>
      <p>{t(p.key as MessageKey, p.params)}</p>
      <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('openOptions')}
      </button>
    </div>
  );
}
