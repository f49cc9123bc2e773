import type { Translate } from '@/utils/i18n';

const KEYS: [string, string][] = [
  ['1', ''], ['2', 'ABC'], ['3', 'DEF'],
  ['4', 'GHI'], ['5', 'JKL'], ['6', 'MNO'],
  ['7', 'PQRS'], ['8', 'TUV'], ['9', 'WXYZ'],
  ['*', ''], ['0', '+'], ['#', ''],
];

/** Keys a physical keyboard may type into the dial string or as DTMF. */
export const DIAL_KEY = /^[0-9*#+]$/;

/**
 * The on-screen keypad, for dialling and for DTMF during a call. A long press (or right click)
 * on 0 types "+", as on a phone.
 */
export function Dialpad(props: { onKey: (key: string) => void; t: Translate; testid?: string }) {
  let pressTimer: ReturnType<typeof setTimeout> | undefined;
  let longPressed = false;
  return (
    <div class="dialpad" role="group" aria-label={props.t('keypad')} data-testid={props.testid ?? 'dialpad'}>
      {KEYS.map(([key, letters]) => (
        <button
          key={key}
          type="button"
          class="dialkey"
          data-key={key}
          aria-label={key === '0' ? '0, +' : key}
          onPointerDown={() => {
            longPressed = false;
            if (key === '0')
              pressTimer = setTimeout(() => {
                longPressed = true;
                props.onKey('+');
              }, 600);
          }}
          onPointerUp={() => clearTimeout(pressTimer)}
          onPointerLeave={() => clearTimeout(pressTimer)}
          onContextMenu={(e) => {
            if (key !== '0') return;
            e.preventDefault();
            props.onKey('+');
          }}
          onClick={() => {
            if (!longPressed) props.onKey(key);
            longPressed = false;
          }}
        >
          <span class="digit">{key}</span>
          <span class="letters" aria-hidden="true">{letters}</span>
        </button>
      ))}
    </div>
  );
}
