import { describe, expect, it } from 'vitest';
import { upstreamFor } from '../../workers/edge/routing';
import { api } from '../support/http';

describe('routing through the edge', () => {
  it('reaches every router worker, each reporting its database', async () => {
    for (const worker of ['chains', 'connectors', 'gateway', 'trading', 'portfolio', 'market-data']) {
      const response = await api(`/${worker}/health`);
      expect(response.status, worker).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', worker, database: { reachable: true, latencyMs: expect.any(Number) } });
    }
    const bots = await api('/bot-orchestration/health');
    expect(await bots.json()).toMatchObject({ status: 'ok', worker: 'bots' });
  });

  it('answers GET / with the status Hummingbot pings for', async () => {
    const response = await api('/', { auth: null });
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('decides shared prefixes by the path shape', () => {
    expect(upstreamFor('/connectors')).toBe('TRADING');
    expect(upstreamFor('/connectors/binance/config-map')).toBe('TRADING');
    expect(upstreamFor('/connectors/binance/trading-rules')).toBe('TRADING');
    expect(upstreamFor('/connectors/uniswap/amm/quote-swap')).toBe('CONNECTORS');
    expect(upstreamFor('/connectors/health')).toBe('CONNECTORS');
    expect(upstreamFor('/trading/swap/quote')).toBe('CONNECTORS');
    expect(upstreamFor('/trading/clmm/open')).toBe('CONNECTORS');
    expect(upstreamFor('/trading/orders/search')).toBe('TRADING');
    expect(upstreamFor('/wallet/add')).toBe('CHAINS');
    expect(upstreamFor('/gateway/swap/quote')).toBe('GATEWAY');
    expect(upstreamFor('/gateway/networks/ethereum-localnet/pools')).toBe('GATEWAY');
    expect(upstreamFor('/accounts/gateway/wallets/')).toBe('TRADING');
    expect(upstreamFor('/nowhere')).toBeUndefined();
  });
});
