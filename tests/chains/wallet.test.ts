import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { wallets } from '../../lib/db/schema';
import { api } from '../support/http';

// Well-known public test keys (anvil account #9; a Solana key generated for these tests only).
const evmKey = '0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6';
const evmAddress = '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720';

describe('/wallet', () => {
  it('adds a wallet, stores its key encrypted, lists it and makes it the default', async () => {
    const added = await api('/wallet/add', { body: { chain: 'ethereum', privateKey: evmKey, setDefault: true } });
    expect(await added.json()).toEqual({ address: evmAddress });
    const [row] = await getDb(env).select().from(wallets).where(eq(wallets.address, evmAddress));
    expect(row.sealedKey).not.toContain(evmKey.slice(2, 20));
    const list = await (await api('/wallet')).json<{ chain: string; walletAddresses: string[] }[]>();
    expect(list.find((entry) => entry.chain === 'ethereum')?.walletAddresses).toContain(evmAddress);
    expect(await (await api('/config?namespace=ethereum')).json()).toMatchObject({ defaultWallet: evmAddress });
  });

  it('creates wallets on both chains', async () => {
    for (const chain of ['ethereum', 'solana']) {
      const response = await api('/wallet/create', { body: { chain } });
      const body = await response.json<{ address: string; chain: string }>();
      expect(body.chain).toBe(chain);
      expect(body.address).toMatch(chain === 'ethereum' ? /^0x[0-9a-fA-F]{40}$/ : /^[1-9A-HJ-NP-Za-km-z]{32,44}$/);
    }
  });

  it('shows a private key only with the right passphrase', async () => {
    await api('/wallet/add', { body: { chain: 'ethereum', privateKey: evmKey } });
    const wrong = await api('/wallet/show-private-key', { body: { chain: 'ethereum', address: evmAddress, passphrase: 'wrong-passphrase' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain(evmKey);
    const right = await api('/wallet/show-private-key', { body: { chain: 'ethereum', address: evmAddress, passphrase: 'test-passphrase' } });
    expect(await right.json()).toEqual({ address: evmAddress, chain: 'ethereum', privateKey: evmKey });
    const missing = await api('/wallet/show-private-key', { body: { chain: 'ethereum', address: evmAddress } });
    expect(missing.status).toBe(400);
    const unknown = await api('/wallet/show-private-key', {
      body: { chain: 'ethereum', address: '0x000000000000000000000000000000000000dEaD', passphrase: 'test-passphrase' },
    });
    expect(unknown.status).toBe(404);
  });

  it('refuses bad input with a 400 and writes nothing', async () => {
    const before = await getDb(env).select().from(wallets);
    const cases = [
      ['/wallet/add', { chain: 'ethereum', privateKey: 'invalid-key' }],
      ['/wallet/add', { chain: 'solana', privateKey: 'invalid-key' }],
      ['/wallet/add', { chain: 'bitcoin', privateKey: evmKey }],
      ['/wallet/create', { chain: 'invalid-chain' }],
      ['/wallet/create', {}],
      ['/wallet/setDefault', { chain: 'ethereum', address: 'invalid-address' }],
      ['/wallet/add-hardware', { chain: 'solana' }],
    ] as const;
    for (const [path, body] of cases) {
      const response = await api(path, { body });
      expect(response.status, `${path} ${JSON.stringify(body)}`).toBe(400);
    }
    const invalidKey = await (await api('/wallet/add', { body: { chain: 'ethereum', privateKey: 'invalid-key' } })).json<{ message: string }>();
    expect(invalidKey.message).toBe('Unable to retrieve wallet address for provided private key: inval...');
    expect(await getDb(env).select().from(wallets)).toHaveLength(before.length);
  });

  it('removes a wallet, and removing an absent one still succeeds', async () => {
    const { address } = await (await api('/wallet/create', { body: { chain: 'solana', setDefault: true } })).json<{ address: string }>();
    const removed = await api('/wallet/remove', { method: 'DELETE', body: { chain: 'solana', address } });
    expect(await removed.json()).toEqual({ message: `Wallet ${address} removed successfully` });
    expect((await api('/wallet/remove', { method: 'DELETE', body: { chain: 'solana', address } })).status).toBe(200);
    expect(await (await api('/config?namespace=solana')).json()).toMatchObject({ defaultWallet: '<solana-wallet-address>' });
    expect((await api('/wallet/setDefault', { body: { chain: 'solana', address } })).status).toBe(404);
    expect((await api('/wallet/remove', { method: 'DELETE', body: { chain: 'ethereum', address: 'invalid-address' } })).status).toBe(400);
  });
});
