import { env } from 'cloudflare:test';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { exchangeMarkets } from '../../lib/db/schema';
import { MARKETS_MAX_AGE_MS } from '../../lib/exchanges/markets';
import { api } from '../support/http';

const MAPPED = [
  'binance', 'binance_perpetual', 'bybit', 'bybit_perpetual', 'okx', 'okx_perpetual', 'kucoin', 'gate_io', 'gate_io_perpetual',
  'kraken', 'coinbase_advanced_trade', 'bitget', 'bitget_perpetual', 'mexc', 'hyperliquid', 'hyperliquid_perpetual',
];

type Rule = Record<string, number | boolean | string | null>;

describe('/connectors (exchange catalogue)', () => {
  it('lists every mapped connector, with or without the trailing slash', async () => {
    for (const path of ['/connectors/', '/connectors']) {
      const names = await (await api(path)).json<string[]>();
      expect(names, path).toEqual(expect.arrayContaining(MAPPED));
    }
  });

  it("describes each connector's credential fields by Hummingbot's names", async () => {
    expect(await (await api('/connectors/binance/config-map')).json()).toEqual({
      binance_api_key: { type: 'SecretStr', required: true },
      binance_api_secret: { type: 'SecretStr', required: true },
    });
    expect(await (await api('/connectors/okx/config-map')).json()).toEqual({
      okx_api_key: { type: 'SecretStr', required: true },
      okx_secret_key: { type: 'SecretStr', required: true },
      okx_passphrase: { type: 'SecretStr', required: true },
      okx_registration_sub_domain: { type: 'Literal', required: false, allowed_values: ['www', 'app', 'my'] },
    });
    for (const name of MAPPED) expect((await api(`/connectors/${name}/config-map`)).status, name).toBe(200);
  });

  it('lists the order types each connector supports', async () => {
    expect(await (await api('/connectors/binance/order-types')).json()).toEqual({ connector: 'binance', supported_order_types: ['LIMIT', 'LIMIT_MAKER', 'MARKET'] });
    expect(await (await api('/connectors/bybit_perpetual/order-types')).json()).toEqual({ connector: 'bybit_perpetual', supported_order_types: ['LIMIT', 'MARKET'] });
  });

  it('answers 404 naming an unknown connector', async () => {
    for (const page of ['config-map', 'trading-rules', 'order-types']) {
      const response = await api(`/connectors/nasdaq/${page}`);
      expect(response.status, page).toBe(404);
      expect((await response.json<{ detail: string }>()).detail, page).toContain("Connector 'nasdaq' not found");
    }
  });

  it("serves trading rules computed from the exchange's filters, and keeps the markets in Postgres", async () => {
    const rules = await (await api('/connectors/binance/trading-rules')).json<Record<string, Rule>>();
    expect(Object.keys(rules)).toEqual(expect.arrayContaining(['BTC-USDT', 'ETH-USDT', 'SOL-USDT', 'BNB-USDT', 'ETH-BTC']));
    const btc = rules['BTC-USDT'];
    expect(btc).toMatchObject({ supports_limit_orders: true, supports_market_orders: true, buy_order_collateral_token: 'USDT', sell_order_collateral_token: 'USDT' });
    for (const field of ['min_order_size', 'min_price_increment', 'min_base_amount_increment', 'min_notional_size']) {
      expect(btc[field], field).toBeGreaterThan(0);
    }
    const [cached] = await getDb(env)
      .select({ fetchedAt: exchangeMarkets.fetchedAt })
      .from(exchangeMarkets)
      .where(and(eq(exchangeMarkets.connector, 'binance'), eq(exchangeMarkets.source, env.TEST_EXCHANGE_URL)));
    // Another file's exchange session may have stored them first: they are fresh, not necessarily this test's.
    expect(Date.now() - cached.fetchedAt.getTime()).toBeLessThan(MARKETS_MAX_AGE_MS);
  });

  it('filters trading rules by pair, with an error for a pair the exchange does not list', async () => {
    const rules = await (await api('/connectors/binance_perpetual/trading-rules?trading_pairs=BTC-USDT&trading_pairs=DOGE-USDT')).json<Record<string, Rule>>();
    expect(Object.keys(rules)).toEqual(['BTC-USDT', 'DOGE-USDT']);
    expect(rules['BTC-USDT'].min_order_size).toBeGreaterThan(0);
    expect(rules['DOGE-USDT']).toEqual({ error: 'Trading pair DOGE-USDT not found' });
    const one = await (await api('/connectors/binance/trading-rules?trading_pairs=ETH-BTC')).json<Record<string, Rule>>();
    expect(Object.keys(one)).toEqual(['ETH-BTC']);
  });

  it('answers 429 with Retry-After when the exchange rate-limits, 503 when it is unreachable', async () => {
    const limited = await api('/connectors/mexc/trading-rules');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ code: 'EXCHANGE_RATE_LIMITED' });
    const unreachable = await api('/connectors/kraken/trading-rules');
    expect(unreachable.status).toBe(503);
    expect(await unreachable.json()).toMatchObject({ code: 'EXCHANGE_UNAVAILABLE' });
  });
});
