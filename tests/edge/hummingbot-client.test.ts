import { beforeAll, describe, expect, it } from 'vitest';
import { localnetDevWallet } from '../../lib/chains/ethereum/localnet';
import { DEV_ACCOUNTS } from '../../tools/exchange/dev-accounts';
import { dev, token } from '../connectors/chain';
import { approveClmm, V3_POOLS } from '../connectors/clmm-chain';
import { addDevWallet, withSnapshot } from '../support/chain';
import { api } from '../support/http';
import { accountWithKeys } from '../trading/support';
import { CLIENT_CALLS, HUMMINGBOT_CLIENT_VERSION, type ClientCallKey } from './hummingbot-client-routes';

/** Anvil's tenth dev account: a wallet this file adds and removes through /accounts/gateway. */
const SPARE_KEY = '0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6';
const SPARE_ADDRESS = '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720';
const POOL = V3_POOLS['WETH-USDC-3000'].address;
const USDC = token('USDC');

type Query = Record<string, string | number | string[]>;

/** One client call as the Python client sends it: path arguments, query parameters (aiohttp `params`), JSON body. */
interface ClientRequest {
  args?: Record<string, string>;
  query?: Query;
  /** `undefined`: the client sends no body (`json=None`). */
  body?: unknown;
  /** What the client reads from a success, checked on the answer. */
  shape: (answer: unknown) => void;
  /** Status of an answer that is right for this request but not a 2xx (e.g. stopping the built-in gateway). */
  status?: number;
}

const array = (answer: unknown) => expect(answer).toBeInstanceOf(Array);
const object = (answer: unknown) => {
  expect(answer).toBeTypeOf('object');
  expect(answer).not.toBeInstanceOf(Array);
};
const page = (answer: unknown) => expect(answer).toMatchObject({ data: expect.any(Array), pagination: expect.any(Object) });
const withFields = (fields: Record<string, unknown>) => (answer: unknown) => expect(answer).toMatchObject(fields);

const exchangePair = { connector_name: 'binance', trading_pair: 'BTC-USDT' };
const evmLocalnet = { connector: 'uniswap', network: 'ethereum-localnet' };

/** Filled in `beforeAll`: the account holding dev keys, and a name to create and delete. */
const names = { trader: '', scratch: `clientcov_${crypto.randomUUID().slice(0, 8)}` };

/**
 * Every call, in the order a session would make them (an account is added before it is deleted). Typed by
 * `ClientCallKey`: a call missing here, or one the client does not make, fails the typecheck.
 */
