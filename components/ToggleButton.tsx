import type { ComponentChildren } from 'preact';

/** An on/off control (mute, hold, camera): pressed state for assistive tech and for the eye. */
export function ToggleButton(props: {
  on: boolean;
  onToggle: () => void;
  testid: string;
  disabled?: boolean;
  children: ComponentChildren;
}) {
  return (
    <button
      type="button"
      data-testid={props.testid}
      aria-pressed={props.on}
      class={props.on ? 'active' : ''}
      disabled={props.disabled}
      onClick={props.onToggle}
    >
      {props.children}
    </button>
  );
}
