/**
 * Waits until the page has parsed and painted its first frame, without running any of our
 * script inside the page's own tasks: on a large page the task that ends parsing (and fires
 * DOMContentLoaded) and the first frame each take seconds of style and layout, and a callback
 * of ours in them, however short, makes them tasks of ours (npm run bench reads a trace: the
 * 20,000-row table's were 5.3 s and 0.7 s). So DOMContentLoaded is heard by a native function
 * (a port's postMessage) and we go on in the message's own task; the first paint is heard from
 * the paint timing entries, which are delivered in a task of their own after the frame, and
 * we start at the next idle moment.
 */
export async function pageReady(signal: AbortSignal): Promise<void> {
  if (document.readyState === 'loading') {
    await new Promise<void>((resolve) => {
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = () => {
        port1.close();
        resolve();
      };
      // Bound with both arguments, so the event the listener gets is a third one, ignored.
      const post = (port2.postMessage as (message: unknown, transfer: Transferable[]) => void).bind(port2, null, []) as () => void;
      document.addEventListener('DOMContentLoaded', post, { once: true, signal });
    });
  }
  if (signal.aborted) return;
  if (performance.getEntriesByType('paint').length === 0) await firstPaint(signal);
  // Then an idle moment: right after the first paint of a large page the next frame's commit
  // still waits for the compositor to raster it (npm run bench: an 88 ms frame on the table
  // holding our first animation-frame callback).
  if (!signal.aborted) await new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 1_000 }));
}

function firstPaint(signal: AbortSignal): Promise<void> {
  // A document that never paints (hidden, or nothing in it) has nothing to mark until it does.
  return new Promise<void>((resolve) => {
    const observer = new PerformanceObserver(() => {
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: 'paint', buffered: true });
    signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        resolve();
      },
      { once: true },
    );
  });
}
