import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '@/utils/i18n';
import type { AudioDeviceChoice, AudioDeviceList } from '@/utils/messaging/protocol';
import { request } from '@/utils/messaging/runtime';

/** Microphone and speaker for calls; the speaker switches at once, the microphone next call. */
export function DevicePicker({ t }: { t: Translate }) {
  const [list, setList] = useState<AudioDeviceList | null>(null);
  const [chosen, setChosen] = useState<AudioDeviceChoice>({});
  useEffect(() => {
    request('devices.list', {}).then(
      (r) => {
        setList({ inputs: r.inputs, outputs: r.outputs });
        setChosen(r.chosen);
      },
      () => setList({ inputs: [], outputs: [] }),
    );
  }, []);
  if (!list) return null;
  const choose = (patch: AudioDeviceChoice) => {
    const next = { ...chosen, ...patch };
    setChosen(next);
    void request('devices.choose', next);
  };
  const select = (kind: 'input' | 'output', items: AudioDeviceList['inputs'], label: 'microphone' | 'speaker') => (
    <label class="field">
      <span class="label">{t(label)}</span>
      <select data-testid={`device-${kind}`} value={chosen[kind] ?? ''} onChange={(e) => choose({ [kind]: (e.target as HTMLSelectElement).value || undefined })}>
        <option value="">{t('systemDefault')}</option>
        {items.map((d) => (
          <option key={d.id} value={d.id}>
            {d.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div class="devices" data-testid="devices">
      {select('input', list.inputs, 'microphone')}
      {select('output', list.outputs, 'speaker')}
    </div>
  );
}
