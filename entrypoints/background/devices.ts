import type { AudioDeviceChoice } from '@/utils/messaging/protocol';
import { request } from '@/utils/messaging/runtime';
import { audioDevicesItem } from '@/utils/settings/items';
import { ensureHost } from './call-host-launcher';

/** The call host's microphones and speakers (it has the permission), and the saved choice. */
export async function listDevices() {
  await ensureHost();
  const [list, chosen] = await Promise.all([request('host.listDevices', {}), audioDevicesItem.getValue()]);
  return { ...list, chosen };
}

export async function chooseDevices(choice: AudioDeviceChoice): Promise<{ ok: boolean }> {
  await audioDevicesItem.setValue(choice);
  await ensureHost();
  return request('host.setDevices', choice);
}

