import { getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localnetUniswapV2Pairs } from '../../lib/chains/ethereum/localnet';
import { token } from '../connectors/chain';
import { addDevWallet, anvil, withSnapshot } from '../support/chain';
import { api } from '../support/http';

const [WETH, DAI] = [token('WETH'), token('DAI')];
const WETH_DAI = localnetUniswapV2Pairs['WETH-DAI'].address;
const json = async <T = Record<string, unknown>>(path: string, init?: Parameters<typeof api>[1]) => (await api(path, init)).json<T>();

beforeAll(async () => {
  await addDevWallet();
});

describe('the built-in gateway', () => {
  it('is always running: start and restart say so, stop is refused with a 409, and no call answers a 5xx', async () => {
    expect(await json('/gateway/status')).toEqual({ running: true, built_in: true, container_id: null, image: 'colibri (built in)', created_at: null, port: null });
    // As the Python client calls them: start with a config body, restart without one.
    const start = await api('/gateway/start', { body: { image: 'hummingbot/gateway:latest', port: 15888 } });
    expect(start.status).toBe(200);
    expect(await start.json()).toMatchObject({ success: true, message: expect.stringContaining('already running') });
    const restart = await api('/gateway/restart', { method: 'POST' });
    expect(await restart.json()).toMatchObject({ success: true, message: expect.stringContaining('nothing to restart') });
    const stop = await api('/gateway/stop', { method: 'POST' });
    expect(stop.status).toBe(409);
    expect(await stop.json()).toMatchObject({ code: 'GATEWAY_BUILT_IN', detail: expect.stringContaining('cannot be stopped') });
    expect(await json('/gateway/logs?tail=10')).toMatchObject({ success: true, logs: '' });
    expect((await api('/gateway/logs?tail=0')).status).toBe(400);
    expect(await json('/gateway/apiKeys')).toEqual({});
    const keys = await api('/gateway/apiKeys', { body: { api_keys: { infura: 'abc' } } });
    expect(keys.status).toBe(400);
    expect((await keys.json<{ detail: string }>()).detail).toMatch(/infura.*node_url/);
  });
});

describe('configuration through /gateway', () => {
  it('lists connectors, chains and networks as /config does, in snake_case', async () => {
    const connectors = await json<{ connectors: Record<string, unknown>[] }>('/gateway/connectors');
    const gateway = await json<{ connectors: Record<string, unknown>[] }>('/config/connectors');
    expect(connectors).toEqual(gateway);
    expect(await json('/gateway/chains')).toEqual(await json('/config/chains'));
    const { networks, count } = await json<{ networks: { network_id: string }[]; count: number }>('/gateway/networks');
    expect(networks).toContainEqual({ network_id: 'ethereum-localnet', chain: 'ethereum', network: 'localnet' });
    expect(count).toBe(networks.length);
  });

  it('reads and updates a connector and a network through the same configuration as /config (snake_case or camelCase paths)', async () => {
    expect(await json('/gateway/connectors/uniswap')).toMatchObject({ slippage_pct: 2 });
    try {
      const updated = await json('/gateway/connectors/uniswap', { body: { slippage_pct: 1.5 } });
      expect(updated).toMatchObject({ success: true, restart_required: false, results: [expect.any(Object)] });
      expect(await json('/config?namespace=uniswap')).toMatchObject({ slippagePct: 1.5 });
    } finally {
      await api('/config/update', { body: { namespace: 'uniswap', path: 'slippagePct', value: 2 } });
    }
    const network = await json('/gateway/networks/ethereum-localnet');
    expect(network).toMatchObject({ chain_id: 31337, native_currency_symbol: 'ETH', swap_provider: 'uniswap/router', default_network: expect.any(String) });
    try {
      await json('/gateway/networks/ethereum-localnet', { body: { transaction_execution_timeout_ms: 9000, geckoId: 'ethereum-test' } });
      expect(await json('/config?namespace=ethereum-localnet')).toMatchObject({ transactionExecutionTimeoutMs: 9000, geckoId: 'ethereum-test' });
    } finally {
      await api('/config/update', { body: { namespace: 'ethereum-localnet', path: 'transactionExecutionTimeoutMs', value: 10000 } });
      await api('/config/update', { body: { namespace: 'ethereum-localnet', path: 'geckoId', value: 'ethereum' } });
    }
    const refused = await api('/gateway/networks/ethereum-localnet', { body: { chain_id: 'one' } });
    expect(refused.status).toBe(400);
  });

  it('answers 400 naming an unknown connector or malformed network, 404 for an unknown one', async () => {
    const unknownConnector = await api('/gateway/connectors/sushiswap');
    expect(unknownConnector.status).toBe(400);
    expect((await unknownConnector.json<{ detail: string }>()).detail).toMatch(/Unknown connector 'sushiswap'/);
    const malformed = await api('/gateway/networks/localnet/tokens');
    expect(malformed.status).toBe(400);
    expect((await malformed.json<{ detail: string }>()).detail).toMatch(/Unknown network 'localnet'/);
    expect((await api('/gateway/networks/ethereum-nowhere')).status).toBe(404);
  });
});

