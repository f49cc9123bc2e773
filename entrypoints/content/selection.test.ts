import { describe, expect, it } from 'vitest';
import { SELECTION_MAX } from '@/utils/messaging/protocol';
import { selectionAnswer } from './selection';

describe('selectionAnswer: which frame answers the shortcut', () => {
  it.each<[string, string, boolean, boolean, { text: string } | null]>([
    ['focused frame with a number', '0912 345 678', true, true, { text: '0912 345 678' }],
    ['trimmed', '\n 0912345678 \t', true, true, { text: '0912345678' }],
    ['focused frame, nothing selected', '', true, true, null],
    ['focused frame, only spaces', '   ', true, true, null],
    ['stale selection in a frame without focus', '0912345678', false, true, null],
    ['the top frame asked directly, no focus', '0912345678', false, false, { text: '0912345678' }],
    ['the top frame asked directly, nothing selected', '', false, false, { text: '' }],
  ])('%s', (_, text, focusedHere, focusedOnly, answer) => {
    expect(selectionAnswer({ text, focusedHere }, focusedOnly)).toEqual(answer);
  });

  it('never hands over more than the answer check accepts', () => {
    const a = selectionAnswer({ text: 'x'.repeat(SELECTION_MAX * 10), focusedHere: true }, true);
    expect(a?.text.length).toBe(SELECTION_MAX);
  });
});
