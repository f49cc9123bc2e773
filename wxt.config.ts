import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { noCodeSinks } from './scripts/vite-no-code-sinks';

// Manifest permissions are the smallest set the call path needs; every one is explained in README.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  vite: () => ({ plugins: [noCodeSinks(), preact()] }),
  // `wxt zip -b firefox` also packs the sources addons.mozilla.org reviews; test output is not source.
  zip: { excludeSources: ['test-results/**'] },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'activeTab', 'contextMenus', 'notifications', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // Stringee's REST API (the number list, with an API key): its replies carry no CORS headers
    // we can count on, and a host permission lets our pages and the background read them.
    host_permissions: ['https://api.stringee.com/*'],
    action: { default_title: '__MSG_extName__' },
    // The document_start script (entrypoints/content-early.ts says why it is declared here);
    // its frames are the main content script's (entrypoints/content/index.ts).
    content_scripts: [
      {
        matches: ['<all_urls>'],
        js: ['content-early.js'],
        run_at: 'document_start',
        all_frames: true,
        match_about_blank: true,
        match_origin_as_fallback: true,
      },
    ],
    // Alt+Shift+letter: Ctrl+Shift+letter is mostly the browser's, and Vietnamese input methods
    // toggle on Ctrl+Shift or Alt+Z. Chromium silently leaves a suggested key unset when it is
    // its own (tried: Alt+Shift+C, N, P, X are), so K (keypad) and G (Gọi, call) were checked
    // to be assigned. Users change them at chrome://extensions/shortcuts.
    commands: {
      // WXT does not rename this for MV2: Firefox MV2 knows only _execute_browser_action.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_cmdOpenPopup__',
      },
      'call-selection': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_cmdCallSelection__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'click-to-call@stringee-ext.local',
              // addons.mozilla.org asks every new extension to declare what it collects:
              // nothing (settings, contacts and recents stay in the browser's storage).
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
