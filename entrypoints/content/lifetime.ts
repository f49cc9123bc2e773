import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * Our own teardown signal and timers, so that a page cannot switch the script off.
 *
 * WXT's ctx also aborts when a "newer script started" CustomEvent reaches the document; its
 * name is `<extension id>:content:wxt:content-script-started`, and a page that knows our
 * (public) extension id can dispatch it with a forged detail: every ctx timer and listener
 * would stop. We ask the one question that matters instead: is this script's extension
 * context gone (reloaded, updated, removed)? Then `browser.runtime.id` is undefined. ctx's
 * abort is only taken as a hint to ask it, and every timer here asks it again before running.
 */
export interface Lifetime {
  readonly signal: AbortSignal;
  /** Runs `fn` in a new task soon (not clamped like nested setTimeouts), unless torn down. */
  later(fn: () => void): void;
  /** Runs `fn` before the next paint, unless torn down. */
  frame(fn: () => void): void;
  /** Runs `fn` after `ms`, unless torn down. */
  after(ms: number, fn: () => void): void;
}

interface PostTask {
  postTask(fn: () => void, opts: { priority?: 'user-blocking' | 'user-visible' | 'background'; signal?: AbortSignal }): Promise<unknown>;
}

const contextGone = (): boolean => {
  try {
    return browser.runtime?.id == null;
  } catch {
    return true;
  }
};

export function lifetime(ctx: ContentScriptContext): Lifetime {
  const abort = new AbortController();
  const { signal } = abort;
  const live = (): boolean => {
    if (signal.aborted) return false;
    if (!contextGone()) return true;
    abort.abort('extension context invalidated');
    return false;
  };
  // A real invalidation, or a forged event: tell them apart by the runtime id.
  ctx.signal.addEventListener('abort', () => void live(), { once: true });

  const scheduler = (globalThis as { scheduler?: PostTask }).scheduler;
  const later = (fn: () => void): void => {
    if (scheduler) {
      scheduler.postTask(() => live() && fn(), { priority: 'user-visible', signal }).catch(() => undefined);
      return;
    }
    setTimeout(() => live() && fn(), 0);
  };
  return {
    signal,
    later,
    // Timers are not cancelled one by one (that would keep a listener per call): each asks
    // `live()` when it fires, which is also how an orphaned script notices it must stop.
    frame(fn) {
      requestAnimationFrame(() => live() && fn());
    },
    after(ms, fn) {
      setTimeout(() => live() && fn(), ms);
    },
  };
}
