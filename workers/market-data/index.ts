import { createWorkerApp } from '../../lib/app';
import { mountHealth } from '../../lib/health';
import type { MarketDataEnv } from './env';
import * as handlers from './market-data.handlers';
import * as routes from './market-data.routes';
import { marketDataSocket } from './ws';

// The WebSocket is not an OpenAPI operation: it is described here, in the document's text.
const WEBSOCKET_DESCRIPTION = [
  'Candles, order books, prices and funding from the exchanges.',
  '',
  '**WebSocket `GET /ws/market-data`** (as Hummingbot API serves it): authenticate with `Authorization: Basic` or `?token=base64(user:pass)`; a failed auth gets `{"type":"error","message":"Authentication failed"}` then close code 4001.',
  'The server says `{"type":"connected","connection_id","timestamp"}` first and `{"type":"heartbeat"}` every 30 s.',
  'Send `{"action":"subscribe","type":"candles","connector","trading_pair","interval":"1m","max_records":100,"update_interval":1}` → `{"type":"subscribed","subscription_id":"candles_{connector}_{pair}_{interval}"}`, then `candles` (rows) on a new candle and `candle_update` (the open row) otherwise;',
  '`type:"order_book"` (`depth`, default 10) → `order_book_{connector}_{pair}`, pushes `{"type":"order_book","data":{"bids":[[price,amount]],"asks":[...]}}` when the book changes; `type:"trades"` → `trades_{connector}_{pair}`, pushes `{"type":"trades","data":[{timestamp,price,amount,side}]}`.',
  '`{"action":"unsubscribe","subscription_id"}` → `unsubscribed`; `{"action":"ping"}` → `pong`; a bad message gets `{"type":"error","message"}` and the connection stays open.',
  'Each feed is one Durable Object holding ONE upstream for all its subscribers: the exchange\'s WebSocket market stream where it has one (Binance spot and USD-M: `@depth<5|10|20>@100ms` for books up to 20 deep, `@kline_<interval>`, `@trade`; updates pushed as they arrive), else polling the exchange every `update_interval` s (0.25-60); it stops when the last one leaves.',
].join('\n');

const app = createWorkerApp<MarketDataEnv>({ name: 'market-data', description: WEBSOCKET_DESCRIPTION });
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
  .openapi(routes.removeTradingPair, handlers.removeTradingPair)
  .openapi(routes.orderBookDiagnostics, handlers.orderBookDiagnostics)
  .openapi(routes.restartOrderBookTracker, handlers.restartOrderBookTracker);

app.get('/ws/market-data', marketDataSocket);

export { MarketFeed } from '../../lib/market-data/feed';

export default app;
