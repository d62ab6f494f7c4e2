import { createWorkerApp } from '../../lib/app';
import { mountHealth } from '../../lib/health';
import type { MarketDataEnv } from './env';
import * as handlers from './market-data.handlers';
import * as routes from './market-data.routes';

const app = createWorkerApp<MarketDataEnv>({ name: 'market-data', description: 'Candles, order books, prices and funding from the exchanges.' });
mountHealth(app, 'market-data', '/market-data', 'Market data');

app
  .openapi(routes.candles, handlers.candles)
  .openapi(routes.historicalCandles, handlers.historicalCandles)
  .openapi(routes.prices, handlers.prices)
  .openapi(routes.fundingInfo, handlers.fundingInfo)
  .openapi(routes.orderBook, handlers.orderBook)
  .openapi(routes.priceForVolume, handlers.priceForVolume)
  .openapi(routes.volumeForPrice, handlers.volumeForPrice)
  .openapi(routes.priceForQuoteVolume, handlers.priceForQuoteVolume)
  .openapi(routes.quoteVolumeForPrice, handlers.quoteVolumeForPrice)
  .openapi(routes.vwapForVolume, handlers.vwapForVolume)
  .openapi(routes.activeFeeds, handlers.activeFeeds)
  .openapi(routes.settings, handlers.settings)
  .openapi(routes.availableCandleConnectors, handlers.availableCandleConnectors)
  .openapi(routes.addTradingPair, handlers.addTradingPair)
  .openapi(routes.removeTradingPair, handlers.removeTradingPair);

export default app;
