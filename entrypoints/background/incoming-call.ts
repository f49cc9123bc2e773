import { browser } from 'wxt/browser';
import { displayNumber } from '@/utils/call/format';
import { contactByNumber } from '@/utils/contacts/search';
import { getContacts } from '@/utils/contacts/store';
import type { HostSnapshot } from '@/utils/call/types';
import { resolveLanguage, translator } from '@/utils/i18n';
import { request } from '@/utils/messaging/runtime';
import { languageItem } from '@/utils/settings/items';

const PREFIX = 'incoming:';

/**
 * A call to us shows a notification with Answer / Decline, so the agent can take it from any
 * tab without opening the softphone; it goes away as soon as the call stops ringing.
 */
export async function showIncomingCall(snapshot: HostSnapshot): Promise<void> {
  const call = snapshot.call;
  const ringing = call?.direction === 'incoming' && call.phase === 'incoming';
  const open = await browser.notifications.getAll();
  for (const id of Object.keys(open)) {
    if (id.startsWith(PREFIX) && (!ringing || id !== PREFIX + call.id)) void browser.notifications.clear(id);
  }
  if (!ringing || open[PREFIX + call.id]) return;
  const t = translator(resolveLanguage(await languageItem.getValue(), browser.i18n.getUILanguage()));
  const name = contactByNumber(await getContacts(), call.from)?.name;
  await browser.notifications.create(PREFIX + call.id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('incomingFrom', { from: name ? `${name} (${displayNumber(call.from)})` : displayNumber(call.from) }),
    message: t(`mode_${call.mode}`),
    requireInteraction: true,
    buttons: [{ title: t('answer') }, { title: t('decline') }],
  });
}

export async function onIncomingButton(notificationId: string, button: number): Promise<void> {
  if (!notificationId.startsWith(PREFIX)) return;
  await browser.notifications.clear(notificationId);
  await request(button === 0 ? 'host.answer' : 'host.decline', {});
}
