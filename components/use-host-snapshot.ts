import { useEffect, useState } from 'preact/hooks';
import { IDLE_SNAPSHOT, type HostSnapshot } from '@/utils/call/types';
import { listen, request } from '@/utils/messaging/runtime';

/** The call host's state as it is now, then every change it reports. */
export function useHostSnapshot(): HostSnapshot {
  const [snapshot, setSnapshot] = useState<HostSnapshot>(IDLE_SNAPSHOT);
  useEffect(() => {
    const stop = listen('ui', { events: { 'host.state': setSnapshot } });
    request('call.getState', {}).then(setSnapshot, () => undefined);
    return stop;
  }, []);
  return snapshot;
}

/** Re-renders every second while `active`, for running timers. */
export function useTicker(active: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [active]);
  return now;
}
