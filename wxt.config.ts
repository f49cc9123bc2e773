import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Manifest permissions are the smallest set the call path needs; every one is explained in README.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'activeTab', 'contextMenus', 'notifications', ...(browser === 'firefox' ? [] : ['offscreen'])],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'click-to-call@stringee-ext.local' } } }
      : {}),
  }),
});
