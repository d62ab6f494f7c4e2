// Hummingbot's exchange connectors, and the CCXT class, market type and credential fields behind each:
// the one table of them. Adding an exchange is one row here, with its class imported by path (the
// whole `ccxt` package is ~1.3 MiB gzip, one class ~100 KiB). Classes load on first use, so a worker
// (or a request) that never talks to an exchange never evaluates CCXT.
import type Exchange from '../../node_modules/ccxt/js/src/base/Exchange.js';
import { NotFoundError } from '../errors';

export type ExchangeClass = new (config?: Record<string, unknown>) => Exchange;
type ClassModule = Promise<{ default: ExchangeClass }>;

const ccxt = {
  binance: () => import('../../node_modules/ccxt/js/src/binance.js') as ClassModule,
  binanceusdm: () => import('../../node_modules/ccxt/js/src/binanceusdm.js') as ClassModule,
  bitget: () => import('../../node_modules/ccxt/js/src/bitget.js') as ClassModule,
  bybit: () => import('../../node_modules/ccxt/js/src/bybit.js') as ClassModule,
  coinbase: () => import('../../node_modules/ccxt/js/src/coinbase.js') as ClassModule,
  gate: () => import('../../node_modules/ccxt/js/src/gate.js') as ClassModule,
  hyperliquid: () => import('../../node_modules/ccxt/js/src/hyperliquid.js') as ClassModule,
  kraken: () => import('../../node_modules/ccxt/js/src/kraken.js') as ClassModule,
  kucoin: () => import('../../node_modules/ccxt/js/src/kucoin.js') as ClassModule,
  mexc: () => import('../../node_modules/ccxt/js/src/mexc.js') as ClassModule,
  okx: () => import('../../node_modules/ccxt/js/src/okx.js') as ClassModule,
};

/** Where a Hummingbot credential field goes in CCXT's constructor. */
export type CcxtCredential = 'apiKey' | 'secret' | 'password' | 'uid' | 'walletAddress' | 'privateKey';

/** One field of a connector's Hummingbot config map (`/connectors/{name}/config-map`). */
export interface CredentialField {
  /** Hummingbot's field name, e.g. `binance_api_key`. */
  name: string;
  /** Hummingbot's pydantic type name: `SecretStr`, `str`, `bool` or `Literal`. */
  type: 'SecretStr' | 'str' | 'bool' | 'Literal';
  required: boolean;
  allowedValues?: string[];
  /** The CCXT credential it fills; fields without one are kept but only Hummingbot reads them. */
  ccxt?: CcxtCredential;
}

export type HummingbotOrderType = 'LIMIT' | 'MARKET' | 'LIMIT_MAKER';

export interface ExchangeConnector {
  /** Hummingbot's connector name: `binance`, `binance_perpetual`... */
  name: string;
  /** Loads the CCXT class. */
  exchange: () => ClassModule;
  /** The CCXT markets this connector trades: spot, or perpetual swaps settled in the quote. */
  marketType: 'spot' | 'swap';
  /** CCXT options, e.g. to load only this connector's markets. */
  options?: Record<string, unknown>;
  credentials: CredentialField[];
  /** What Hummingbot's connector returns from `supported_order_types()`. */
  orderTypes: HummingbotOrderType[];
}

const secret = (name: string, ccxt: CcxtCredential): CredentialField => ({ name, type: 'SecretStr', required: true, ccxt });
const choice = (name: string, allowedValues: string[]): CredentialField => ({ name, type: 'Literal', required: false, allowedValues });
const flag = (name: string): CredentialField => ({ name, type: 'bool', required: false });
const text = (name: string): CredentialField => ({ name, type: 'str', required: false });

/** key + secret, as Hummingbot names them for `prefix` (`binance` → binance_api_key, binance_api_secret). */
const keyAndSecret = (prefix: string, secretSuffix: 'api_secret' | 'secret_key') => [secret(`${prefix}_api_key`, 'apiKey'), secret(`${prefix}_${secretSuffix}`, 'secret')];
const withPassphrase = (prefix: string) => [...keyAndSecret(prefix, 'secret_key'), secret(`${prefix}_passphrase`, 'password')];

const ALL_ORDER_TYPES: HummingbotOrderType[] = ['LIMIT', 'LIMIT_MAKER', 'MARKET'];
const SPOT_ONLY = { fetchMarkets: { types: ['spot'] } };
const LINEAR_ONLY = { fetchMarkets: { types: ['linear'] } };

// Binance: the signed currency and margin calls `loadMarkets` makes besides exchangeInfo are off
// (one failing fails it all, and trading rules need none of them).
const BINANCE_MARKETS_ONLY = { fetchCurrencies: false, fetchMargins: false };