const requests = (): Record<ClientCallKey, ClientRequest> => ({
  'accounts.list_accounts': { shape: (answer) => expect(answer).toContain('master_account') },
  'accounts.add_account': { query: { account_name: names.scratch }, shape: object },
  'accounts.list_account_credentials': { args: { account_name: names.trader }, shape: (answer) => expect(answer).toContain('binance') },
  'accounts.add_credential': {
    args: { account_name: names.scratch, connector_name: 'binance' },
    body: { binance_api_key: DEV_ACCOUNTS[2].apiKey, binance_api_secret: DEV_ACCOUNTS[2].apiSecret },
    shape: object,
  },
  'accounts.delete_credential': { args: { account_name: names.scratch, connector_name: 'binance' }, shape: object },
  'accounts.delete_account': { query: { account_name: names.scratch }, shape: object },
  'accounts.add_gateway_wallet': { body: { chain: 'ethereum', private_key: SPARE_KEY }, shape: withFields({ address: SPARE_ADDRESS }) },
  'accounts.list_gateway_wallets': { shape: array },
  'accounts.set_default_gateway_wallet': { body: { chain: 'ethereum', address: dev }, shape: object },
  'accounts.remove_gateway_wallet': { args: { chain: 'ethereum', address: SPARE_ADDRESS }, shape: object },

  'connectors.list_connectors': { shape: (answer) => expect(answer).toContain('binance') },
  'connectors.get_config_map': { args: { connector_name: 'binance' }, shape: (answer) => expect(JSON.stringify(answer)).toContain('binance_api_key') },
  'connectors.get_trading_rules': { args: { connector_name: 'binance' }, query: { trading_pairs: ['BTC-USDT'] }, shape: (answer) => expect(answer).toHaveProperty(['BTC-USDT']) },
  'connectors.get_supported_order_types': { args: { connector_name: 'binance' }, shape: object },

  'trading.place_order': {
    body: { account_name: 'TRADER', connector_name: 'binance', trading_pair: 'BTC-USDT', trade_type: 'BUY', amount: 0.001, order_type: 'LIMIT', price: 10_000, position_action: 'OPEN' },
    shape: withFields({ order_id: expect.any(String) }),
    status: 201,
  },
  'trading.cancel_order': { args: { account_name: 'TRADER', connector_name: 'binance', client_order_id: 'ORDER' }, shape: object },
  'trading.get_positions': { body: { limit: 50, account_names: ['TRADER'], connector_names: ['binance_perpetual'] }, shape: page },
  'trading.get_active_orders': { body: { limit: 50, account_names: ['TRADER'] }, shape: page },
  'trading.search_orders': { body: { limit: 50, account_names: ['TRADER'] }, shape: (answer) => expect((answer as { data: unknown[] }).data).toContainEqual(expect.objectContaining({ order_id: produced.ORDER })) },
  'trading.get_trades': { body: { limit: 50, trading_pairs: ['BTC-USDT'], start_time: Math.floor(Date.now() / 1000) - 86_400 }, shape: page },
  'trading.get_funding_payments': { body: { limit: 50, account_names: ['TRADER'], trading_pair: 'BTC-USDT' }, shape: page },
  'trading.get_position_mode': { args: { account_name: 'TRADER', connector_name: 'binance_perpetual' }, shape: withFields({ position_mode: expect.any(String) }) },
  'trading.set_position_mode': { args: { account_name: 'TRADER', connector_name: 'binance_perpetual' }, body: { position_mode: 'ONEWAY' }, shape: object },
  'trading.set_leverage': { args: { account_name: 'TRADER', connector_name: 'binance_perpetual' }, body: { trading_pair: 'BTC-USDT', leverage: 5 }, shape: object },

  'portfolio.get_state': {
    body: { account_names: ['TRADER'], connector_names: ['binance'], skip_gateway: true },
    // get_total_value and get_token_holdings walk account → connector → rows.
    shape: (answer) => expect(Object.values(answer as Record<string, Record<string, unknown>>)[0].binance).toContainEqual(expect.objectContaining({ token: 'USDT', units: expect.any(Number), price: expect.any(Number), value: expect.any(Number) })),
  },
  'portfolio.get_history': { body: { limit: 100, account_names: ['TRADER'], interval: '1h' }, shape: page },
  'portfolio.get_distribution': { body: { account_names: ['TRADER'] }, shape: withFields({ total_portfolio_value: expect.any(Number), distribution: expect.any(Array) }) },
  'portfolio.get_accounts_distribution': { shape: withFields({ total_portfolio_value: expect.any(Number), distribution: expect.any(Array) }) },

  'market_data.get_candles': { body: { ...exchangePair, interval: '1m', max_records: 10 }, shape: (answer) => expect((answer as unknown[])[0]).toMatchObject({ timestamp: expect.any(Number), close: expect.any(Number) }) },
  'market_data.get_historical_candles': { body: { ...exchangePair, interval: '1h', start_time: Math.floor(Date.now() / 1000) - 86_400, end_time: Math.floor(Date.now() / 1000) }, shape: array },
  'market_data.get_available_candle_connectors': { shape: (answer) => expect(answer).toContain('binance') },
  'market_data.get_active_feeds': { shape: (answer) => expect(answer).toHaveProperty(['candles_binance_BTC-USDT_1m']) },
  'market_data.get_market_data_settings': { shape: object },
  'market_data.get_prices': { body: { connector_name: 'binance', trading_pairs: ['BTC-USDT', 'ETH-USDT'] }, shape: withFields({ prices: { 'BTC-USDT': expect.any(Number) } }) },
  'market_data.get_funding_info': { body: { connector_name: 'binance_perpetual', trading_pair: 'BTC-USDT' }, shape: object },
  'market_data.get_order_book': { body: { ...exchangePair, depth: 10 }, shape: withFields({ bids: expect.any(Array), asks: expect.any(Array) }) },
  'market_data.get_price_for_volume': { body: { ...exchangePair, volume: 0.1, is_buy: true }, shape: object },
  'market_data.get_volume_for_price': { body: { ...exchangePair, price: 50_000, is_buy: true }, shape: object },
  'market_data.get_price_for_quote_volume': { body: { ...exchangePair, quote_volume: 1000, is_buy: true }, shape: object },
  'market_data.get_quote_volume_for_price': { body: { ...exchangePair, price: 50_000, is_buy: false }, shape: object },
  'market_data.get_vwap_for_volume': { body: { ...exchangePair, volume: 0.1, is_buy: false }, shape: object },
  'market_data.add_trading_pair': { body: { ...exchangePair, account_name: 'TRADER', timeout: 30 }, shape: withFields({ success: true }) },
  'market_data.get_order_book_diagnostics': { args: { connector_name: 'binance' }, shape: withFields({ connector_name: 'binance', trading_pairs: expect.arrayContaining(['BTC-USDT']) }) },
  'market_data.restart_order_book_tracker': { args: { connector_name: 'binance' }, shape: withFields({ success: true }) },
  'market_data.remove_trading_pair': { body: exchangePair, shape: withFields({ success: true }) },

  'gateway.get_status': { shape: withFields({ running: true }) },
  'gateway.start': { body: { image: 'hummingbot/gateway:latest', port: 15888 }, shape: object },
  'gateway.stop': { shape: object, status: 409 },
  'gateway.restart': { shape: object },
  'gateway.get_logs': { query: { tail: 100 }, shape: object },
  'gateway.list_connectors': { shape: object },
  'gateway.get_connector_config': { args: { connector_name: 'uniswap' }, shape: object },
  'gateway.update_connector_config': { args: { connector_name: 'uniswap' }, body: { slippage_pct: 2 }, shape: withFields({ success: true }) },
  'gateway.get_api_keys': { shape: object },
  'gateway.update_api_keys': { body: { api_keys: { infura: 'key' } }, shape: object, status: 400 },
  'gateway.list_chains': { shape: object },
  'gateway.list_pools': { query: { connector_name: 'uniswap', network: 'localnet' }, shape: array },
  'gateway.delete_pool': { args: { address: POOL }, query: { connector_name: 'uniswap', network: 'localnet', pool_type: 'clmm' }, shape: withFields({ success: true }) },
  'gateway.add_pool': { body: { connector_name: 'uniswap', type: 'clmm', network: 'localnet', base: 'WETH', quote: 'USDC', address: POOL }, shape: withFields({ success: true }) },
  'gateway.list_networks': { shape: withFields({ networks: expect.any(Array) }) },
  'gateway.get_network_config': { args: { network_id: 'ethereum-localnet' }, shape: object },
  'gateway.update_network_config': { args: { network_id: 'ethereum-localnet' }, body: { transaction_execution_timeout_ms: 10_000 }, shape: withFields({ success: true }) },
  'gateway.get_network_tokens': { args: { network_id: 'ethereum-localnet' }, query: { search: 'USD' }, shape: withFields({ tokens: expect.any(Array) }) },
  'gateway.delete_token': { args: { network_id: 'ethereum-localnet', token_address: USDC.address }, shape: withFields({ success: true }) },
  'gateway.save_network_token': { args: { network_id: 'ethereum-localnet', token_address: USDC.address }, shape: withFields({ success: true, token: { symbol: 'USDC', decimals: 6 } }) },
  'gateway.add_token': { args: { network_id: 'ethereum-localnet' }, body: { address: USDC.address, symbol: 'USDC', decimals: 6, name: USDC.name }, shape: withFields({ success: true }) },
  'gateway.get_network_pools': { args: { network_id: 'ethereum-localnet' }, query: { connector: 'uniswap', pool_type: 'clmm' }, shape: withFields({ pools: expect.any(Array) }) },
  'gateway.delete_network_pool': { args: { network_id: 'ethereum-localnet', address: POOL }, query: { pool_type: 'clmm' }, shape: withFields({ success: true }) },
  'gateway.add_network_pool': { args: { network_id: 'ethereum-localnet' }, body: { connector_name: 'uniswap', type: 'clmm', address: POOL }, shape: withFields({ success: true }) },
  'gateway.save_network_pool': { args: { network_id: 'ethereum-localnet', pool_address: POOL }, shape: withFields({ success: true }) },
  'gateway.create_wallet': { body: { chain: 'ethereum', set_default: false }, shape: withFields({ address: expect.any(String) }) },
  'gateway.show_private_key': { body: { chain: 'ethereum', address: dev, passphrase: 'test-passphrase' }, shape: withFields({ privateKey: localnetDevWallet.privateKey }) },
  'gateway.send_transaction': { body: { chain: 'ethereum', network: 'localnet', address: dev, to_address: SPARE_ADDRESS, amount: '0.001' }, shape: object },

  'gateway_swap.get_swap_quote': { body: { ...evmLocalnet, trading_pair: 'WETH-USDC', side: 'SELL', amount: '0.01', slippage_pct: '1.0' }, shape: withFields({ amount_out: expect.any(Number) }) },
  'gateway_swap.execute_swap': { body: { ...evmLocalnet, trading_pair: 'WETH-USDC', side: 'SELL', amount: '0.01', slippage_pct: '1.0', wallet_address: dev }, shape: withFields({ transaction_hash: expect.any(String) }) },
  'gateway_swap.get_swap_status': { args: { transaction_hash: 'SWAP' }, shape: withFields({ status: expect.stringMatching(/^(SUBMITTED|CONFIRMED)$/), trading_pair: 'WETH-USDC' }) },
  'gateway_swap.search_swaps': { body: { network: 'ethereum-localnet', connector: 'uniswap', limit: 50, offset: 0 }, shape: page },
  'gateway_swap.get_swaps_summary': { query: { network: 'ethereum-localnet', wallet_address: dev }, shape: object },

  'gateway_clmm.get_pool_info': { query: { ...evmLocalnet, pool_address: POOL }, shape: object },
  'gateway_clmm.get_pools': { query: { connector: 'uniswap', page: 0, limit: 50, include_unknown: 'true' }, shape: withFields({ pools: expect.any(Array) }) },
  'gateway_clmm.open_position': { body: { ...evmLocalnet, pool_address: POOL, lower_price: '2000', upper_price: '4000', quote_token_amount: '100', slippage_pct: '1.0' }, shape: withFields({ position_address: expect.any(String) }) },
  'gateway_clmm.get_positions_owned': { body: { ...evmLocalnet, pool_address: POOL }, shape: array },
  'gateway_clmm.collect_fees': { body: { ...evmLocalnet, position_address: 'POSITION' }, shape: withFields({ transaction_hash: expect.any(String) }) },
  'gateway_clmm.close_position': { body: { ...evmLocalnet, position_address: 'POSITION' }, shape: withFields({ transaction_hash: expect.any(String) }) },
  'gateway_clmm.get_position_events': { args: { position_address: 'POSITION' }, query: { limit: 100 }, shape: withFields({ data: expect.any(Array) }) },
  'gateway_clmm.search_positions': { body: { limit: 50, offset: 0, refresh: false, network: 'ethereum-localnet' }, shape: (answer) => expect((answer as { data: unknown[] }).data).toContainEqual(expect.objectContaining({ position_address: produced.POSITION })) },
  'executors.get_available_executor_types': { shape: (answer) => expect((answer as { executor_types: { type: string }[] }).executor_types).toContainEqual(expect.objectContaining({ type: 'order_executor' })) },
  'executors.get_executor_config_schema': { args: { executor_type: 'order_executor' }, shape: withFields({ executor_type: 'order_executor', fields: expect.arrayContaining([expect.objectContaining({ name: 'amount', required: true })]) }) },
  'executors.create_executor': {
    body: { executor_config: { type: 'order_executor', connector_name: 'binance', trading_pair: 'BTC-USDT', side: 1, amount: 0.001, execution_strategy: 'LIMIT', price: 10000 }, account_name: 'TRADER', controller_id: 'clientcov' },
    shape: withFields({ executor_type: 'order_executor', status: 'RUNNING' }),
  },
  'executors.search_executors': { body: { limit: 50, controller_ids: ['clientcov'] }, shape: page },
  'executors.get_summary': { shape: withFields({ total_active: expect.any(Number), by_type: expect.any(Object) }) },
  'executors.get_performance_report': { query: { controller_id: 'clientcov' }, shape: withFields({ by_type: expect.any(Object), win_rate: null }) },
  'executors.get_executor': { args: { executor_id: 'EXECUTOR' }, shape: withFields({ executor_type: 'order_executor', trading_pair: 'BTC-USDT' }) },
  'executors.get_executor_logs': { args: { executor_id: 'EXECUTOR' }, query: { limit: 100 }, shape: withFields({ logs: expect.any(Array) }) },
  'executors.stop_executor': { args: { executor_id: 'EXECUTOR' }, body: { keep_position: false }, shape: withFields({ status: 'stopping', keep_position: false }) },
  'executors.get_positions_summary': { shape: withFields({ positions: expect.any(Array) }) },
  'executors.get_position_held': { args: { connector_name: 'binance', trading_pair: 'ETH-BTC' }, query: { account_name: 'TRADER' }, status: 404, shape: object },
  'executors.clear_position_held': { args: { connector_name: 'binance', trading_pair: 'ETH-BTC' }, query: { account_name: 'TRADER' }, status: 404, shape: object },
});

