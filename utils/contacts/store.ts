import { storage } from 'wxt/utils/storage';
import { contactFromDraft, newContactId } from './draft';
import type { Contact, ContactDraft } from './types';

export { contactFromDraft, newContactId };

/**
 * The address book, stored locally. Versioned so a later shape change migrates the data: add a
 * function to `migrations` for the new version, never a reset. Without a migration for a
 * version WXT keeps the stored value as it is, so an update can never empty the list.
 */
export const contactsItem = storage.defineItem<Contact[]>('local:contacts', {
  fallback: [],
  version: 1,
  migrations: {},
});

let queue: Promise<unknown> = Promise.resolve();

/** Read-modify-write one at a time, so two quick edits in this page never overwrite each other. */
function mutate<T>(change: (list: Contact[]) => { list: Contact[]; result: T }): Promise<T> {
  const run = queue.then(async () => {
    const { list, result } = change(readable(await contactsItem.getValue()));
    await contactsItem.setValue(list);
    return result;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Whatever is stored, as a list of contacts: damaged entries are skipped, never the whole list. */
export function readable(value: unknown): Contact[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (c): c is Contact =>
      !!c && typeof c === 'object' && typeof c.id === 'string' && Array.isArray(c.phones),
  );
}

export async function getContacts(): Promise<Contact[]> {
  return readable(await contactsItem.getValue());
}

export function addContact(draft: ContactDraft, now = Date.now()): Promise<Contact> {
  return mutate((list) => {
    const c = contactFromDraft(draft, newContactId(), now);
    return { list: [...list, c], result: c };
  });
}

/** Adds contacts that already have ids (the importer's output). */
export function addContacts(contacts: readonly Contact[]): Promise<number> {
  return mutate((list) => ({ list: [...list, ...contacts], result: contacts.length }));
}

/** Updates a contact; resolves to undefined when it no longer exists (deleted elsewhere). */
export function updateContact(id: string, draft: ContactDraft, now = Date.now()): Promise<Contact | undefined> {
  return mutate((list) => {
    const old = list.find((c) => c.id === id);
    if (!old) return { list, result: undefined };
    const c = contactFromDraft(draft, id, old.createdAt, now);
    return { list: list.map((x) => (x.id === id ? c : x)), result: c };
  });
}

export function removeContact(id: string): Promise<boolean> {
  return mutate((list) => {
    const next = list.filter((c) => c.id !== id);
    return { list: next, result: next.length !== list.length };
  });
}
