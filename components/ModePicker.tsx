import type { CallMode } from '@/utils/call/types';
import type { Translate } from '@/utils/i18n';

const MODES: CallMode[] = ['callout', 'voice', 'video'];

/** Step 3 of the guide: Call out to phones, Free calls to Stringee users. */
export function ModePicker(props: { mode: CallMode; onChange: (m: CallMode) => void; disabled?: boolean; t: Translate }) {
  return (
    <fieldset class="modes" disabled={props.disabled}>
      <legend class="label">{props.t('mode')}</legend>
      {MODES.map((m) => (
        <label key={m} class={`mode ${props.mode === m ? 'selected' : ''}`}>
          <input
            type="radio"
            name="mode"
            value={m}
            data-testid={`mode-${m}`}
            checked={props.mode === m}
            onChange={() => props.onChange(m)}
          />
          {props.t(`mode_${m}`)}
        </label>
      ))}
    </fieldset>
  );
}
