import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { CHAIN_CONFIG, CHAINS } from '../../lib/config/networks';
import { CONNECTOR_REGISTRY } from '../../lib/connectors/registry';
import type { TradingType } from '../../lib/connectors/spec';
import chains from '../../workers/chains';
import { api } from '../support/http';

describe('network defaults', () => {
  it("every default swapProvider names a connector schema of the network's chain that serves the network", () => {
    for (const chain of CHAINS) {
      for (const [network, defaults] of Object.entries(CHAIN_CONFIG[chain].networks)) {
        if (!defaults.swapProvider) continue;
        const [dex, type] = defaults.swapProvider.split('/');
        const connector = CONNECTOR_REGISTRY[dex];
        expect(connector?.chain, `${chain}-${network}: ${defaults.swapProvider}`).toBe(chain);
        const schema = connector?.[type as TradingType];
        expect(schema?.networks[network], `${chain}-${network}: ${defaults.swapProvider}`).toBeDefined();
      }
    }
  });
});

describe('/config', () => {
  it('lists chains with their networks, localnet included', async () => {
    const { chains } = await (await api('/config/chains')).json<{ chains: { chain: string; networks: string[] }[] }>();
    expect(chains.find((entry) => entry.chain === 'ethereum')?.networks).toEqual([
      'arbitrum', 'avalanche', 'base', 'bsc', 'celo', 'localnet', 'mainnet', 'optimism', 'polygon', 'sepolia',
    ]);
    expect(chains.find((entry) => entry.chain === 'solana')?.networks).toEqual(['devnet', 'localnet', 'mainnet-beta']);
  });

  it('answers a chain-network namespace with its chain fields merged in, and marks local networks', async () => {
    const config = await (await api('/config?namespace=ethereum-localnet')).json<Record<string, unknown>>();
    expect(config).toMatchObject({ chainID: 31337, nativeCurrencySymbol: 'ETH', local: true, defaultNetwork: 'localnet' });
    const all = await (await api('/config')).json<Record<string, unknown>>();
    expect(Object.keys(all)).toEqual(expect.arrayContaining(['server', 'ethereum', 'solana', 'ethereum-mainnet', 'solana-mainnet-beta']));
    expect(all['ethereum-mainnet']).not.toHaveProperty('local');
  });

  it('answers 404 for an unknown namespace', async () => {
    const response = await api('/config?namespace=ethereum-goerli');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ message: "Namespace 'ethereum-goerli' not found" });
    const update = await api('/config/update', { body: { namespace: 'ethereum-goerli', path: 'nodeURL', value: 'http://x' } });
    expect(update.status).toBe(404);
  });

  it('stores an update, coercing a string to the type it replaces, and applies it at once', async () => {
    const response = await api('/config/update', { body: { namespace: 'server', path: 'port', value: '16000' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ message: "Configuration updated successfully: 'server.port' set to 16000" });
    expect(await (await api('/config?namespace=server')).json()).toMatchObject({ port: 16000 });
    expect((await api('/restart', { method: 'POST', body: {} })).status).toBe(200);
    await api('/config/update', { body: { namespace: 'server', path: 'port', value: 15888 } });
  });

  it('writes a chain field sent to a chain-network namespace to the chain', async () => {
    const response = await api('/config/update', { body: { namespace: 'solana-devnet', path: 'rpcProvider', value: 'url' } });
    expect(await response.json()).toEqual({ message: "Configuration updated successfully: 'solana.rpcProvider' set to \"url\"" });
  });

  it('refuses a value its schema rejects, and a request missing fields, with 400 and nothing written', async () => {
    const invalid = await api('/config/update', { body: { namespace: 'ethereum-localnet', path: 'chainID', value: 'not-a-number' } });
    expect(invalid.status).toBe(400);
    expect((await invalid.json<{ message: string }>()).message).toMatch(/^Cannot set ethereum-localnet.chainID to "not-a-number": JSON schema violation/);
    const unknownField = await api('/config/update', { body: { namespace: 'server', path: 'color', value: 'blue' } });
    expect(unknownField.status).toBe(400);
    const missing = await api('/config/update', { body: { namespace: 'server' } });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ validation: [{ field: 'path' }, { field: 'value' }] });
    expect(await (await api('/config?namespace=ethereum-localnet')).json()).toMatchObject({ chainID: 31337 });
  });

  it('lists namespaces sorted', async () => {
    const { namespaces } = await (await api('/config/namespaces')).json<{ namespaces: string[] }>();
    expect(namespaces).toEqual([...namespaces].sort());
    expect(namespaces).toContain('ethereum-localnet');
  });
});

describe('a production deploy', () => {
  it('never defaults to a local network, and still lists localnet marked as local', async () => {
    const production = { ...env, ENVIRONMENT: 'production' };
    for (const chain of ['ethereum', 'solana']) {
      const config = await (await chains.request(`/config?namespace=${chain}`, {}, production)).json<{ defaultNetwork: string }>();
      expect(config.defaultNetwork).toBe(chain === 'ethereum' ? 'mainnet' : 'mainnet-beta');
    }
    const localnet = await (await chains.request('/config?namespace=solana-localnet', {}, production)).json();
    expect(localnet).toMatchObject({ local: true });
  });
});

describe('default swap providers', () => {
  it("name, on every network, a listed connector of the network's chain with that schema, serving that network", async () => {
    const all = await (await api('/config')).json<Record<string, { swapProvider?: string }>>();
    const { connectors } = await (await api('/config/connectors')).json<{ connectors: { name: string; chain: string; trading_types: string[]; networks: string[] }[] }>();
    const { chains } = await (await api('/config/chains')).json<{ chains: { chain: string; networks: string[] }[] }>();
    for (const { chain, networks } of chains) {
      for (const network of networks) {
        const provider = all[`${chain}-${network}`].swapProvider;
        if (provider === undefined) continue;
        const [name, type] = provider.split('/');
        const connector = connectors.find((entry) => entry.name === name);
        expect(connector, `${chain}-${network}: ${provider}`).toMatchObject({ chain, trading_types: expect.arrayContaining([type]), networks: expect.arrayContaining([network]) });
      }
    }
  });
});
