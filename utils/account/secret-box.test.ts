import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { forgetCachedKey, seal, SecretLostError, unseal } from './secret-box';

describe('secret box', () => {
  it('opens what it sealed, and the sealed text does not contain the secret', async () => {
    const s = await seal('sandbox-secret-7f3a9c1e');
    expect(JSON.stringify(s)).not.toContain('sandbox-secret');
    expect(await unseal(s)).toBe('sandbox-secret-7f3a9c1e');
  });
  it('seals the same secret differently each time (fresh IV)', async () => {
    const [a, b] = await Promise.all([seal('x'), seal('x')]);
    expect(a.iv).not.toBe(b.iv);
  });
  it('another page of ours opens what the first sealed (one key per profile)', async () => {
    forgetCachedKey();
    const first = await seal('one');
    forgetCachedKey(); // another page of ours, same profile
    expect(await unseal(first)).toBe('one');
  });
  it('says the secret is lost when the value was damaged or comes from another profile', async () => {
    const s = await seal('x');
    await expect(unseal({ ...s, data: s.data.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) })).rejects.toBeInstanceOf(SecretLostError);
  });
});
