import { browser, type Browser } from 'wxt/browser';
import type { SenderRule } from './protocol';

/** Pages that act as a call host: the offscreen document, and the video call window. */
const CALL_HOST_PAGES = ['/offscreen.html', '/call-window.html'];

/**
 * Checks the fields the browser itself sets on a message's sender, before any payload is read.
 * Content scripts run inside web pages (their url is the page's), so they never pass as one of
 * our pages, whatever they put in the message.
 */
export function senderAllowed(rule: SenderRule, sender: Browser.runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const url = sender.url ?? '';
  const ours = url.startsWith(browser.runtime.getURL('/'));
  // Our content script: in a tab, on a web page (never one of our own pages).
  if (rule === 'contentScript') return !ours && !!sender.tab && /^(https?|file):/.test(url);
  if (!ours) return false;
  if (rule === 'callHost') {
    const path = new URL(url).pathname;
    return CALL_HOST_PAGES.includes(path);
  }
  return true;
}
