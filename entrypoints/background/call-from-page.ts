import { browser } from 'wxt/browser';
import { selectionOrder, type DialDraft } from '@/utils/call/selection';
import type { HotlineChoice } from '@/utils/call/types';
import { resolveLanguage, translator, type MessageKey } from '@/utils/i18n';
import { dialDraftItem, languageItem } from '@/utils/settings/items';
import { placeCall } from './place-call';
import { openToolbarPopup } from './toolbar-action';

/**
 * A call to text the user pointed at on a page: the context menu ("Call with hotline …" on a
 * selection or a tel: link) and the call-selection shortcut both come here. What cannot be
 * called goes to the softphone to be fixed.
 */
export async function callFromPage(text: string, hotline?: HotlineChoice): Promise<void> {
  const order = selectionOrder(text);
  const res = await placeCall({ ...order, hotline, remember: false });
  if (res.ok || !res.error) return;
  await offerFix({ text: order.target, mode: order.mode, hotline, error: res.error, detail: res.detail });
}

/**
 * The softphone opens with the text and the reason, so nothing typed or selected is lost.
 * Where it cannot open by itself (Chrome before 127; Firefox once the user's gesture is spent
 * on reading the selection) a notification says why, and the draft waits for the toolbar icon.
 */
export async function offerFix(fix: Omit<DialDraft, 'at'>): Promise<void> {
  await dialDraftItem.setValue({ ...fix, at: Date.now() });
  if (await openToolbarPopup()) return;
  const tr = translator(resolveLanguage(await languageItem.getValue(), browser.i18n.getUILanguage()));
  const why = tr(`err_${fix.error}` as MessageKey, { input: fix.text.slice(0, 40), detail: fix.detail ?? '' });
  await browser.notifications.create({
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: tr('appName'),
    message: fix.text ? `${why} ${tr('fixInPopup')}` : why,
  });
}
