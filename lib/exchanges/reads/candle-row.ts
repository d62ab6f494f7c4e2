/** A candle as the exchange published it, decimals as text. */
export interface Candle {
  /** Unix ms. */
  openTime: number;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
  quoteAssetVolume: string;
  nTrades: number;
  takerBuyBaseVolume: string;
  takerBuyQuoteVolume: string;
}

/** Hummingbot's candle row (candles feed DataFrame columns): timestamp in Unix seconds, floats. */
export interface CandleRow {
  timestamp: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  quote_asset_volume: number;
  n_trades: number;
  taker_buy_base_volume: number;
  taker_buy_quote_volume: number;
}

export const candleRow = (candle: Candle): CandleRow => ({
  timestamp: candle.openTime / 1000,
  open: Number(candle.open),
  high: Number(candle.high),
  low: Number(candle.low),
  close: Number(candle.close),
  volume: Number(candle.volume),
  quote_asset_volume: Number(candle.quoteAssetVolume),
  n_trades: candle.nTrades,
  taker_buy_base_volume: Number(candle.takerBuyBaseVolume),
  taker_buy_quote_volume: Number(candle.takerBuyQuoteVolume),
});
