import { encodeFunctionData, parseAbi, type Address, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { localnetContracts } from '../../lib/chains/ethereum/localnet';
import { anvil, rpcCounter, withSnapshot } from '../support/chain';
import { api } from '../support/http';
import { call, PAIRS, token } from './chain';
import { V3 } from './router-chain';

const [WETH, USDC, DAI] = [token('WETH'), token('USDC'), token('DAI')];
const wethUsdc = { type: 'amm', network: 'localnet', connector: 'uniswap', baseSymbol: 'WETH', quoteSymbol: 'USDC', baseTokenAddress: WETH.address, quoteTokenAddress: USDC.address, feePct: 0.3, address: PAIRS['WETH-USDC'].address };

const v2FactoryAbi = parseAbi(['function createPair(address tokenA, address tokenB) returns (address)', 'function getPair(address tokenA, address tokenB) view returns (address)']);
const v3FactoryAbi = parseAbi(['function createPool(address tokenA, address tokenB, uint24 fee) returns (address)', 'function getPool(address tokenA, address tokenB, uint24 fee) view returns (address)']);
/** anvil's account #2: someone else deploying pools. */
const DEPLOYER: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

/** A transaction from DEPLOYER straight to anvil, once mined (anvil may answer before its receipt exists). */
async function send(to: Address, data: Hex): Promise<void> {
  await anvil('anvil_impersonateAccount', [DEPLOYER]);
  const hash = await anvil<Hex>('eth_sendTransaction', [{ from: DEPLOYER, to, data }]);
  let receipt: { status: Hex } | null = null;
  while (!receipt) receipt = await anvil<{ status: Hex } | null>('eth_getTransactionReceipt', [hash]);
  if (receipt.status !== '0x1') throw new Error(`transaction ${hash} reverted`);
}

/** A new V2 pair of `factory` (take a snapshot). */
async function createPair(factory: Address, tokenA: Address, tokenB: Address): Promise<Address> {
  await send(factory, encodeFunctionData({ abi: v2FactoryAbi, functionName: 'createPair', args: [tokenA, tokenB] }));
  return (await call(factory, v2FactoryAbi, 'getPair', [tokenA, tokenB])) as Address;
}

/** A new (uninitialized) V3 pool of the dev deployment (take a snapshot). */
async function createPool(tokenA: Address, tokenB: Address, fee: number): Promise<Address> {
  const factory = localnetContracts.uniswapV3.factory;
  await send(factory, encodeFunctionData({ abi: v3FactoryAbi, functionName: 'createPool', args: [tokenA, tokenB, fee] }));
  return (await call(factory, v3FactoryAbi, 'getPool', [tokenA, tokenB, fee])) as Address;
}

/** The response's status and message, for the error cases. */
async function failure(path: string, method = 'GET'): Promise<[number, string]> {
  const response = await api(path, { method });
  return [response.status, (await response.json<{ message: string }>()).message];
}

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

describe('/pools/find', () => {
  const addresses = async (query: string) => (await (await api(`/pools/find?${query}`)).json<{ address: string }[]>()).map((pool) => pool.address).sort();
  const wethUsdcPools = [PAIRS['WETH-USDC'].address, V3['WETH-USDC-3000'].address, V3['WETH-USDC-500'].address].sort();

  it('finds the configured pools of a pair by symbols or addresses, in either order, of one type or both', async () => {
    expect(await addresses('chainNetwork=ethereum-localnet&tokenA=WETH&tokenB=USDC')).toEqual(wethUsdcPools);
    expect(await addresses('chainNetwork=ethereum-localnet&tokenA=USDC&tokenB=WETH')).toEqual(wethUsdcPools);
    expect(await addresses(`chainNetwork=ethereum-localnet&tokenA=${USDC.address.toLowerCase()}&tokenB=weth`)).toEqual(wethUsdcPools);
    expect(await addresses(`chain=ethereum&network=localnet&tokenA=${WETH.address}&tokenB=${USDC.address}&connector=uniswap`)).toEqual(wethUsdcPools);
    expect(await (await api('/pools/find?chainNetwork=ethereum-localnet&tokenA=USDC&tokenB=WETH&type=amm')).json()).toEqual([wethUsdc]);
    expect(await addresses('chainNetwork=ethereum-localnet&tokenA=WETH&tokenB=USDC&type=clmm')).toEqual([V3['WETH-USDC-3000'].address, V3['WETH-USDC-500'].address].sort());
  });

  it('finds the pools holding one token, or every pool without tokens', async () => {
    expect(await addresses('chainNetwork=ethereum-localnet&tokenA=DAI')).toEqual([PAIRS['WETH-DAI'].address, PAIRS['USDC-DAI'].address, V3['USDC-DAI-100'].address].sort());
    expect(await addresses(`chainNetwork=ethereum-localnet&tokenB=${DAI.address}&type=clmm`)).toEqual([V3['USDC-DAI-100'].address]);
    expect(await addresses('chainNetwork=ethereum-localnet')).toEqual(await addresses('chainNetwork=ethereum-localnet&connector=uniswap'));
    expect(await addresses('chainNetwork=ethereum-localnet')).toHaveLength(6);
    expect(await addresses('chainNetwork=ethereum-localnet&tokenA=WETH&tokenB=NOPE')).toEqual([]);
    expect(await addresses('chainNetwork=ethereum-localnet&tokenA=WETH&connector=pancakeswap')).toEqual([]);
  });

  it('answers bad requests clearly', async () => {
    expect(await failure('/pools/find?chainNetwork=ethereum-goerli&tokenA=WETH')).toEqual([400, expect.stringMatching(/Unknown network 'goerli'/)]);
    expect(await failure('/pools/find?chainNetwork=localnet')).toEqual([400, expect.stringMatching(/chainNetwork/)]);
    expect(await failure('/pools/find?chainNetwork=ethereum-localnet&connector=sushiswap')).toEqual([400, expect.stringMatching(/connector: unknown 'sushiswap'/)]);
  });
});

describe('/pools/save', () => {
  it("saves a V2 pair read from the chain in ONE RPC request, with only chainNetwork (the Hummingbot client's form)", async () => {
    const address = PAIRS['WETH-DAI'].address;
    const wethDai = { connector: 'uniswap', network: 'localnet', type: 'amm', address, baseSymbol: 'WETH', quoteSymbol: 'DAI', baseTokenAddress: WETH.address, quoteTokenAddress: DAI.address, feePct: 0.3 };
    try {
      expect((await api(`/pools/${address}?chainNetwork=ethereum-localnet&connector=uniswap&type=amm`, { method: 'DELETE' })).status).toBe(200);
      await rpcCounter.reset();
      const saved = await api(`/pools/save/${address}?chainNetwork=ethereum-localnet`, { method: 'POST' });
      expect(await saved.json()).toEqual({ message: `Pool WETH-DAI (${address}) added in uniswap amm on ethereum-localnet`, pool: wethDai });
      expect((await rpcCounter.read()).requests).toBe(1);
      expect(await (await api('/pools/DAI-WETH?chainNetwork=ethereum-localnet')).json()).toEqual(wethDai);

      const again = await api(`/pools/save/${address.toLowerCase()}?chainNetwork=ethereum-localnet&connector=uniswap&type=amm`, { method: 'POST' });
      expect(await again.json()).toEqual({ message: `Pool WETH-DAI (${address}) updated in uniswap amm on ethereum-localnet`, pool: wethDai });
    } finally {
      await api('/pools', { body: wethDai });
    }
  });

  it('saves a V3 pool nobody listed yet, detecting its type and fee', async () => {
    await withSnapshot(async () => {
      const address = await createPool(DAI.address, WETH.address, 3000);
      try {
        const saved = await api(`/pools/save/${address}?chainNetwork=ethereum-localnet&connector=uniswap`, { method: 'POST' });
        const pool = { connector: 'uniswap', network: 'localnet', type: 'clmm', address, baseSymbol: 'WETH', quoteSymbol: 'DAI', baseTokenAddress: WETH.address, quoteTokenAddress: DAI.address, feePct: 0.3 };
        expect(await saved.json()).toEqual({ message: `Pool WETH-DAI (${address}) added in uniswap clmm on ethereum-localnet`, pool });
        expect(await (await api('/pools/find?chainNetwork=ethereum-localnet&tokenA=DAI&tokenB=WETH&type=clmm')).json()).toEqual([pool]);
      } finally {
        expect((await api(`/pools/${address}?chainNetwork=ethereum-localnet&connector=uniswap&type=clmm`, { method: 'DELETE' })).status).toBe(200);
      }
    });
  });

  it('refuses what is not a pool of the connector, or holds a token not in the token list', async () => {
    await withSnapshot(async () => {
      // The dev V2 factory's code at another address: a factory of the same kind, not the connector's.
      const otherFactory: Address = '0x00000000000000000000000000000000000fAc70';
      await anvil('anvil_setCode', [otherFactory, await anvil('eth_getCode', [localnetContracts.uniswapV2.factory, 'latest'])]);
      const foreignPair = await createPair(otherFactory, WETH.address, USDC.address);
      const unknownToken = '0x000000000000000000000000000000000000dEaD';
      const unlistedPair = await createPair(localnetContracts.uniswapV2.factory, WETH.address, unknownToken);
      const save = (address: string, query = '') => failure(`/pools/save/${address}?chainNetwork=ethereum-localnet${query}`, 'POST');

      expect(await save(foreignPair)).toEqual([400, `Pool ${foreignPair} is a V2 pair of factory ${otherFactory}, not of uniswap on ethereum-localnet`]);
      expect(await save(unlistedPair)).toEqual([404, `Token ${unknownToken} of pool ${unlistedPair} not found in ethereum/localnet: add it with POST /tokens first`]);
      expect(await save(USDC.address)).toEqual([404, `Pool ${USDC.address} not found on ethereum-localnet: not a V2 pair or V3 pool`]);
      expect(await save(PAIRS['WETH-USDC'].address, '&type=clmm')).toEqual([404, `Pool ${PAIRS['WETH-USDC'].address} not found on ethereum-localnet: not a V3 pool`]);
    });
  });

  it('answers bad requests clearly', async () => {
    const pair = PAIRS['WETH-USDC'].address;
    const cases: [string, number, RegExp][] = [
      [`/pools/save/${pair}?chainNetwork=ethereum-goerli`, 400, /Unknown network 'goerli'/],
      [`/pools/save/${pair}?chainNetwork=goerli`, 400, /chainNetwork/],
      [`/pools/save/${pair}?chainNetwork=ethereum-localnet&connector=sushiswap`, 400, /connector: unknown 'sushiswap'/],
      [`/pools/save/${pair}?chainNetwork=ethereum-localnet&connector=pancakeswap`, 400, /^pancakeswap is not available on ethereum-localnet$/],
      [`/pools/save/${pair}?chainNetwork=ethereum-celo&type=amm`, 400, /^amm is not available on ethereum-celo$/],
      [`/pools/save/${pair}?chainNetwork=solana-devnet`, 400, /^amm or clmm is not available on solana-devnet$/],
      ['/pools/save/0x1234?chainNetwork=ethereum-localnet', 400, /address: '0x1234' is not an Ethereum address/],
    ];
    for (const [path, status, message] of cases) {
      expect(await failure(path, 'POST'), path).toEqual([status, expect.stringMatching(message)]);
    }
  });
});
