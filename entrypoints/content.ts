import { defineContentScript } from 'wxt/utils/define-content-script';

// Finding numbers on pages is its own feature (see the issue on detection); this stub only
// reserves the entrypoint and its teardown so the extension's shape is complete.
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    ctx.onInvalidated(() => undefined);
  },
});
