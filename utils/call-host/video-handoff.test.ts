import { describe, expect, it } from 'vitest';
import { findVideoHandoff, offerVideoHandoff, type VideoHandoff } from './video-handoff';

describe('video handoff', () => {
  const handoff: VideoHandoff = { attach: () => null };

  it('is found in the document that offers it, among the extension\'s other pages', () => {
    const host = {};
    offerVideoHandoff(handoff, host);
    expect(findVideoHandoff([{}, host, {}])).toBe(handoff);
  });

  it('is not found where nobody offers one, or where the value is not one', () => {
    expect(findVideoHandoff([])).toBeUndefined();
    expect(findVideoHandoff([{}, { c2cVideoHandoff: { attach: 'no' } }])).toBeUndefined();
  });

  it('skips a document that refuses access (closing)', () => {
    const closing = new Proxy({}, { get: () => { throw new Error('closed'); } });
    const host = {};
    offerVideoHandoff(handoff, host);
    expect(findVideoHandoff([closing, host])).toBe(handoff);
  });
});
