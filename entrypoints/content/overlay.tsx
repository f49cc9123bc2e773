import { render } from 'preact';
import type { CallMode, HotlineChoice } from '@/utils/call/types';
import { pageCardText, type PageCardText } from '@/utils/i18n/page-card';
import type { PageCardInfo, StartCallResult } from '@/utils/messaging/protocol';
import { request } from '@/utils/messaging/runtime';
import { Card, type CardPhase } from './card';
import { HOST_TAG } from './exclusions';
import { liveRange, type Found } from './found';
import { OVERLAY_CSS, PHONE_SVG } from './overlay-style';
import { isDarkBehind } from './page-theme';
import { isInternal, placeCall } from './place-call';
import { OcclusionWatch, reallyVisible } from './visibility';

const ICON = 20;
/** The card's usual height, to choose below or above the number. */
const CARD_HEIGHT = 180;
/**
 * Gap between the card's box and the number or icon, more than its shadow reaches: a 4 px blur
 * is drawn about 8 px out, less its 2 px offset upwards (overlay-style.ts).
 */
const CARD_SHADOW_REACH = 9;

interface State {
  found: Found | undefined;
  cardOpen: boolean;
  info: PageCardInfo | undefined;
  phase: CardPhase;
  message: string | undefined;
  hotline: HotlineChoice | undefined;
  mode: CallMode;
  /** Opened because the keyboard selection reached the number: Tab enters the card. */
  keyboard: boolean;
}

/** Our host, its closed shadow root, the element Preact renders into, and its controls' watch. */
interface Ui {
  host: HTMLElement;
  root: ShadowRoot;
  mount: HTMLDivElement;
  occlusion: OcclusionWatch;
}

/**
 * Our one piece of UI on the page: a closed shadow root under <html>, added on first use,
 * holding the call icon of the number under the pointer (or keyboard focus) and its card.
 * Nothing is drawn at rest, so nothing covers the page's text; the highlight is the resting
 * affordance. The icon appears just after the number's last line box, the card below it.
 */
export class Overlay {
  /** Built on first use: an Overlay starts on every page, and most never show a number's icon. */
  private ui: Ui | undefined;
  private state: State = { found: undefined, cardOpen: false, info: undefined, phase: 'idle', message: undefined, hotline: undefined, mode: 'voice', keyboard: false };
  /** Where keyboard focus and the selection were before Tab entered the card (Escape goes back). */
  private dismissed: Found | undefined;
  private returnTo: { el: Element | null; range: Range | undefined } | undefined;
  private leaveTimer: number | undefined;
  private attached = 0;
  private lang: 'vi' | 'en' = navigator.language.toLowerCase().startsWith('vi') ? 'vi' : 'en';
  private t: PageCardText = pageCardText(this.lang);

