import { describe, expect, it } from 'vitest';
import { createSecretBox, DecryptionError } from '../../lib/crypto';

describe('encryption at rest', () => {
  const box = createSecretBox('master-key-one', 'wallets');

  it('round-trips a secret and never repeats a ciphertext', async () => {
    const first = await box.seal('0xprivate', '0xabc');
    const second = await box.seal('0xprivate', '0xabc');
    expect(first).not.toEqual(second);
    expect(first).not.toContain('private');
    expect(await box.open(first, '0xabc')).toBe('0xprivate');
  });

  it('fails with the wrong master key or the wrong purpose', async () => {
    const sealed = await box.seal('secret');
    await expect(createSecretBox('master-key-two', 'wallets').open(sealed)).rejects.toBeInstanceOf(DecryptionError);
    await expect(createSecretBox('master-key-one', 'exchange-credentials').open(sealed)).rejects.toBeInstanceOf(DecryptionError);
  });

  it('fails on a tampered ciphertext, a tampered iv, or another owner', async () => {
    const sealed = await box.seal('secret', 'owner-a');
    const [version, iv, ciphertext] = sealed.split('.');
    const flip = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
    await expect(box.open(`${version}.${iv}.${flip(ciphertext)}`, 'owner-a')).rejects.toBeInstanceOf(DecryptionError);
    await expect(box.open(`${version}.${flip(iv)}.${ciphertext}`, 'owner-a')).rejects.toBeInstanceOf(DecryptionError);
    await expect(box.open(sealed, 'owner-b')).rejects.toBeInstanceOf(DecryptionError);
    await expect(box.open('garbage', 'owner-a')).rejects.toBeInstanceOf(DecryptionError);
  });

  it('refuses to run without a master key', () => {
    expect(() => createSecretBox(undefined, 'wallets')).toThrow(/MASTER_KEY/);
  });
});
