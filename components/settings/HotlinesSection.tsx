import { useEffect, useState } from 'preact/hooks';
import { hotlineSourceOf, type HotlineSourceKind } from '@/utils/account/hotline-source';
import { accountItem, hotlinesItem, portedNumbersItem } from '@/utils/account/items';
import { displayNumber, hotlineLabel } from '@/utils/call/format';
import { activeHotlines, manualHotline, withCarrier, type HotlineEntry } from '@/utils/call/hotline-list';
import { setPorted, type PortedNumber } from '@/utils/call/ported-numbers';
import type { MessageKey, Translate } from '@/utils/i18n';
import { request } from '@/utils/messaging/runtime';
import { parsePhone } from '@/utils/phone/parse';
import { CARRIERS, type Carrier } from '@/utils/phone/vn-carriers';
import { fallbackHotlineItem } from '@/utils/settings/items';

/** Edits the stored entries from their latest value, so a list refreshed meanwhile is not lost. */
async function updateEntries(change: (entries: HotlineEntry[]) => HotlineEntry[]): Promise<void> {
  const current = await hotlinesItem.getValue();
  await hotlinesItem.setValue({ ...current, entries: change(current.entries) });
}

function CarrierSelect(props: { t: Translate; value: Carrier | undefined; testid: string; unknown?: boolean; onChange: (c: Carrier | undefined) => void }) {
  return (
    <select data-testid={props.testid} value={props.value ?? ''} onChange={(e) => props.onChange(((e.target as HTMLSelectElement).value || undefined) as Carrier | undefined)}>
      {props.unknown !== false && <option value="">{props.t('hot_carrierUnknown')}</option>}
      {CARRIERS.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </select>
  );
}

/**
 * The account's hotlines (from the number list, or typed by hand), and the Adaptive number
 * settings: the fallback hotline and customer numbers ported to another network.
 */
export function HotlinesSection({ t }: { t: Translate }) {
  const [entries, setEntries] = useState<HotlineEntry[]>([]);
  const [source, setSource] = useState<HotlineSourceKind>('manual');
  const [fallback, setFallback] = useState('');
  const [ported, setPortedList] = useState<PortedNumber[]>([]);
  const [add, setAdd] = useState({ number: '', label: '' });
  const [addError, setAddError] = useState('');
  const [refreshStatus, setRefreshStatus] = useState('');
  const [newPorted, setNewPorted] = useState<{ number: string; carrier: Carrier }>({ number: '', carrier: 'Viettel' });
  const [portedError, setPortedError] = useState('');

  useEffect(() => {
    void hotlinesItem.getValue().then((h) => setEntries(h.entries));
    void accountItem.getValue().then((a) => setSource(a ? hotlineSourceOf(a) : 'manual'));
    void fallbackHotlineItem.getValue().then((f) => setFallback(f ?? ''));
    void portedNumbersItem.getValue().then(setPortedList);
    const unwatch = [
      hotlinesItem.watch((h) => setEntries(h?.entries ?? [])),
      accountItem.watch((a) => setSource(a ? hotlineSourceOf(a) : 'manual')),
      portedNumbersItem.watch((p) => setPortedList(p ?? [])),
      fallbackHotlineItem.watch((f) => setFallback(f ?? '')),
    ];
    return () => unwatch.forEach((u) => u());
  }, []);

  const edit = (number: string, change: (e: HotlineEntry) => HotlineEntry) =>
    void updateEntries((list) => list.map((e) => (e.number === number ? change(e) : e)));

  function addHotline() {
    const res = manualHotline(add.number, add.label, entries);
    if (!res.ok) {
      setAddError(t(`hot_err_${res.error}` as MessageKey, { value: res.error === 'duplicate' ? displayNumber(parsePhone(add.number)?.stringee ?? add.number) : add.number }));
      return;
    }
    setAddError('');
    setAdd({ number: '', label: '' });
    void updateEntries((list) => [...list, res.entry]);
  }

  async function refresh() {
    setRefreshStatus('…');
    const res = await request('hotlines.get', { refresh: true }).catch((e: Error) => ({ hotlines: [], error: e.message }));
    setRefreshStatus(res.error ? t('hot_refreshFailed', { detail: res.error }) : t('hot_refreshed', { count: (await hotlinesItem.getValue()).entries.filter((e) => e.origin === 'list').length }));
  }

  function addPorted() {
    const phone = parsePhone(newPorted.number);
    if (!phone || phone.country !== 'VN' || phone.kind !== 'mobile') {
      setPortedError(t('ported_err_invalid', { value: newPorted.number }));
      return;
    }
    setPortedError('');
    setNewPorted({ ...newPorted, number: '' });
    void portedNumbersItem.getValue().then((list) => portedNumbersItem.setValue(setPorted(list, { number: phone.stringee, carrier: newPorted.carrier })));
  }

  const usable = activeHotlines(entries);
  return (
    <section data-testid="hotlines-section">
      <h2>{t('hot_title')}</h2>
      <p class="hint" data-testid="hotline-source">
        {t(`hot_source_${source}` as MessageKey)}
      </p>
      {source !== 'manual' && (
        <div class="row">
          <button type="button" data-testid="refresh-hotlines" onClick={() => void refresh()}>
            {t('hot_refresh')}
          </button>
          <span class="hint" role="status" data-testid="refresh-status">
            {refreshStatus}
          </span>
        </div>
      )}
      {entries.length === 0 ? (
        <p class="hint" data-testid="hotlines-empty">
          {t('hot_empty')}
        </p>
      ) : (
        <table class="hotlines" data-testid="hotlines">
          <thead>
            <tr>
              <th>{t('hot_enabled')}</th>
              <th>{t('hot_number')}</th>
              <th>{t('hot_label')}</th>
              <th>{t('hot_carrier')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.number} data-testid={`hotline-${e.number}`} class={e.enabled ? '' : 'off'}>
                <td>
                  <input type="checkbox" aria-label={t('hot_enabled')} data-testid="hotline-enabled" checked={e.enabled} onChange={() => edit(e.number, (x) => ({ ...x, enabled: !x.enabled }))} />
                </td>
                <td>
                  {displayNumber(e.number)}
                  <span class="hint"> {t(`hot_origin_${e.origin}`)}</span>
                </td>
                <td>
                  <input
                    data-testid="hotline-label"
                    aria-label={t('hot_label')}
                    value={e.label}
                    maxLength={80}
                    onChange={(ev) => edit(e.number, (x) => ({ ...x, label: (ev.target as HTMLInputElement).value.trim() }))}
                  />
                </td>
                <td>
                  <CarrierSelect t={t} testid="hotline-carrier" value={e.carrier} onChange={(c) => edit(e.number, (x) => withCarrier(x, c))} />
                </td>
                <td>
                  {e.origin === 'manual' && (
                    <button type="button" class="link" data-testid="hotline-remove" onClick={() => void updateEntries((list) => list.filter((x) => x.number !== e.number))}>
                      {t('hot_remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        class="row add"
        onSubmit={(ev) => {
          ev.preventDefault();
          addHotline();
        }}
      >
        <input data-testid="add-hotline-number" placeholder={t('hot_addNumber')} aria-label={t('hot_number')} value={add.number} onInput={(e) => setAdd({ ...add, number: (e.target as HTMLInputElement).value })} />
        <input data-testid="add-hotline-label" placeholder={t('hot_addLabel')} aria-label={t('hot_label')} value={add.label} onInput={(e) => setAdd({ ...add, label: (e.target as HTMLInputElement).value })} />
        <button type="submit" data-testid="add-hotline">
          {t('hot_add')}
        </button>
      </form>
      {addError && (
        <p class="problem" role="alert" data-testid="add-hotline-error">
          {addError}
        </p>
      )}

      <h3>{t('adaptive_title')}</h3>
      <label class="field">
        <span class="label">{t('fallbackHotline')}</span>
        <select
          data-testid="fallback-hotline"
          value={fallback}
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value;
            setFallback(v);
            void fallbackHotlineItem.setValue(v || null);
          }}
        >
          <option value="">{t('fallbackFirst')}</option>
          {usable.map((h) => (
            <option key={h.number} value={h.number}>
              {hotlineLabel(h)}
            </option>
          ))}
        </select>
        <span class="hint">{t('fallbackHint')}</span>
      </label>
      <h4>{t('ported_title')}</h4>
      <p class="hint">{t('ported_hint')}</p>
      {ported.length === 0 ? (
        <p class="hint">{t('ported_empty')}</p>
      ) : (
        <ul class="ported" data-testid="ported-list">
          {ported.map((p) => (
            <li key={p.number} data-testid={`ported-${p.number}`}>
              {displayNumber(p.number)} → {p.carrier}{' '}
              <button type="button" class="link" onClick={() => void portedNumbersItem.setValue(ported.filter((x) => x.number !== p.number))}>
                {t('ported_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="row add"
        onSubmit={(ev) => {
          ev.preventDefault();
          addPorted();
        }}
      >
        <input data-testid="ported-number" placeholder="0912 345 678" aria-label={t('ported_number')} value={newPorted.number} onInput={(e) => setNewPorted({ ...newPorted, number: (e.target as HTMLInputElement).value })} />
        <CarrierSelect t={t} testid="ported-carrier" unknown={false} value={newPorted.carrier} onChange={(c) => setNewPorted({ ...newPorted, carrier: c ?? 'Viettel' })} />
        <button type="submit" data-testid="add-ported">
          {t('ported_add')}
        </button>
      </form>
      {portedError && (
        <p class="problem" role="alert" data-testid="ported-error">
          {portedError}
        </p>
      )}
    </section>
  );
}
