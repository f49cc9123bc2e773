// In-memory call history, exposed through callLog() and GET /calls.
import type { CallLogEntry } from './types.js';

export class CallLog {
  private readonly entries: CallLogEntry[] = [];

  add(entry: CallLogEntry): CallLogEntry {
    this.entries.push(entry);
    return entry;
  }

  find(callId: string): CallLogEntry | undefined {
    return this.entries.find((e) => e.callId === callId);
  }

  /** Copies, so callers cannot mutate the live records. */
  list(): CallLogEntry[] {
    return this.entries.map((e) => structuredClone(e));
  }
}

/** Marks an entry ended once; later calls are ignored so the first outcome wins. */
export function finishEntry(
  entry: CallLogEntry,
  result: NonNullable<CallLogEntry['result']>,
  endedBy: NonNullable<CallLogEntry['endedBy']>,
  now = Date.now(),
): boolean {
  if (entry.endedAt !== undefined) return false;
  entry.endedAt = now;
  entry.result = result;
  entry.endedBy = endedBy;
  entry.durationSec = entry.answeredAt !== undefined ? Math.max(0, Math.round((now - entry.answeredAt) / 1000)) : 0;
  return true;
}
