import { defineContentScript } from 'wxt/utils/define-content-script';
import { listen, SILENT } from '@/utils/messaging/runtime';
import type { SiteSettings } from '@/utils/settings/items';
import { NumberHighlights } from './highlight-style';
import { Overlay } from './overlay';
import { numberAt } from './pointer';
import { Scanner } from './scanner';
import { lifetime, type Lifetime } from './lifetime';
import { readSiteSettings, siteEnabled, siteHost, watchSiteSettings } from './site-settings';
import { placeCall } from './place-call';
import { frameSelection, selectionAnswer } from './selection';
import { pageReady } from './page-ready';
import { takeEarly } from './early-highlights';

/**
 * Numbers on any page become callable. Detection draws highlights from outside the page's text,
 * the icon and card live in one shadow root of ours, and only a trusted click on them (or on a
 * tel: link) asks the background for a call. Everything is undone when the extension context
 * goes away (reloaded or updated; see lifetime.ts for why WXT's ctx alone is not trusted for
 * this) or the site is switched off.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  // Frames without a URL of their own (srcdoc, about:blank, blob:) written by the page: a CRM's
  // note preview or mail body often is one.
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  // In a task of its own once the page has parsed (early-highlights.ts).
  runAt: 'document_idle',
  async main(ctx) {
    const life = lifetime(ctx);
    const onEnd = (fn: () => void): void => life.signal.addEventListener('abort', fn, { once: true });
    // Our ::highlight() rules went in before the page was first styled (content-early): a
    // style sheet adopted later restyles every element of the page (npm run bench: ~1 s more
    // style work on the 20,000-row table). It holds nothing but those rules, so it is harmless
    // until used. Without the early script (a tab open before we were installed) they go in now.
    let early: NumberHighlights | undefined = takeEarly() ?? new NumberHighlights();
    early.adopt(document);
    onEnd(() => early?.dispose());
    // The call-selection shortcut asks every frame, whether or not icons are on for the site
    // (as the context menu works everywhere).
    onEnd(
      listen('content', {
        requests: {
          'content.selection': ({ focusedOnly }) => selectionAnswer(frameSelection(document), focusedOnly) ?? SILENT,
        },
      }),
    );
    let settings = await readSiteSettings();
    // After the page's first paint, in a task of our own (page-ready.ts).
    await pageReady(life.signal);
    let session: Session | undefined;
    const sync = (): void => {
      const on = siteEnabled(settings, siteHost(location.href, origin));
      if (on && !session && !life.signal.aborted) session = startSession(life, () => settings, early ?? new NumberHighlights());
      else early?.dispose();
      early = undefined;
      if (!on && session) {
        session.stop();
        session = undefined;
      }
    };
    sync();
    onEnd(
      watchSiteSettings((s) => {
        settings = s;
        sync();
      }),
    );
    // The popup asks the top frame of the active tab.
    if (window === window.top) {
      onEnd(
        listen('content', {
          requests: {
            'content.stats': ({ all }) => ({ ...(session?.stats(all === true) ?? { found: 0, complete: true }), enabled: session !== undefined }),
          },
        }),
      );
    }
    onEnd(() => session?.stop());
  },
});

interface Session {
  stop(): void;
  stats(all: boolean): { found: number; complete: boolean };
}

function startSession(life: Lifetime, settings: () => SiteSettings, highlights: NumberHighlights): Session {
  const abort = new AbortController();
  const signal = AbortSignal.any([abort.signal, life.signal]);
  const overlay = new Overlay();
  const scanner = new Scanner({
    highlights,
    later: (fn) => life.later(() => !signal.aborted && fn()),
    after: (ms, fn) => life.after(ms, () => !signal.aborted && fn()),
    frame: (fn) => life.frame(() => !signal.aborted && fn()),
  });
  const on = <K extends keyof DocumentEventMap>(type: K, fn: (e: DocumentEventMap[K]) => void, capture = true): void =>
    document.addEventListener(type, fn, { capture, passive: type !== 'click', signal });

  // Pointer tracking: at most one lookup per frame.
  let frame = false;
  let last: PointerEvent | undefined;
  on('pointermove', (e) => {
    last = e;
    if (frame) return;
    frame = true;
    life.frame(() => {
      frame = false;
      if (!last || signal.aborted) return;
      const path = last.composedPath();
      if (overlay.holds(path)) return overlay.point(overlay.current);
      overlay.point(numberAt(scanner, last.clientX, last.clientY, last.target));
    });
  });
  // Keyboard users reach tel: links with Tab; their card opens on focus.
  on('focusin', (e) => {
    const link = e.target instanceof Element ? e.target.closest('a[href]') : null;
    const f = link instanceof HTMLAnchorElement ? scanner.link(link) : undefined;
    if (f) overlay.focus(f);
  });
  // tel: links call through the extension, on trusted clicks only (a page script's synthetic
  // click keeps the browser's default and never reaches a call).
  on('click', (e) => {
    if (!e.isTrusted || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    if (!settings().telLinks) return;
    const link = e.target instanceof Element ? e.target.closest('a[href]') : null;
    const f = link instanceof HTMLAnchorElement ? scanner.link(link) : undefined;
    if (!f) return;
    e.preventDefault();
    if (f.number.kind === 'premium') return overlay.confirmPremium(f);
    void placeCall(e, f, { mode: f.target.startsWith('+') ? 'callout' : 'voice' });
  });
  // Keyboard users reach numbers in plain text through the selection: caret browsing (F7), or
  // a find-in-page match, which stays selected after Escape. When the last input was a key and
  // the selection's ends sit in a number, its card opens without taking focus, and the next Tab
  // moves into it (Escape goes back). The page's tab order and elements stay as they are.
  let keyed = false;
  on('pointerdown', () => (keyed = false));
  document.addEventListener(
    'keydown',
    (e) => {
      keyed = true;
      if (e.key === 'Escape') return overlay.escape();
      if (e.key !== 'Tab' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || !overlay.offersKeyboard) return;
      e.preventDefault();
      overlay.enter();
    },
    { capture: true, signal },
  );
  on('selectionchange', () => {
    if (!keyed) return;
    const sel = getSelection();
    if (!sel?.focusNode || !sel.anchorNode) return;
    const f = scanner.at(sel.focusNode, sel.focusOffset) ?? scanner.at(sel.anchorNode, sel.anchorOffset);
    overlay.select(f);
  });
  const reposition = (): void => {
    overlay.reposition();
    scanner.lookAgain();
  };
  // A click or a key often shows something (a tab, a menu, a dialog) without a DOM change we
  // observe: a pass once it has had time to render.
  on('pointerup', () => scanner.lookAgain(300));
  on('keyup', () => scanner.lookAgain(300));
  window.addEventListener('scroll', reposition, { capture: true, passive: true, signal });
  window.addEventListener('resize', reposition, { passive: true, signal });

  scanner.start(document);
  return {
    stop() {
      abort.abort();
      scanner.stop();
      highlights.dispose();
      overlay.destroy();
    },
    // Parts far from the screen are walked when they come near (near-screen.ts); the popup's
    // count asks for the whole page.
    stats: (all) => scanner.stats(all),
  };
}