/** Values one call's answer gives later calls (an order to cancel, a swap to look up, a position to close). */
const produced: Record<string, string> = {};
const substitute = (value: unknown): unknown => {
  if (typeof value === 'string') return produced[value] ?? (value === 'TRADER' ? names.trader : value);
  if (Array.isArray(value)) return value.map(substitute);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item)]));
  return value;
};

/** The URL the client builds: the path with its arguments, then aiohttp's `params` (a list repeats its key). */
function clientUrl(template: string, request: ClientRequest): string {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(substitute(request.args?.[name]) as string));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries((substitute(request.query) as Query | undefined) ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  return search.size ? `${path}?${search}` : path;
}

const ROUTE_NOT_FOUND = /^Route \w+:\S+ not found$/;

beforeAll(async () => {
  await addDevWallet();
  names.trader = await accountWithKeys(DEV_ACCOUNTS[1]);
  const perpetual = await api(`/accounts/add-credential/${names.trader}/binance_perpetual`, { body: { binance_perpetual_api_key: DEV_ACCOUNTS[1].apiKey, binance_perpetual_api_secret: DEV_ACCOUNTS[1].apiSecret } });
  expect(perpetual.status).toBe(201);
});

describe(`hummingbot-api-client ${HUMMINGBOT_CLIENT_VERSION} through the edge`, () => {
  it('lists each call of its nine routers once', () => {
    const keys = CLIENT_CALLS.map(({ router, method }) => `${router}.${method}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(requests()).sort()).toEqual([...keys].sort());
  });

  it('documents every call in /openapi.json under its HTTP method', async () => {
    const { paths } = await (await api('/openapi.json', { auth: null })).json<{ paths: Record<string, Record<string, unknown>> }>();
    // Parameter names are the server's own; the client's trailing slash is the same route.
    const shapeOf = (path: string) => path.replace(/\/$/, '').replace(/\{[^}]+\}/g, '{}');
    const documented = new Set(Object.entries(paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${shapeOf(path)}`)));
    const undocumented = CLIENT_CALLS.filter(({ http, path }) => !documented.has(`${http} ${shapeOf(path)}`)).map(({ router, method }) => `${router}.${method}`);
    expect(undocumented).toEqual([]);
  });

  it('answers every call with JSON in the shape the client reads: no unknown route, no 5xx', async () => {
    await withSnapshot(async () => {
      expect((await api('/chains/ethereum/approve', { body: { network: 'localnet', spender: 'uniswap/router', token: 'WETH' } })).status).toBe(200);
      for (const symbol of ['WETH', 'USDC']) await approveClmm(symbol, 'uniswap/clmm');
      const table = requests();
      // Every call is made and judged; the failures are reported together.
      const failures: string[] = [];
      for (const [key, request] of Object.entries(table) as [ClientCallKey, ClientRequest][]) {
        const call = CLIENT_CALLS.find(({ router, method }) => `${router}.${method}` === key)!;
        const url = clientUrl(call.path, request);
        const response = await api(url, { method: call.http, body: substitute(request.body) });
        const text = await response.text();
        try {
          expect(response.headers.get('content-type')).toMatch(/^application\/json/);
          const answer: unknown = JSON.parse(text);
          // A 404 is right only for a resource the route does not know, never for the route itself.
          if (response.status === 404) expect((answer as { message: string }).message).not.toMatch(ROUTE_NOT_FOUND);
          expect(response.status).toBe(request.status ?? (response.ok ? response.status : 200));
          request.shape(answer);
          if (key === 'executors.create_executor') produced.EXECUTOR = (answer as { executor_id: string }).executor_id;
          if (key === 'trading.place_order') produced.ORDER = (answer as { order_id: string }).order_id;
          if (key === 'gateway_swap.execute_swap') produced.SWAP = (answer as { transaction_hash: string }).transaction_hash;
          if (key === 'gateway_clmm.open_position') produced.POSITION = (answer as { position_address: string }).position_address;
        } catch (error) {
          failures.push(`${key}: ${call.http} ${url} → ${response.status} ${text.slice(0, 300)} (${error instanceof Error ? error.message.split('\n')[0] : error})`);
        }
      }
      expect(failures).toEqual([]);
    }).finally(async () => {
      // The token and pool calls delete then re-add USDC and the pool: listed again whatever failed.
      await api('/gateway/networks/ethereum-localnet/tokens', { body: { address: USDC.address, symbol: 'USDC', decimals: 6, name: USDC.name } });
      await api(`/gateway/networks/ethereum-localnet/pools/save/${POOL}`, { method: 'POST' });
    });
  });
});
