import { erc20Abi } from 'viem';
import { describe, expect, it } from 'vitest';
import { localnetContracts } from '../../lib/chains/ethereum/localnet';
import { call, token } from '../connectors/chain';
import { rpcCounter } from '../support/chain';
import { api } from '../support/http';

const DAI = token('DAI');
const listedSymbols = async () => (await (await api('/tokens?chainNetwork=ethereum-localnet')).json<{ tokens: { symbol: string }[] }>()).tokens.map((listed) => listed.symbol);

describe('saving a token by its address (Gateway POST /tokens/save/{address}, Hummingbot API POST /gateway/networks/{id}/tokens/save/{address})', () => {
  it("reads the ERC-20's name, symbol and decimals from the chain in ONE request and lists it; a listed one is left alone without a request", async () => {
    const onChain = { name: await call(DAI.address, erc20Abi, 'name'), symbol: await call(DAI.address, erc20Abi, 'symbol'), decimals: Number(await call(DAI.address, erc20Abi, 'decimals')) };
    expect((await api(`/tokens/${DAI.address}?chainNetwork=ethereum-localnet`, { method: 'DELETE' })).status).toBe(200);
    try {
      expect(await listedSymbols()).not.toContain('DAI');
      await rpcCounter.reset();
      const saved = await api(`/gateway/networks/ethereum-localnet/tokens/save/${DAI.address.toLowerCase()}`, { method: 'POST' });
      expect(saved.status).toBe(200);
      expect(await saved.json()).toEqual({ success: true, message: expect.stringContaining('added'), token: { ...onChain, address: DAI.address, network_id: 'ethereum-localnet' } });
      expect((await rpcCounter.read()).requests).toBe(1);
      expect(await listedSymbols()).toContain('DAI');

      await rpcCounter.reset();
      const again = await api(`/tokens/save/${DAI.address}?chainNetwork=ethereum-localnet`, { method: 'POST' });
      expect(await again.json()).toEqual({ message: expect.stringContaining('already exists'), token: expect.objectContaining({ symbol: 'DAI', address: DAI.address }) });
      expect((await rpcCounter.read()).requests).toBe(0);
    } finally {
      if (!(await listedSymbols()).includes('DAI')) await api('/tokens', { body: { chainNetwork: 'ethereum-localnet', token: { ...DAI } } });
    }
  });

  it('answers 404 for an address without an ERC-20, 400 for a malformed address or a Solana mint, 404 for an unknown network', async () => {
    const notAToken = await api(`/gateway/networks/ethereum-localnet/tokens/save/${localnetContracts.multicall3}`, { method: 'POST' });
    expect(notAToken.status).toBe(404);
    expect(await notAToken.json()).toMatchObject({ code: 'TOKEN_NOT_FOUND' });
    expect((await api('/tokens/save/0x1234?chainNetwork=ethereum-localnet', { method: 'POST' })).status).toBe(400);
    const solana = await api('/gateway/networks/solana-localnet/tokens/save/So11111111111111111111111111111111111111112', { method: 'POST' });
    expect(solana.status).toBe(400);
    expect(await solana.json()).toMatchObject({ code: 'TOKEN_READ_UNSUPPORTED', detail: expect.stringContaining('POST /tokens') });
    expect((await api(`/tokens/save/${DAI.address}?chainNetwork=ethereum-nowhere`, { method: 'POST' })).status).toBe(404);
  });
});
