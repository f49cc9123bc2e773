import { useEffect, useRef } from 'preact/hooks';
import type { ImportReport as Report } from '@/utils/contacts/import';
import type { Tr } from './shared';

export function ImportReport(props: { t: Tr; report: Report; fileName: string; onDone: () => void }) {
  const { t, report: r } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const where = (row: number) => t(r.format === 'vcard' ? 'contacts_reportCard' : 'contacts_reportRow', { row });
  return (
    <div class="ct-report" data-testid="import-report" onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          props.onDone();
        }
      }}>
      <h2 tabIndex={-1} ref={heading} class="ct-wrap">{t('contacts_reportTitle', { file: props.fileName })}</h2>
      {r.error ? (
        <p class="problem" role="alert" data-testid="import-error">
          {t(r.error === 'empty' ? 'contacts_importEmpty' : 'contacts_importUnknown')}
        </p>
      ) : (
        <>
          <p class="ct-summary" data-testid="import-summary">
            <strong>{t('contacts_reportImported', { count: r.imported })}</strong>
            <br />
            {t('contacts_reportTotal', { count: r.total })}
          </p>
          {r.skipped.length > 0 && (
            <>
              <p class="ct-report-head">{t('contacts_reportSkipped', { count: r.skipped.length })}</p>
              <ul class="ct-report-list" data-testid="import-skipped">
                {r.skipped.map((s) => (
                  <li key={s.row} data-reason={s.reason}>
                    <span class="ct-where">{where(s.row)}</span>
                    {s.label && <span class="ct-what"> {s.label}</span>}
                    {': '}
                    {t(`contacts_skip_${s.reason}`, { numbers: (s.numbers ?? []).join(', ') })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {r.partial.length > 0 && (
            <>
              <p class="ct-report-head">{t('contacts_reportPartialTitle')}</p>
              <ul class="ct-report-list" data-testid="import-partial">
                {r.partial.map((p) => (
                  <li key={p.row}>
                    <span class="ct-where">{where(p.row)}</span> <span class="ct-what">{p.label}</span>: {p.numbers.join(', ')}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <div class="row-actions">
        <button type="button" class="primary" data-testid="import-done" onClick={props.onDone}>
          {t('contacts_reportDone')}
        </button>
      </div>
    </div>
  );
}
