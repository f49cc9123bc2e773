import type { CallView } from '@/utils/call/types';
import { getContacts } from '@/utils/contacts/store';
import { recentFromCall } from '@/utils/recents/from-call';
import { addRecent } from '@/utils/recents/store';

/** Every ended call goes into recents, named after its contact when there is one. */
export async function recordEndedCall(view: CallView): Promise<void> {
  const recent = recentFromCall(view, await getContacts(), view.direction);
  if (recent) await addRecent(recent);
}
