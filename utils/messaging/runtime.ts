import { browser, type Browser } from 'wxt/browser';
import {
  APP_TAG,
  EVENTS,
  REQUESTS,
  type Envelope,
  type EventPayload,
  type EventType,
  type Receiver,
  type RequestPayload,
  type RequestResponse,
  type RequestType,
} from './protocol';
import { senderAllowed } from './sender';

function envelope(kind: Envelope['kind'], type: string, payload: unknown): Envelope {
  return { app: APP_TAG, kind, type, payload };
}

function isEnvelope(m: unknown): m is Envelope {
  return (
    typeof m === 'object' &&
    m !== null &&
    (m as Envelope).app === APP_TAG &&
    ((m as Envelope).kind === 'request' || (m as Envelope).kind === 'event') &&
    typeof (m as Envelope).type === 'string'
  );
}

/** Sends a request to the context that owns it and resolves with its typed answer. */
export async function request<T extends RequestType>(
  type: T,
  payload: RequestPayload<T>,
): Promise<RequestResponse<T>> {
  return (await browser.runtime.sendMessage(envelope('request', type, payload))) as RequestResponse<T>;
}

/**
 * Sends a request to the content scripts of a tab (all its frames, or one). Their answer comes
 * from a renderer the page shares, so it is `unknown` here: the caller checks it. No frame
 * answering (no content script there, or all of them silent) gives undefined.
 */
export async function requestTab<T extends RequestType>(
  tabId: number,
  type: T,
  payload: RequestPayload<T>,
  options: { frameId?: number } = {},
): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, envelope('request', type, payload), options);
}

/**
 * A handler returns this (synchronously) to send no answer at all. tabs.sendMessage reaches
 * every frame and delivers the first answer, so frames with nothing to say stay silent.
 */
export const SILENT: unique symbol = Symbol('silent');

/** Announces an event; nobody listening (popup closed) is normal, not an error. */
export function emit<T extends EventType>(type: T, payload: EventPayload<T>): void {
  browser.runtime.sendMessage(envelope('event', type, payload)).catch(() => undefined);
}

type RequestsFor<R extends Receiver> = {
  [T in RequestType as (typeof REQUESTS)[T]['to'] extends R ? T : never]?: (
    payload: RequestPayload<T>,
    sender: Browser.runtime.MessageSender,
  ) => Promise<RequestResponse<T>> | RequestResponse<T> | typeof SILENT;
};
type EventHandlers = { [T in EventType]?: (payload: EventPayload<T>) => void };

/**
 * Registers one runtime listener for a receiver. Messages for other receivers are left alone
 * (returning undefined lets their owner answer); senders that fail the rule and payloads that
 * fail the check are dropped with a warning.
 */
export function listen<R extends Receiver>(
  receiver: R,
  handlers: { requests?: RequestsFor<R>; events?: EventHandlers },
): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined => {
    if (!isEnvelope(message)) return undefined;
    if (message.kind === 'event') {
      const def = EVENTS[message.type as EventType];
      const handler = handlers.events?.[message.type as EventType] as ((p: unknown) => void) | undefined;
      if (!def || !handler) return undefined;
      if (!senderAllowed(def.from, sender)) return warn(message.type, 'sender refused');
      try {
        handler(def.check(message.payload));
      } catch (e) {
        warn(message.type, String(e));
      }
      return undefined;
    }
    const def = REQUESTS[message.type as RequestType];
    if (!def || def.to !== receiver) return undefined;
    const handler = (handlers.requests as Record<string, ((p: unknown, s: Browser.runtime.MessageSender) => unknown) | undefined> | undefined)?.[message.type];
    if (!handler) return undefined;
    if (!senderAllowed(def.from, sender)) return warn(message.type, 'sender refused');
    let payload: unknown;
    try {
      payload = def.check(message.payload);
    } catch (e) {
      warn(message.type, String(e));
      return Promise.reject(new Error(`Invalid ${message.type}: ${String(e)}`));
    }
    let answer: unknown;
    try {
      answer = handler(payload, sender);
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    // Returning undefined (not a promise) is how a runtime.onMessage listener stays silent.
    return answer === SILENT ? undefined : Promise.resolve(answer);
  };
  browser.runtime.onMessage.addListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  return () => browser.runtime.onMessage.removeListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
}

function warn(type: string, why: string): undefined {
  console.warn(`[messages] dropped ${type}: ${why}`);
  return undefined;
}
