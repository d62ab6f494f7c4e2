// The symbols the local exchange lists, with Binance's filter shapes (filters.md) and realistic
// steps, and the anchor prices the simulated market walks around.
import { dec } from './decimal';

export interface SymbolRules {
  symbol: string;
  baseAsset: string;
  quoteAsset: string;
  /** Price the simulated market starts from (before the seeded walk). */
  anchorPrice: string;
  tickSize: bigint;
  minPrice: bigint;
  maxPrice: bigint;
  stepSize: bigint;
  minQty: bigint;
  maxQty: bigint;
  /** MARKET_LOT_SIZE; a zero step disables the step rule, as Binance publishes it. */
  marketStepSize: bigint;
  marketMinQty: bigint;
  marketMaxQty: bigint;
  minNotional: bigint;
  maxNotional: bigint;
}

export interface PerpetualRules extends SymbolRules {
  pricePrecision: number;
  quantityPrecision: number;
  maxLeverage: number;
  onboardDate: number;
}

function rules(symbol: string, base: string, quote: string, anchorPrice: string, tick: string, step: string, extra: Partial<Record<string, string>>): SymbolRules {
  return {
    symbol,
    baseAsset: base,
    quoteAsset: quote,
    anchorPrice,
    tickSize: dec(tick),
    minPrice: dec(extra.minPrice ?? tick),
    maxPrice: dec(extra.maxPrice ?? '1000000'),
    stepSize: dec(step),
    minQty: dec(extra.minQty ?? step),
    maxQty: dec(extra.maxQty ?? '9000'),
    marketStepSize: dec(extra.marketStepSize ?? '0'),
    marketMinQty: dec(extra.marketMinQty ?? '0'),
    marketMaxQty: dec(extra.marketMaxQty ?? '100'),
    minNotional: dec(extra.minNotional ?? '5'),
    maxNotional: dec(extra.maxNotional ?? '9000000'),
  };
}

export const SPOT_SYMBOLS: SymbolRules[] = [
  rules('BTCUSDT', 'BTC', 'USDT', '95000', '0.01', '0.00001', { marketMaxQty: '88' }),
  rules('ETHUSDT', 'ETH', 'USDT', '3400', '0.01', '0.0001', { marketMaxQty: '2200' }),
  rules('SOLUSDT', 'SOL', 'USDT', '180', '0.01', '0.001', { marketMaxQty: '40000' }),
  rules('BNBUSDT', 'BNB', 'USDT', '650', '0.01', '0.001', { marketMaxQty: '9000' }),
  rules('ETHBTC', 'ETH', 'BTC', '0.0358', '0.00001', '0.0001', { maxPrice: '922327', maxQty: '100000', marketMaxQty: '2000', minNotional: '0.0001', maxNotional: '9000000' }),
];

function perpetual(base: SymbolRules, pricePrecision: number, quantityPrecision: number, maxLeverage: number, onboardDate: number): PerpetualRules {
  return { ...base, pricePrecision, quantityPrecision, maxLeverage, onboardDate };
}

export const PERPETUAL_SYMBOLS: PerpetualRules[] = [
  perpetual(rules('BTCUSDT', 'BTC', 'USDT', '95000', '0.10', '0.001', { minPrice: '556.80', maxPrice: '4529764', maxQty: '1000', marketStepSize: '0.001', marketMinQty: '0.001', marketMaxQty: '120', minNotional: '100' }), 2, 3, 125, 1569398400000),
  perpetual(rules('ETHUSDT', 'ETH', 'USDT', '3400', '0.01', '0.001', { minPrice: '39.86', maxPrice: '306177', maxQty: '10000', marketStepSize: '0.001', marketMinQty: '0.001', marketMaxQty: '2000', minNotional: '20' }), 2, 3, 100, 1569398400000),
  perpetual(rules('SOLUSDT', 'SOL', 'USDT', '180', '0.0100', '1', { minPrice: '0.4200', maxPrice: '6857', maxQty: '1000000', marketStepSize: '1', marketMinQty: '1', marketMaxQty: '5000', minNotional: '5' }), 4, 0, 75, 1600214400000),
];

/** Assets the spot venue knows, in the order `/api/v3/account` lists them. */
export const SPOT_ASSETS = ['BTC', 'ETH', 'SOL', 'BNB', 'USDT'];

/** Binance's kline intervals and their length in ms (1M is a calendar month, handled apart). */
export const KLINE_INTERVALS: Record<string, number> = {
  '1s': 1_000,
  '1m': 60_000,
  '3m': 180_000,
  '5m': 300_000,
  '15m': 900_000,
  '30m': 1_800_000,
  '1h': 3_600_000,
  '2h': 7_200_000,
  '4h': 14_400_000,
  '6h': 21_600_000,
  '8h': 28_800_000,
  '12h': 43_200_000,
  '1d': 86_400_000,
  '3d': 259_200_000,
  '1w': 604_800_000,
  '1M': 2_592_000_000,
};