  private get parts(): Ui {
    if (this.ui) return this.ui;
    const host = document.createElement(HOST_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = OVERLAY_CSS;
    const mount = document.createElement('div');
    root.append(style, mount);
    // The host joins the page only when there is something to show (see `update`): a page
    // that is only read never sees a node of ours.
    root.addEventListener('pointerenter', () => this.cancelLeave(), true);
    root.addEventListener('pointerleave', () => this.scheduleLeave(), true);
    return (this.ui = { host, root, mount, occlusion: new OcclusionWatch() });
  }

  /** Whether an event went through our UI (its composed path holds our host). */
  holds(path: EventTarget[]): boolean {
    return this.ui !== undefined && path.includes(this.ui.host);
  }

  get current(): Found | undefined {
    return this.state.found;
  }

  /** The pointer or focus is on a number (or left all numbers: undefined). */
  point(found: Found | undefined): void {
    if (found === this.state.found) {
      if (found) this.cancelLeave();
      return;
    }
    if (!found) return this.scheduleLeave();
    // Keep an open card while the user moves towards it across other text.
    if (this.state.cardOpen && this.state.phase !== 'idle') return;
    this.cancelLeave();
    this.state = { ...this.state, found, cardOpen: false, info: undefined, phase: 'idle', message: undefined, hotline: undefined, mode: 'voice', keyboard: false };
    this.update();
  }

  /** Keyboard focus on a tel: link: show its icon and card together. */
  focus(found: Found): void {
    this.point(found);
    this.openCard();
  }

  /**
   * The keyboard selection (caret browsing, or a find-in-page match left selected) is on a
   * number: show its card without taking focus; the next Tab moves into it (`enter`).
   */
  select(found: Found | undefined): void {
    if (this.focusInside()) return;
    if (!found) {
      this.dismissed = undefined;
      if (this.offersKeyboard) this.point(undefined);
      return;
    }
    // Escape closed this one and put the selection back on it: stay closed.
    if (found === this.dismissed) return;
    this.point(found);
    if (this.state.found !== found) return;
    this.state = { ...this.state, keyboard: true };
    this.openCard();
    this.update();
  }

  /** Whether a Tab now should move into the card (it was opened from the keyboard selection). */
  get offersKeyboard(): boolean {
    return Boolean(this.state.found && this.state.cardOpen && this.state.keyboard && !this.focusInside());
  }

  /** Moves keyboard focus to the card's main button, remembering where the user was. */
  enter(): void {
    const sel = getSelection();
    this.returnTo = { el: document.activeElement, range: sel && sel.rangeCount ? sel.getRangeAt(0).cloneRange() : undefined };
    const button = this.ui?.root.querySelector<HTMLElement>('[data-testid="c2c-call"], [data-testid="c2c-confirm"]');
    button?.focus();
  }

  /**
   * Escape anywhere (the page's document sees our keys too): closes the card, and for a card
   * reached from the keyboard puts focus and the selection back.
   */
  escape(): void {
    if (!this.state.found || !this.state.cardOpen) return;
    if (this.state.keyboard) this.dismissed = this.state.found;
    this.close();
    this.goBack();
  }

  /** A 1900 number's tel: link was clicked: ask in our card first. */
  confirmPremium(found: Found): void {
    this.point(found);
    this.ask('confirmPremium');
  }

  close(): void {
    this.state = { ...this.state, found: undefined, cardOpen: false, phase: 'idle', message: undefined, keyboard: false };
    this.update();
  }

  /** Scroll or resize moved the page under us. */
  reposition(): void {
    if (this.state.found) this.update();
  }

  destroy(): void {
    if (!this.ui) return;
    render(null, this.ui.mount);
    this.ui.occlusion.disconnect();
    this.ui.host.remove();
  }

  /**
   * Our host goes under <html>, beside the body: pages watching their body or app root never
   * see it. A page that keeps removing it wins after a few tries (we back off, not fight).
   */
  private attach(): void {
    const { host } = this.parts;
    if (host.isConnected || this.attached >= 3) return;
    this.attached++;
    document.documentElement.append(host);
  }

  private focusInside(): boolean {
    return this.ui !== undefined && document.activeElement === this.ui.host;
  }

  /** After Escape in the card: focus and selection back where the keyboard user left them. */
  private goBack(): void {
    const back = this.returnTo;
    this.returnTo = undefined;
    if (!back) return;
    if (back.el instanceof HTMLElement && back.el !== document.body) back.el.focus();
    else (document.activeElement as HTMLElement | null)?.blur();
    if (back.range) getSelection()?.addRange(back.range);
  }

  private scheduleLeave(): void {
    if (this.leaveTimer !== undefined) return;
    this.leaveTimer = window.setTimeout(() => {
      this.leaveTimer = undefined;
      // Never pull the card away from under keyboard focus or the pointer: leaving a child of
      // the icon (its svg) fires pointerleave while the pointer is still on our UI.
      if (this.state.phase === 'calling' || this.focusInside() || this.ui?.host.matches(':hover')) return;
      this.close();
    }, 500);
  }

  private cancelLeave(): void {
    if (this.leaveTimer !== undefined) clearTimeout(this.leaveTimer);
    this.leaveTimer = undefined;
  }

  private openCard(): void {
    const f = this.state.found;
    if (!f || this.state.cardOpen) return;
    this.state = { ...this.state, cardOpen: true };
    this.update();
    if (isInternal(f)) return;
    request('page.cardInfo', { target: f.target })
      .then((info) => {
        if (this.state.found !== f) return;
        this.lang = info.language;
        this.t = pageCardText(info.language);
        this.state = { ...this.state, info };
        this.update();
      })
      .catch(() => undefined);
  }

  /** One trusted click on the icon calls with the defaults. */
  private onIconClick(ev: MouseEvent): void {
    ev.preventDefault();
    ev.stopPropagation();
    const f = this.state.found;
    if (!f || !ev.isTrusted) return;
    if (!this.visibleAt(ev)) return this.ask('confirmVisible');
    if (f.number.kind === 'premium') return this.ask('confirmPremium');
    void this.call(ev, f, false);
  }

  private onCardCall(ev: MouseEvent, confirmed: boolean): void {
    const f = this.state.found;
    if (!f || !ev.isTrusted) return;
    // A confirmation that is itself invisible confirms nothing.
    if (!this.visibleAt(ev)) {
      if (!confirmed) this.ask('confirmVisible');
      return;
    }
    if (f.number.kind === 'premium' && !confirmed) return this.ask('confirmPremium');
    void this.call(ev, f, f.number.kind === 'premium' && confirmed);
  }

  private ask(phase: CardPhase): void {
    this.state = { ...this.state, phase, message: undefined };
    this.openCard();
    this.update();
  }

  private async call(ev: MouseEvent, f: Found, premiumConfirmed: boolean): Promise<void> {
    this.state = { ...this.state, phase: 'calling', message: this.t('calling') };
    this.openCard();
    this.update();
    const mode: CallMode = isInternal(f) ? this.state.mode : 'callout';
    const res = await placeCall(ev, f, { mode, ...(this.state.hotline ? { hotline: this.state.hotline } : {}), premiumConfirmed });
    if (this.state.found !== f) return;
    this.state = { ...this.state, ...this.result(res) };
    this.update();
  }

  private result(res: StartCallResult): Pick<State, 'phase' | 'message'> {
    if (res.ok) return { phase: 'idle', message: this.t('calling') };
    if (res.error === 'premiumNeedsConfirm') return { phase: 'confirmPremium', message: undefined };
    if (res.error === 'callInProgress') return { phase: 'error', message: this.t('callLive') };
    if (res.error === 'noAccount' || res.error === 'notConnected') return { phase: 'error', message: this.t('notConnected') };
    return { phase: 'error', message: this.t('failed', { error: res.error ?? res.detail ?? '?' }) };
  }

  private visibleAt(ev: MouseEvent): boolean {
    const target = ev.currentTarget as Element | null;
    if (!target) return false;
    const r = target.getBoundingClientRect();
    // Keyboard activation has no pointer position: check the control's centre instead.
    const [x, y] = ev.detail === 0 ? [r.left + r.width / 2, r.top + r.height / 2] : [ev.clientX, ev.clientY];
    const { occlusion, host } = this.parts;
    return occlusion.notHidden(target) && reallyVisible(host, target, x, y);
  }

  private place(f: Found): { icon: { left: number; top: number }; card: { left: number; top?: number; bottom?: number } } | undefined {
    const rects = liveRange(f)?.getClientRects();
    const first = rects?.[0];
    const last = rects?.[rects.length - 1];
    if (!first || !last || last.bottom < 0 || last.top > innerHeight) return undefined;
    const icon = { left: Math.min(last.right + 3, innerWidth - ICON - 2), top: last.top + (last.height - ICON) / 2 };
    // The card keeps its shadow (CARD_SHADOW_REACH) off the icon and the number: the browser's
    // visibility check (visibility.ts) counts a shadow over the icon as covering it.
    const below = Math.max(last.bottom, icon.top + ICON) + CARD_SHADOW_REACH;
    const left = Math.max(4, Math.min(first.left, innerWidth - 272));
    const above = Math.min(first.top, icon.top) - CARD_SHADOW_REACH;
    // Below the number when it fits, else anchored by its bottom above the number, whatever
    // its height.
    if (below + CARD_HEIGHT <= innerHeight || above - CARD_HEIGHT < 0) return { icon, card: { left, top: below } };
    return { icon, card: { left, bottom: innerHeight - above } };
  }

  private update(): void {
    const f = this.state.found;
    const where = f && this.place(f);
    if (!f || !where) {
      if (this.ui) render(null, this.ui.mount);
      return;
    }
    this.attach();
    const { mount, occlusion } = this.parts;
    // Asked only for the number being shown: style reads stay out of the scan.
    const dark = isDarkBehind(f.link ?? f.element);
    render(
      <div class={`ui${dark ? ' dark' : ''}`} lang={this.lang}>
        <button
          type="button"
          class="icon"
          data-testid="c2c-icon"
          aria-label={this.t('callAria', { number: f.number.display })}
          style={{ left: `${where.icon.left}px`, top: `${where.icon.top}px` }}
          onClick={(e) => this.onIconClick(e)}
          onPointerEnter={() => this.openCard()}
          onFocus={() => this.openCard()}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d={PHONE_SVG} />
          </svg>
        </button>
        {this.state.cardOpen && (
          <div
            style={{
              position: 'fixed',
              left: `${where.card.left}px`,
              ...(where.card.top !== undefined ? { top: `${where.card.top}px` } : { bottom: `${where.card.bottom}px` }),
            }}
          >
            <Card
              found={f}
              info={this.state.info}
              t={this.t}
              phase={this.state.phase}
              message={this.state.message}
              hotline={this.state.hotline}
              mode={this.state.mode}
              keyHint={this.state.keyboard && !this.focusInside()}
              onHotline={(hotline) => {
                this.state = { ...this.state, hotline };
                this.update();
              }}
              onMode={(mode) => {
                this.state = { ...this.state, mode };
                this.update();
              }}
              onCall={(e, confirmed) => this.onCardCall(e, confirmed)}
              onCancel={() => this.close()}
            />
          </div>
        )}
      </div>,
      mount,
    );
    // Our controls, watched from the moment they exist (observing an element twice is a no-op).
    for (const el of mount.querySelectorAll('[data-testid="c2c-icon"], [data-testid="c2c-call"], [data-testid="c2c-confirm"]')) occlusion.watch(el);
  }
}
