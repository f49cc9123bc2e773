import type { Hotline, HotlineChoice } from '@/utils/call/types';
import { hotlineLabel } from '@/utils/call/format';
import type { Translate } from '@/utils/i18n';

/** Step 2 of the guide: a carrier hotline, or the Adaptive number. */
export function HotlinePicker(props: {
  hotlines: Hotline[];
  choice: HotlineChoice;
  onChange: (c: HotlineChoice) => void;
  disabled?: boolean;
  t: Translate;
}) {
  const { hotlines, choice, t } = props;
  const value = choice.kind === 'adaptive' ? 'adaptive' : choice.number;
  return (
    <label class="field">
      <span class="label">{t('hotline')}</span>
      <select
        data-testid="hotline"
        value={value}
        disabled={props.disabled}
        onChange={(e) => {
          const v = (e.target as HTMLSelectElement).value;
          props.onChange(v === 'adaptive' ? { kind: 'adaptive' } : { kind: 'hotline', number: v });
        }}
      >
        <option value="adaptive">{t('adaptive')}</option>
        {hotlines.map((h) => (
          <option key={h.number} value={h.number}>
            {hotlineLabel(h)}
          </option>
        ))}
      </select>
    </label>
  );
}
