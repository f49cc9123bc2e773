import { browser } from 'wxt/browser';
import { displayNumber } from '@/utils/call/format';
import { contactByNumber } from '@/utils/contacts/search';
import { getContacts } from '@/utils/contacts/store';
import type { CallView, HostSnapshot } from '@/utils/call/types';
import { resolveLanguage, translator, type Translate } from '@/utils/i18n';
import { request } from '@/utils/messaging/runtime';
import { languageItem } from '@/utils/settings/items';
import { ensureHostForCall, hostExists } from './call-host-launcher';
import { openToolbarPopup } from './toolbar-action';
import { openAnsweredVideoCall } from './video-window';

const PREFIX = 'incoming:';

/**
 * What the incoming-call notification says: who calls, and how (a video call says so). Firefox
 * shows no notification buttons: there a click on the notification brings the softphone up.
 */
export function incomingNotice(call: Pick<CallView, 'from' | 'mode'>, t: Translate, contactName?: string, withButtons = true) {
  const from = contactName ? `${contactName} (${displayNumber(call.from)})` : displayNumber(call.from);
  const how = call.mode === 'video' ? `${t('mode_video')} · ${t('answerOpensWindow')}` : t(`mode_${call.mode}`);
  return {
    title: t(call.mode === 'video' ? 'incomingVideoFrom' : 'incomingFrom', { from }),
    message: withButtons ? how : `${how} · ${t('clickToAnswer')}`,
    ...(withButtons ? { buttons: [{ title: t('answer') }, { title: t('decline') }], requireInteraction: true } : {}),
  };
}

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
    ...incomingNotice(call, t, name, !import.meta.env.FIREFOX),
  });
}

/**
 * Answers the call ringing in the call host, from the softphone or the notification. A Free
 * video call then opens the call window, where the agent sees the caller and their own camera.
 */
export async function answerIncoming(): Promise<{ ok: boolean }> {
  if (!(await hostExists())) return { ok: false };
  // Firefox: the call window comes forward (it may use the microphone only while in focus).
  await ensureHostForCall();
  const res = await request('host.answer', {});
  if (res.ok && res.call?.mode === 'video') await openAnsweredVideoCall(res.call.id);
  return { ok: res.ok };
}

/** A click on the notification itself: the softphone, where the call can be answered. */
export async function onIncomingClicked(notificationId: string): Promise<void> {
  if (!notificationId.startsWith(PREFIX)) return;
  // Firefox: the call window holds the softphone (and needs focus for the microphone).
  if (import.meta.env.FIREFOX) await ensureHostForCall();
  else await openToolbarPopup();
}

export async function onIncomingButton(notificationId: string, button: number): Promise<void> {
  if (!notificationId.startsWith(PREFIX)) return;
  await browser.notifications.clear(notificationId);
  if (button === 0) await answerIncoming();
  else await request('host.decline', {});
}
