import { describe, expect, it } from 'vitest';
import { api } from '../support/http';

// anvil's public test account #7.
const evmKey = '0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356';
const evmAddress = '0x14dC79964da2C08b23698B3D3cc7Ca32193d9955';

type WalletGroup = { chain: string; walletAddresses: string[]; default_address: string };

describe('/accounts/gateway', () => {
  it("adds a wallet, lists it with its chain's default, sets the default and removes it", async () => {
    const added = await api('/accounts/gateway/add-wallet', { body: { chain: 'ethereum', private_key: evmKey, set_default: false } });
    expect(added.status).toBe(201);
    expect(await added.json()).toEqual({ address: evmAddress });

    for (const path of ['/accounts/gateway/wallets', '/accounts/gateway/wallets/']) {
      const groups = await (await api(path)).json<WalletGroup[]>();
      expect(groups.find((group) => group.chain === 'ethereum')?.walletAddresses, path).toContain(evmAddress);
    }

    const set = await api('/accounts/gateway/wallet/set-default', { body: { chain: 'ethereum', address: evmAddress } });
    expect(await set.json()).toEqual({ success: true, message: `Set ${evmAddress} as default wallet for ethereum`, chain: 'ethereum', address: evmAddress });
    const groups = await (await api('/accounts/gateway/wallets')).json<WalletGroup[]>();
    expect(groups.find((group) => group.chain === 'ethereum')?.default_address).toBe(evmAddress);

    const removed = await api(`/accounts/gateway/ethereum/${evmAddress}`, { method: 'DELETE' });
    expect(await removed.json()).toEqual({ success: true, message: 'Successfully removed ethereum wallet' });
    const after = await (await api('/accounts/gateway/wallets')).json<WalletGroup[]>();
    const ethereum = after.find((group) => group.chain === 'ethereum');
    expect(ethereum?.walletAddresses).not.toContain(evmAddress);
    expect(ethereum?.default_address).not.toBe(evmAddress);
  });

  it('refuses bad wallets with the chains worker’s 4xx', async () => {
    expect((await api('/accounts/gateway/add-wallet', { body: { chain: 'ethereum', private_key: 'not-a-key' } })).status).toBe(400);
    expect((await api('/accounts/gateway/add-wallet', { body: { chain: 'bitcoin', private_key: evmKey } })).status).toBe(400);
    const unknown = await api('/accounts/gateway/wallet/set-default', { body: { chain: 'ethereum', address: '0x000000000000000000000000000000000000dEaD' } });
    expect(unknown.status).toBe(404);
    expect((await api('/accounts/gateway/ethereum/not-an-address', { method: 'DELETE' })).status).toBe(400);
  });
});
