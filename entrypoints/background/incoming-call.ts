import { browser } from 'wxt/browser';
import { displayNumber } from '@/utils/call/format';
import { contactByNumber } from '@/utils/contacts/search';
import { getContacts } from '@/utils/contacts/store';
import type { CallView, HostSnapshot } from '@/utils/call/types';
import { resolveLanguage, translator, type Translate } from '@/utils/i18n';
import { request } from '@/utils/messaging/runtime';
import { languageItem } from '@/utils/settings/items';
import { ensureHostForCall, hostExists } from './call-host-launcher';
import { openAnsweredVideoCall } from './video-window';

const PREFIX = 'incoming:';

/** What the incoming-call notification says: who calls, and how (a video call says so). */
export function incomingNotice(call: Pick<CallView, 'from' | 'mode'>, t: Translate, contactName?: string) {
  const from = contactName ? `${contactName} (${displayNumber(call.from)})` : displayNumber(call.from);
  return {
    title: t(call.mode === 'video' ? 'incomingVideoFrom' : 'incomingFrom', { from }),
    message: call.mode === 'video' ? `${t('mode_video')} · ${t('answerOpensWindow')}` : t(`mode_${call.mode}`),
    buttons: [{ title: t('answer') }, { title: t('decline') }],
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
    requireInteraction: true,
    ...incomingNotice(call, t, name),
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

export async function onIncomingButton(notificationId: string, button: number): Promise<void> {
  if (!notificationId.startsWith(PREFIX)) return;
  await browser.notifications.clear(notificationId);
  if (button === 0) await answerIncoming();
  else await request('host.decline', {});
}
