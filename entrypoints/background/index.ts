import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { IDLE_SNAPSHOT } from '@/utils/call/types';
import { listen, request } from '@/utils/messaging/runtime';
import { accountItem, hotlinesItem } from '@/utils/account/items';
import { languageItem } from '@/utils/settings/items';
import { showCallOnBadge } from './badge';
import { answerIncoming, onIncomingButton, onIncomingClicked, showIncomingCall } from './incoming-call';
import { hostExists, warmHost } from './call-host-launcher';
import { onCommand } from './commands';
import { onContextMenuClick, rebuildContextMenus } from './context-menu';
import { chooseDevices, listDevices } from './devices';
import { getHotlines } from './hotlines';
import { pageCardInfo } from './page-card';
import { placeCall } from './place-call';
import { recordEndedCall } from './record-call';
import { connectConfig } from './token-source';

/** With an account, the call host stays signed in so calls to us ring even with no popup open
 * (in Firefox only while its call window is open: see call-host-launcher.ts). */
async function connectIfConfigured(): Promise<void> {
  if (await accountItem.getValue()) await warmHost().catch(() => undefined);
}

/** A changed account signs the call host in again (after any live call). */
async function accountChanged(): Promise<void> {
  if (await hostExists()) await request('host.reconnect', {}).catch(() => undefined);
  await connectIfConfigured();
}

// The service worker keeps no state of its own: it can be stopped at any time, and the call
// host (offscreen document) and storage hold everything that must survive.
export default defineBackground(() => {
  listen('background', {
    requests: {
      'call.start': (req) => placeCall({ ...req, remember: true }),
      // Icons on pages call with the remembered defaults unless the card picked otherwise.
      'page.call': (req) => placeCall({ ...req, remember: false }),
      'page.cardInfo': (req) => pageCardInfo(req.target),
      'call.hangup': async () => ((await hostExists()) ? request('host.hangup', {}) : { ok: true }),
      'call.answer': () => answerIncoming(),
      'call.decline': async () => ((await hostExists()) ? request('host.decline', {}) : { ok: false }),
      'call.control': async (req) =>
        (await hostExists()) ? request('host.control', req) : { ok: false, error: 'noCall' as const },
      'call.getState': async () => {
        if (await hostExists()) return request('host.getState', {});
        // Opening the softphone warms the connection up so the first call starts at once.
        if (await accountItem.getValue()) void warmHost().catch(() => undefined);
        return IDLE_SNAPSHOT;
      },
      'hotlines.get': (req) => getHotlines(req.refresh ?? false),
      'devices.list': () => listDevices(),
      'devices.choose': (choice) => chooseDevices(choice),
      'host.needConfig': () => connectConfig(),
    },
    events: {
      'host.state': (snapshot) => {
        showCallOnBadge(snapshot);
        void showIncomingCall(snapshot);
      },
      'host.callEnded': (view) => void recordEndedCall(view),
    },
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
    void rebuildContextMenus();
    void connectIfConfigured();
  });
  browser.runtime.onStartup.addListener(() => {
    void rebuildContextMenus();
    void connectIfConfigured();
  });
  browser.contextMenus.onClicked.addListener((info) => void onContextMenuClick(info));
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
  // End-to-end tests run the shortcut's handler here: automation cannot press an extension
  // shortcut. The worker's global is reachable only by the extension itself and DevTools.
  (globalThis as { c2cCommand?: typeof onCommand }).c2cCommand = onCommand;
  browser.notifications.onButtonClicked.addListener((id, button) => void onIncomingButton(id, button));
  browser.notifications.onClicked.addListener((id) => void onIncomingClicked(id));
  // Likewise for the incoming-call notification's buttons, which automation cannot click.
  (globalThis as { c2cNotificationButton?: typeof onIncomingButton }).c2cNotificationButton = onIncomingButton;
  // The menu lists the hotlines and speaks the UI language: rebuild when either changes.
  hotlinesItem.watch(() => void rebuildContextMenus());
  languageItem.watch(() => void rebuildContextMenus());
  accountItem.watch(() => {
    void rebuildContextMenus();
    void accountChanged();
  });
});
