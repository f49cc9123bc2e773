import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { addContact, addContacts, getContacts, readable, removeContact, updateContact } from './store';
import type { ContactDraft } from './types';

const draft = (name: string, number: string): ContactDraft => ({
  name,
  phones: [{ label: 'mobile', number }],
  company: '',
  email: '',
  note: '',
});

describe('contacts store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('adds, updates and removes contacts', async () => {
    const a = await addContact(draft(' Nguyễn Văn A ', '0912345678'), 1000);
    expect(a).toMatchObject({ name: 'Nguyễn Văn A', createdAt: 1000, updatedAt: 1000 });
    expect(a.phones).toEqual([{ label: 'mobile', number: '0912345678', e164: '+84912345678' }]);
    const b = await addContact(draft('B', '0987654321'), 1001);
    const a2 = await updateContact(a.id, { ...draft('Nguyễn Văn An', '0912345678'), company: 'ACME' }, 2000);
    expect(a2).toMatchObject({ id: a.id, name: 'Nguyễn Văn An', company: 'ACME', createdAt: 1000, updatedAt: 2000 });
    expect(await removeContact(b.id)).toBe(true);
    expect(await removeContact(b.id)).toBe(false);
    expect((await getContacts()).map((c) => c.name)).toEqual(['Nguyễn Văn An']);
    expect(await updateContact('gone', draft('x', '1'))).toBeUndefined();
  });

  it('loses nothing when edits come quickly one after another', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => addContact(draft(`C${i}`, `09123456${String(i).padStart(2, '0')}`))));
    expect(await getContacts()).toHaveLength(20);
    await addContacts([]);
    expect(await getContacts()).toHaveLength(20);
  });

  // A stored list without version meta counts as v1 (WXT), so this is also the first update.
  it('keeps stored contacts when a later version of the item has no migration for them', async () => {
    await addContact(draft('Kept', '0912345678'));
    const v2 = storage.defineItem<unknown[]>('local:contacts', { fallback: [], version: 2, migrations: {} });
    await v2.migrate();
    expect(await v2.getValue()).toHaveLength(1);
    expect(await v2.getMeta()).toEqual({ v: 2 });
  });

  it('skips damaged entries instead of dropping the list', () => {
    expect(readable(null)).toEqual([]);
    expect(readable([{ id: 'a', phones: [] }, null, 3, { name: 'no id' }])).toEqual([{ id: 'a', phones: [] }]);
  });
});
