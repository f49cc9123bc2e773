import { makePhone } from './text';
import type { Contact, ContactDraft } from './types';

export function newContactId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `c${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
}

/** A full contact from a draft: trimmed fields, empty numbers dropped, E.164 filled in. */
export function contactFromDraft(draft: ContactDraft, id: string, createdAt: number, updatedAt = createdAt): Contact {
  return {
    id,
    name: draft.name.trim(),
    phones: draft.phones.filter((p) => p.number.trim()).map((p) => makePhone(p.label, p.number)),
    company: draft.company.trim(),
    email: draft.email.trim(),
    note: draft.note.trim(),
    createdAt,
    updatedAt,
  };
}
