import { defineContentScript } from 'wxt/utils/define-content-script';
import { putEarly } from './content/early-highlights';

/** Only our highlight rules, before the page is first styled (content/early-highlights.ts says why). */
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  // Frames without a URL of their own (srcdoc, about:blank, blob:) written by the page: a CRM's
  // note preview or mail body often is one.
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_start',
  main() {
    putEarly();
  },
});
