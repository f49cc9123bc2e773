import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { putEarly } from './content/early-highlights';

/**
 * Only our highlight rules, before the page is first styled (content/early-highlights.ts says
 * why). It runs inside the page's parser task, before its first paint, so it is an unlisted
 * script declared in wxt.config.ts, not a WXT content script: that one's context and the
 * webextension-polyfill it brings were most of this script's 3-4 ms there (npm run bench,
 * profiled), for nothing it uses.
 */
export default defineUnlistedScript(() => putEarly());
