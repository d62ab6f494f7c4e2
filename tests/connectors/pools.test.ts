import { describe, expect, it } from 'vitest';
import { rpcCounter } from '../support/chain';
import { api } from '../support/http';
import { PAIRS, token } from './chain';
import { V3 } from './router-chain';

const [WETH, USDC, DAI] = [token('WETH'), token('USDC'), token('DAI')];
const wethUsdc = { type: 'amm', network: 'localnet', connector: 'uniswap', baseSymbol: 'WETH', quoteSymbol: 'USDC', baseTokenAddress: WETH.address, quoteTokenAddress: USDC.address, feePct: 0.3, address: PAIRS['WETH-USDC'].address };

describe('/pools lists', () => {
  it('lists the shipped localnet pools with Gateway fields, by chain+network or chainNetwork', async () => {
    const byChain = await (await api('/pools?chain=ethereum&network=localnet&connector=uniswap')).json<object[]>();
    // Three V2 pairs (amm) and three V3 pools (clmm).
    expect(byChain).toHaveLength(6);
    expect(byChain).toContainEqual(wethUsdc);
    expect(await (await api('/pools?chainNetwork=ethereum-localnet')).json()).toEqual(byChain);
    // The connector alone implies the chain, and the chain's default network applies (localnet in development).
    expect(await (await api('/pools?connector=uniswap')).json()).toEqual(byChain);
  });

  it('filters by type and search', async () => {
    const dai = await (await api('/pools?chainNetwork=ethereum-localnet&search=dai')).json<{ address: string }[]>();
    expect(dai.map((pool) => pool.address).sort()).toEqual([PAIRS['USDC-DAI'].address, PAIRS['WETH-DAI'].address, V3['USDC-DAI-100'].address].sort());
    const clmm = await (await api('/pools?chainNetwork=ethereum-localnet&type=clmm')).json<{ address: string; feePct: number }[]>();
    expect(clmm.map(({ address, feePct }) => [address, feePct])).toEqual(Object.values(V3).map((pool) => [pool.address, pool.fee / 10_000]));
    expect(await (await api('/pools?chainNetwork=ethereum-mainnet')).json()).toEqual([]);
  });

  it('gets a pool by BASE-QUOTE in either order', async () => {
    expect(await (await api('/pools/WETH-USDC?chain=ethereum&network=localnet&connector=uniswap&type=amm')).json()).toEqual(wethUsdc);
    expect(await (await api('/pools/USDC-WETH?chainNetwork=ethereum-localnet&type=amm')).json()).toEqual(wethUsdc);
  });

  it('answers bad requests clearly', async () => {
    const cases: [string, number, RegExp][] = [
      ['/pools/WETHUSDC?chainNetwork=ethereum-localnet', 400, /Invalid trading pair format/],
      ['/pools/WETH-NOPE?chainNetwork=ethereum-localnet', 404, /Pool WETH-NOPE not found on ethereum-localnet/],
      ['/pools?connector=invalid&network=localnet', 400, /connector: unknown 'invalid'/],
      ['/pools?network=localnet', 400, /chain: required/],
      ['/pools?chainNetwork=ethereum-goerli', 400, /Unknown network 'goerli'/],
    ];
    for (const [path, status, message] of cases) {
      const response = await api(path);
      expect(response.status, path).toBe(status);
      expect((await response.json<{ message: string }>()).message, path).toMatch(message);
    }
  });
});

describe('/pools changes', () => {
  it('removes a pool (query or JSON body) and adds it back, reading feePct from pool-info in ONE RPC request', async () => {
    const address = PAIRS['WETH-DAI'].address;
    try {
      const removed = await api(`/pools/${address}?connector=uniswap&network=localnet&type=amm`, { method: 'DELETE' });
      expect(await removed.json()).toEqual({ message: `Pool with address ${address} removed successfully from uniswap amm on localnet` });
      expect((await api('/pools/WETH-DAI?chainNetwork=ethereum-localnet')).status).toBe(404);
      const again = await api(`/pools/${address}`, { method: 'DELETE', body: { chain: 'ethereum', network: 'localnet', type: 'amm' } });
      expect(again.status).toBe(404);

      await rpcCounter.reset();
      const added = await api('/pools', { body: { chain: 'ethereum', network: 'localnet', connector: 'uniswap', type: 'amm', address, baseTokenAddress: WETH.address, quoteTokenAddress: DAI.address } });
      expect(await added.json()).toEqual({ message: `Pool WETH-DAI (${address}) added in uniswap amm on ethereum-localnet` });
      expect((await rpcCounter.read()).requests).toBe(1);
      expect(await (await api('/pools/DAI-WETH?chainNetwork=ethereum-localnet')).json()).toMatchObject({ address, baseSymbol: 'WETH', quoteSymbol: 'DAI', feePct: 0.3 });

      const updated = await api('/pools', { body: { chainNetwork: 'ethereum-localnet', connector: 'uniswap', type: 'amm', address, baseTokenAddress: WETH.address, quoteTokenAddress: DAI.address, feePct: 0.3, baseSymbol: 'WETH' } });
      expect(await updated.json()).toEqual({ message: `Pool WETH-DAI (${address}) updated in uniswap amm on ethereum-localnet` });
      // The Hummingbot client's form: the network in a JSON body, no connector.
      const viaBody = await api(`/pools/${address}`, { method: 'DELETE', body: { chain: 'ethereum', network: 'localnet', type: 'amm' } });
      expect(viaBody.status).toBe(200);
    } finally {
      await api('/pools', { body: { chainNetwork: 'ethereum-localnet', connector: 'uniswap', type: 'amm', address, baseTokenAddress: WETH.address, quoteTokenAddress: DAI.address, feePct: 0.3 } });
    }
    expect(await (await api('/pools/WETH-DAI?chainNetwork=ethereum-localnet')).json()).toMatchObject({ address });
  });

  it('validates what it adds', async () => {
    const pool = { chainNetwork: 'ethereum-localnet', connector: 'uniswap', type: 'amm', address: PAIRS['WETH-USDC'].address, baseTokenAddress: WETH.address, quoteTokenAddress: USDC.address };
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ ...pool, address: '0x1234' }, 400, /address: '0x1234' is not an Ethereum address/],
      [{ ...pool, baseTokenAddress: WETH.address.toLowerCase().replace('f', 'F') }, 400, /checksum/],
      [{ ...pool, connector: 'sushiswap' }, 400, /connector: unknown 'sushiswap'/],
      [{ ...pool, type: 'clmm' }, 404, /Pool 0x\w+ not found on uniswap\/clmm \(ethereum-localnet\): not one of its V3 pools/],
      [{ ...pool, connector: 'pancakeswap' }, 400, /pancakeswap\/amm is not available on ethereum-localnet/],
      [{ ...pool, address: USDC.address }, 404, /Pool 0x\w+ not found on uniswap\/amm \(ethereum-localnet\)/],
      [{ ...pool, quoteTokenAddress: DAI.address }, 400, /holds .* not WETH\/DAI/],
      [{ ...pool, baseTokenAddress: '0x000000000000000000000000000000000000dEaD', feePct: 0.3 }, 400, /baseSymbol: required/],
    ];
    for (const [body, status, message] of cases) {
      const response = await api('/pools', { body });
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect((await response.json<{ message: string }>()).message, JSON.stringify(body)).toMatch(message);
    }
  });
});
