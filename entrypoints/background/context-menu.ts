import { browser, type Browser } from 'wxt/browser';
import { hotlineLabel } from '@/utils/call/format';
import type { HotlineChoice } from '@/utils/call/types';
import { resolveLanguage, translator } from '@/utils/i18n';
import { hotlinesItem } from '@/utils/account/items';
import { activeHotlines } from '@/utils/call/hotline-list';
import { languageItem } from '@/utils/settings/items';
import { callFromPage } from './call-from-page';

// Menu ids carry the choice: "sel|adaptive", "tel|hotline|84…". Parsed back on click, never trusted
// beyond picking a hotline that the policy then checks again.
const ROOTS = { sel: 'c2c-selection', tel: 'c2c-tel' } as const;

async function t() {
  return translator(resolveLanguage(await languageItem.getValue(), browser.i18n.getUILanguage()));
}

let rebuilding: Promise<void> = Promise.resolve();

/** "Call with hotline …" on selected text and on tel: links, one entry per hotline. Rebuilds
 * are queued: two at once would create the same ids twice. */
export function rebuildContextMenus(): Promise<void> {
  rebuilding = rebuilding.then(build, build).catch((e: unknown) => console.warn('[menus]', e));
  return rebuilding;
}

async function build(): Promise<void> {
  const tr = await t();
  const hotlines = activeHotlines((await hotlinesItem.getValue()).entries);
  await browser.contextMenus.removeAll();
  const roots: [keyof typeof ROOTS, Browser.contextMenus.CreateProperties][] = [
    ['sel', { id: ROOTS.sel, title: tr('menuCallSelection'), contexts: ['selection'] }],
    ['tel', { id: ROOTS.tel, title: tr('menuCallLink'), contexts: ['link'], targetUrlPatterns: ['tel:*'] }],
  ];
  for (const [kind, props] of roots) {
    browser.contextMenus.create(props);
    const child = (id: string, title: string) =>
      browser.contextMenus.create({ id: `${kind}|${id}`, parentId: props.id, title, contexts: props.contexts });
    child('adaptive', tr('adaptive'));
    for (const h of hotlines) child(`hotline|${h.number}`, hotlineLabel(h));
  }
}

export function choiceOf(id: string): HotlineChoice | null {
  const [, kind, number] = id.split('|');
  if (kind === 'adaptive') return { kind: 'adaptive' };
  if (kind === 'hotline' && number) return { kind: 'hotline', number };
  return null;
}

/** The number a tel: link dials (`tel:+84%20912…` → "+84 912…"). */
export function numberOfTelLink(url: string): string {
  try {
    return decodeURIComponent(url.replace(/^tel:/i, '')).split(/[;?]/)[0]!.trim();
  } catch {
    return '';
  }
}

export async function onContextMenuClick(info: Browser.contextMenus.OnClickData): Promise<void> {
  const id = String(info.menuItemId);
  const choice = choiceOf(id);
  if (!choice) return;
  await callFromPage(id.startsWith('tel|') ? numberOfTelLink(info.linkUrl ?? '') : (info.selectionText ?? ''), choice);
}
