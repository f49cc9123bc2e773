import { NumberHighlights } from './highlight-style';

/**
 * Our ::highlight() rules must be in the page before it is first styled (index.ts), but the
 * whole content script is too large to compile and run then: at document_start it runs inside
 * the page's parser task (npm run bench: 25-55 ms of ours there). So a small script
 * (entrypoints/content-early.ts) adopts the rules at document_start and leaves them
 * here, in the global of our isolated world (shared by our content scripts, unseen by the
 * page), and the main one, run at document_idle in a task of its own, takes them.
 */
const KEY = '__stringeeC2cEarlyHighlights';

type Holder = { [KEY]?: NumberHighlights };

export function putEarly(): void {
  const h = new NumberHighlights();
  h.adopt(document);
  (globalThis as Holder)[KEY] = h;
}

/** The early script's highlights, once (undefined when it did not run in this document). */
export function takeEarly(): NumberHighlights | undefined {
  const h = (globalThis as Holder)[KEY];
  delete (globalThis as Holder)[KEY];
  return h;
}