describe('tokens and pools: one list for both surfaces', () => {
  const address = getAddress('0x00000000000000000000000000000000000c0de1');

  afterAll(async () => {
    await api(`/tokens/${address}?chainNetwork=ethereum-localnet`, { method: 'DELETE' });
  });

  it('a token added through /gateway/networks is in /tokens, and one added through /tokens is in /gateway/networks', async () => {
    const added = await api('/gateway/networks/ethereum-localnet/tokens', { body: { address, symbol: 'CODE', name: 'Code', decimals: 9 } });
    expect(added.status).toBe(200);
    expect(await added.json()).toMatchObject({ success: true, token: { address, symbol: 'CODE', decimals: 9, network_id: 'ethereum-localnet' } });
    expect(await json('/tokens/CODE?chain=ethereum&network=localnet')).toMatchObject({ token: { address, symbol: 'CODE', decimals: 9 } });

    const removed = await api(`/gateway/networks/ethereum-localnet/tokens/${address}`, { method: 'DELETE' });
    expect(await removed.json()).toMatchObject({ success: true });
    expect((await api('/tokens/CODE?chain=ethereum&network=localnet')).status).toBe(404);

    await api('/tokens', { body: { chainNetwork: 'ethereum-localnet', token: { address, symbol: 'CODE2', name: 'Code two', decimals: 12 } } });
    const { tokens } = await json<{ tokens: { symbol: string }[] }>('/gateway/networks/ethereum-localnet/tokens?search=code');
    expect(tokens.map((listed) => listed.symbol)).toEqual(['CODE2']);
    expect((await api(`/gateway/networks/ethereum-localnet/tokens/${getAddress('0x000000000000000000000000000000000000beef')}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('a pool removed or added through /gateway/networks is so in /pools, and the other way round (legacy /gateway/pools too)', async () => {
    const listedInPools = async () => (await json<{ address: string }[]>('/pools?chainNetwork=ethereum-localnet&connector=uniswap&type=amm')).some((pool) => pool.address === WETH_DAI);
    const listedInGateway = async () =>
      (await json<{ pools: { address: string; trading_pair: string }[] }>('/gateway/networks/ethereum-localnet/pools?connector=uniswap&pool_type=amm')).pools.some((pool) => pool.address === WETH_DAI);
    try {
      const { pools } = await json<{ pools: Record<string, unknown>[]; count: number }>('/gateway/networks/ethereum-localnet/pools?connector=uniswap&pool_type=amm&search=dai');
      expect(pools).toContainEqual({ type: 'amm', base: 'WETH', quote: 'DAI', trading_pair: 'WETH-DAI', base_token_address: WETH.address, quote_token_address: DAI.address, fee_pct: 0.3, address: WETH_DAI, network: 'localnet', connector: 'uniswap' });

      expect(await json(`/gateway/networks/ethereum-localnet/pools/${WETH_DAI}?pool_type=amm&connector=uniswap`, { method: 'DELETE' })).toMatchObject({ success: true });
      expect(await listedInPools()).toBe(false);
      const added = await api('/gateway/networks/ethereum-localnet/pools', { body: { connector_name: 'uniswap', type: 'amm', address: WETH_DAI, base: 'WETH', quote: 'DAI', base_address: WETH.address, quote_address: DAI.address, fee_pct: 0.3 } });
      expect(await added.json()).toMatchObject({ success: true });
      expect(await listedInPools()).toBe(true);

      await api(`/pools/${WETH_DAI}?chainNetwork=ethereum-localnet&connector=uniswap&type=amm`, { method: 'DELETE' });
      expect(await listedInGateway()).toBe(false);
      // Saved by address: the chain says what it is.
      const saved = await json(`/gateway/networks/ethereum-localnet/pools/save/${WETH_DAI}`, { method: 'POST' });
      expect(saved).toMatchObject({ success: true, pool: { address: WETH_DAI, trading_pair: 'WETH-DAI', type: 'amm' }, tokens_added: [], network_id: 'ethereum-localnet' });
      expect(await listedInGateway()).toBe(true);

      // The routes hummingbot-api-client 1.5.1 still calls.
      const legacy = await json<Record<string, unknown>[]>('/gateway/pools?connector_name=uniswap&network=localnet');
      expect(legacy).toContainEqual(expect.objectContaining({ address: WETH_DAI, trading_pair: 'WETH-DAI' }));
      expect(await json(`/gateway/pools/${WETH_DAI}?connector_name=uniswap&network=localnet&pool_type=amm`, { method: 'DELETE' })).toMatchObject({ success: true });
      expect(await listedInPools()).toBe(false);
      expect(await json('/gateway/pools', { body: { connector_name: 'uniswap', type: 'amm', network: 'localnet', base: 'WETH', quote: 'DAI', address: WETH_DAI } })).toMatchObject({ success: true, pool: { trading_pair: 'WETH-DAI' } });
      expect(await listedInPools()).toBe(true);
    } finally {
      if (!(await listedInPools())) await api(`/pools/save/${WETH_DAI}?chainNetwork=ethereum-localnet&connector=uniswap&type=amm`, { method: 'POST' });
    }
  });
});

describe('/gateway/wallets', () => {
  it('creates a wallet, shows its key with the passphrase and sends from it, as /wallet does', async () => {
    await withSnapshot(async () => {
      const created = await json<{ address: string; chain: string }>('/gateway/wallets/create', { body: { chain: 'ethereum', set_default: false } });
      expect(created).toEqual({ address: expect.stringMatching(/^0x[0-9a-fA-F]{40}$/), chain: 'ethereum' });
      const shown = await json('/gateway/wallets/show-private-key', { body: { chain: 'ethereum', address: created.address, passphrase: 'test-passphrase' } });
      expect(shown).toMatchObject({ address: created.address, private_key: expect.stringMatching(/^0x[0-9a-f]{64}$/) });
      expect((await api('/gateway/wallets/show-private-key', { body: { chain: 'ethereum', address: created.address, passphrase: 'wrong' } })).status).toBe(401);

      const dev = (await json<{ default_wallet: string }>('/gateway/networks/ethereum-localnet')).default_wallet;
      const sent = await json<{ status: number }>('/gateway/wallets/send', { body: { chain: 'ethereum', network: 'localnet', address: dev, to_address: created.address, amount: '0.25' } });
      expect(sent).toMatchObject({ status: 1, amount: '0.25', toAddress: created.address });
      expect(BigInt(await anvil<string>('eth_getBalance', [created.address, 'latest']))).toBe(250000000000000000n);
      const refused = await api('/gateway/wallets/send', { body: { chain: 'ethereum', network: 'localnet', address: dev, to_address: created.address, amount: '0' } });
      expect(refused.status).toBe(400);
    });
  });
});
