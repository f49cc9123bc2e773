import { SELECTION_MAX } from '@/utils/messaging/protocol';

export interface FrameSelection {
  /** What is selected in this frame (page text, or inside a text field). */
  text: string;
  /** The focus is in this frame itself, not in the browser's UI or one of its child frames. */
  focusedHere: boolean;
}

/**
 * The answer to 'content.selection', or null to stay silent: asked for the focused frame, only
 * the frame with the focus and a selection speaks, so a stale selection elsewhere never wins.
 */
export function selectionAnswer(frame: FrameSelection, focusedOnly: boolean): { text: string } | null {
  const text = frame.text.trim().slice(0, SELECTION_MAX);
  if (focusedOnly && (!frame.focusedHere || !text)) return null;
  return { text };
}

/** Reads this frame's selection and focus. */
export function frameSelection(doc: Document): FrameSelection {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  // document.hasFocus() is also true while a child frame has the focus.
  const focusedHere = doc.hasFocus() && !(active instanceof HTMLIFrameElement || active instanceof HTMLFrameElement);
  return { text: fieldSelection(active) ?? doc.getSelection()?.toString() ?? '', focusedHere };
}

/** Text selected inside an input or textarea, which the page's selection does not include. */
function fieldSelection(el: Element | null): string | undefined {
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return undefined;
  if (el instanceof HTMLInputElement && el.type === 'password') return '';
  const { selectionStart: start, selectionEnd: end } = el;
  return start !== null && end !== null && end > start ? el.value.slice(start, end) : undefined;
}