const TABLE: ExchangeConnector[] = [
  { name: 'binance', exchange: ccxt.binance, marketType: 'spot', options: { ...BINANCE_MARKETS_ONLY, ...SPOT_ONLY }, credentials: keyAndSecret('binance', 'api_secret'), orderTypes: ALL_ORDER_TYPES },
  { name: 'binance_perpetual', exchange: ccxt.binanceusdm, marketType: 'swap', options: { ...BINANCE_MARKETS_ONLY, ...LINEAR_ONLY }, credentials: keyAndSecret('binance_perpetual', 'api_secret'), orderTypes: ALL_ORDER_TYPES },
  { name: 'bybit', exchange: ccxt.bybit, marketType: 'spot', options: SPOT_ONLY, credentials: keyAndSecret('bybit', 'api_secret'), orderTypes: ALL_ORDER_TYPES },
  { name: 'bybit_perpetual', exchange: ccxt.bybit, marketType: 'swap', options: LINEAR_ONLY, credentials: keyAndSecret('bybit_perpetual', 'secret_key'), orderTypes: ['LIMIT', 'MARKET'] },
  { name: 'okx', exchange: ccxt.okx, marketType: 'spot', options: SPOT_ONLY, credentials: [...withPassphrase('okx'), choice('okx_registration_sub_domain', ['www', 'app', 'my'])], orderTypes: ALL_ORDER_TYPES },
  { name: 'okx_perpetual', exchange: ccxt.okx, marketType: 'swap', options: { fetchMarkets: { types: ['swap'] } }, credentials: withPassphrase('okx_perpetual'), orderTypes: ALL_ORDER_TYPES },
  { name: 'kucoin', exchange: ccxt.kucoin, marketType: 'spot', credentials: withPassphrase('kucoin'), orderTypes: ALL_ORDER_TYPES },
  { name: 'gate_io', exchange: ccxt.gate, marketType: 'spot', credentials: keyAndSecret('gate_io', 'secret_key'), orderTypes: ALL_ORDER_TYPES },
  { name: 'gate_io_perpetual', exchange: ccxt.gate, marketType: 'swap', credentials: [...keyAndSecret('gate_io_perpetual', 'secret_key'), secret('gate_io_perpetual_user_id', 'uid')], orderTypes: ALL_ORDER_TYPES },
  { name: 'kraken', exchange: ccxt.kraken, marketType: 'spot', credentials: [...keyAndSecret('kraken', 'secret_key'), text('kraken_api_tier')], orderTypes: ALL_ORDER_TYPES },
  { name: 'coinbase_advanced_trade', exchange: ccxt.coinbase, marketType: 'spot', credentials: [flag('use_auth_for_public_endpoints'), ...keyAndSecret('coinbase_advanced_trade', 'api_secret')], orderTypes: ALL_ORDER_TYPES },
  { name: 'bitget', exchange: ccxt.bitget, marketType: 'spot', credentials: withPassphrase('bitget'), orderTypes: ALL_ORDER_TYPES },
  { name: 'bitget_perpetual', exchange: ccxt.bitget, marketType: 'swap', credentials: withPassphrase('bitget_perpetual'), orderTypes: ALL_ORDER_TYPES },
  { name: 'mexc', exchange: ccxt.mexc, marketType: 'spot', credentials: keyAndSecret('mexc', 'api_secret'), orderTypes: ALL_ORDER_TYPES },
  {
    name: 'hyperliquid',
    exchange: ccxt.hyperliquid,
    marketType: 'spot',
    credentials: [choice('hyperliquid_mode', ['arb_wallet', 'api_wallet']), flag('use_vault'), secret('hyperliquid_address', 'walletAddress'), secret('hyperliquid_secret_key', 'privateKey')],
    orderTypes: ALL_ORDER_TYPES,
  },
  {
    name: 'hyperliquid_perpetual',
    exchange: ccxt.hyperliquid,
    marketType: 'swap',
    credentials: [choice('hyperliquid_perpetual_mode', ['arb_wallet', 'api_wallet']), flag('use_vault'), secret('hyperliquid_perpetual_address', 'walletAddress'), secret('hyperliquid_perpetual_secret_key', 'privateKey')],
    orderTypes: ALL_ORDER_TYPES,
  },
];

export const EXCHANGE_CONNECTORS: ReadonlyMap<string, ExchangeConnector> = new Map(TABLE.map((row) => [row.name, row]));

/** The connector called `name`; a 404 naming it otherwise. */
export function exchangeConnector(name: string): ExchangeConnector {
  const connector = EXCHANGE_CONNECTORS.get(name);
  if (!connector) throw new NotFoundError(`Connector '${name}' not found. Available connectors: ${[...EXCHANGE_CONNECTORS.keys()].join(', ')}`, 'CONNECTOR_NOT_FOUND');
  return connector;
}
