// The reads an exchange session serves from its CCXT instance, one per file: market data from the
// connector's public session, balances from an account's.
export { getBalances } from './balances';
export { getCandles, type GetCandlesParameters, type OpenCandles } from './candles';
export { holdCandles, type HoldCandlesParameters, type HoldCandlesReturnType } from './hold-candles';
export { supportedIntervals } from './intervals';
export { pairMarket } from './pair-market';
export { getFundingInfo, type GetFundingInfoParameters } from './funding-info';
export { getLastPrices, type GetLastPricesParameters } from './last-prices';
export { getOrderBook, type GetOrderBookParameters } from './order-book';
export { getRecentTrades, type GetRecentTradesParameters } from './recent-trades';
