import { useEffect, useRef } from 'preact/hooks';

/**
 * The translate function the popup passes in. Typed loosely on purpose: the popup's `Translate`
 * knows these keys once contacts-recents.ts is merged into the main dictionaries.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Tr = (key: any, params?: Record<string, string | number>) => string;

export function PhoneIcon() {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1l-2.2 2.23Z"
      />
    </svg>
  );
}

/** An arrow: up-right for outgoing calls, down-left for incoming ones. */
export function DirectionIcon(props: { incoming: boolean }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        fill="none"
        stroke="currentColor"
        stroke-width="2.2"
        stroke-linecap="round"
        stroke-linejoin="round"
        d={props.incoming ? 'M17 7 7 17M7 9v8h8' : 'M7 17 17 7M9 7h8v8'}
      />
    </svg>
  );
}

/**
 * An inline confirmation (not window.confirm: it stays in the popup's look and language).
 * Focus goes to Cancel, so Enter never destroys anything by accident; Escape cancels.
 */
export function Confirm(props: {
  text: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  testid: string;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div
      class="confirm"
      role="alertdialog"
      aria-labelledby={`${props.testid}-text`}
      data-testid={props.testid}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          props.onCancel();
        }
      }}
    >
      <p id={`${props.testid}-text`}>{props.text}</p>
      <div class="row-actions">
        <button type="button" class="danger" data-testid={`${props.testid}-yes`} onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
        <button type="button" ref={cancel} data-testid={`${props.testid}-no`} onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
      </div>
    </div>
  );
}

/** Initials for the round badge in front of a name: "Nguyễn Văn An" → "NA". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (!words.length) return '#';
  const first = words[0]!.charAt(0);
  const last = words.length > 1 ? words[words.length - 1]!.charAt(0) : '';
  return (first + last).toUpperCase();
}
