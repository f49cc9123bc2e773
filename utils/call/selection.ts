import type { StartCallError } from '../messaging/protocol';
import { classifyTarget } from './target';
import type { CallMode, HotlineChoice } from './types';

/**
 * Text the user pointed at on a page (a selection, by context menu or shortcut; a tel: link)
 * becomes a call order: an extension or user id is a Free voice call, anything else a Call
 * out. Whether it may be called is placeCall's (mode-rules.ts), not decided here.
 */
export function selectionOrder(text: string): { target: string; mode: CallMode } {
  const target = text.trim();
  return { target, mode: classifyTarget(target).kind === 'internal' ? 'voice' : 'callout' };
}

/** Why a call from a page needs the user: the call's refusal, or no selection to call. */
export type FixReason = StartCallError | 'noSelection' | 'unreadable';

/** What the softphone shows when it opens after a page call it could not place. */
export interface DialDraft {
  text: string;
  mode: CallMode;
  hotline?: HotlineChoice;
  error: FixReason;
  detail?: string;
  at: number;
}

/** A draft is for the softphone opened now, not one opened on some later errand. */
export const DRAFT_TTL_MS = 2 * 60_000;

export function freshDraft(draft: DialDraft | null, now: number): DialDraft | null {
  return draft && now >= draft.at && now - draft.at <= DRAFT_TTL_MS ? draft : null;
}
