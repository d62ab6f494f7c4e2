import type Exchange from '../../../node_modules/ccxt/js/src/base/Exchange.js';
import type { MarketInterface } from '../../../node_modules/ccxt/js/src/base/types.js';
import type { ExchangeConnector } from '../connectors';
import type { Candle } from './candle-row';

/** Candles per klines request: the exchange's maximum (Binance spot 1000, USD-M 1500), else CCXT's usual 500. */
const PAGE_LIMITS: Record<string, number> = { binance: 1000, binance_perpetual: 1500 };

export const klinesPageLimit = (connector: ExchangeConnector) => PAGE_LIMITS[connector.name] ?? 500;

type RawKline = [number, string, string, string, string, string, number, string, number, string, string, ...unknown[]];
type KlinesEndpoint = (params: Record<string, unknown>) => Promise<RawKline[]>;

// Binance's klines carry quote volume, trade count and taker volumes, which CCXT's OHLCV drops:
// they are read from its klines endpoint through CCXT (same signing-free request, same pacing).
function binanceKlines(exchange: Exchange, connector: ExchangeConnector): KlinesEndpoint | undefined {
  const api = exchange as unknown as Record<string, KlinesEndpoint | undefined>;
  if (exchange.id === 'binance' && connector.marketType === 'spot') return api.publicGetKlines?.bind(exchange);
  if (exchange.id === 'binanceusdm') return api.fapiPublicGetKlines?.bind(exchange);
  return undefined;
}

/** Up to `limit` candles opening at or after `since` (ms), oldest first: one exchange request. */
export async function fetchKlines(exchange: Exchange, connector: ExchangeConnector, market: MarketInterface, interval: string, since: number, limit: number): Promise<Candle[]> {
  const klines = binanceKlines(exchange, connector);
  if (klines) {
    const rows = await klines({ symbol: market.id, interval, startTime: since, limit });
    return rows.map((row) => ({
      openTime: Number(row[0]),
      open: String(row[1]),
      high: String(row[2]),
      low: String(row[3]),
      close: String(row[4]),
      volume: String(row[5]),
      quoteAssetVolume: String(row[7]),
      nTrades: Number(row[8]),
      takerBuyBaseVolume: String(row[9]),
      takerBuyQuoteVolume: String(row[10]),
    }));
  }
  const rows = await exchange.fetchOHLCV(market.symbol, interval, since, limit);
  // Other exchanges publish OHLCV only: the volumes they do not give are 0.
  return rows.map(([openTime, open, high, low, close, volume]) => ({
    openTime: Number(openTime),
    open: String(open),
    high: String(high),
    low: String(low),
    close: String(close),
    volume: String(volume),
    quoteAssetVolume: '0',
    nTrades: 0,
    takerBuyBaseVolume: '0',
    takerBuyQuoteVolume: '0',
  }));
}
