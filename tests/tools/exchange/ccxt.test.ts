import ccxt, { type Exchange, type Order } from 'ccxt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localExchangeUrls } from '../../../lib/exchanges/local-urls';
import { DEV_ACCOUNTS } from '../../../tools/exchange/dev-accounts';
import { startLocalExchange, type LocalExchange } from '../../../tools/exchange/server';

const [alice, bob] = DEV_ACCOUNTS;
const BTC_PERP = 'BTC/USDT:USDT';

/** An unmodified CCXT class pointed at the local exchange, as Colibri's workers point theirs. */
async function connect<T extends Exchange>(ExchangeClass: new (config: object) => T, exchange: LocalExchange, account = alice): Promise<T> {
  const client = new ExchangeClass({ apiKey: account.apiKey, secret: account.apiSecret, options: { fetchCurrencies: false, fetchMargins: false } });
  client.urls.api = localExchangeUrls(client.urls.api, exchange.url);
  await client.loadHttpProxyAgent(); // Node only: CCXT needs it for plain ws:// URLs
  return client;
}

/**
 * close() rejects every future still pending on the instance's sockets (e.g. the position snapshot
 * binanceusdm starts with watchOrders, nobody awaits it): mark them handled first.
 */
async function closeQuietly(client: Exchange | undefined): Promise<void> {
  if (!client) return;
  for (const socket of Object.values(client.clients) as { futures: Record<string, Promise<unknown>> }[]) {
    for (const future of Object.values(socket.futures)) future.catch(() => undefined);
  }
  await client.close();
}

/**
 * Places orders until the watch sees one: events sent before the stream's subscription is live are
 * not replayed (as on Binance), and on a loaded machine the subscription can take a while.
 */
async function placeUntilSeen(watch: Promise<Order[]>, place: (attempt: number) => Promise<Order>): Promise<{ placed: Order; seen: Order[] }> {
  for (let attempt = 1; ; attempt++) {
    const placed = await place(attempt);
    const seen = await Promise.race([watch, new Promise<undefined>((resolve) => setTimeout(resolve, 1000))]);
    if (seen) return { placed, seen };
    if (attempt === 10) throw new Error('the order stream saw none of 10 orders');
  }
}

describe('CCXT binance (spot) against the local exchange', () => {
  let exchange: LocalExchange;
  let binance: InstanceType<typeof ccxt.pro.binance>;

  beforeAll(async () => {
    exchange = await startLocalExchange({ seed: 11, marketMakerIntervalMs: 250 });
    binance = await connect(ccxt.pro.binance, exchange);
  });
  afterAll(async () => {
    await closeQuietly(binance);
    await exchange?.stop();
  });

  it('loads markets with precision and limits from the filters, in one request with fetchMarkets types [spot]', async () => {
    exchange.resetRequestCount();
    binance.options.fetchMarkets = { types: ['spot'] };
    const markets = await binance.loadMarkets();
    expect(exchange.requestCount()).toBe(1);
    expect(Object.keys(markets)).toEqual(['BTC/USDT', 'ETH/USDT', 'SOL/USDT', 'BNB/USDT', 'ETH/BTC']);
    expect(markets['BTC/USDT']).toMatchObject({ spot: true, active: true, precision: { amount: 0.00001, price: 0.01 }, limits: { amount: { min: 0.00001 }, cost: { min: 5 } } });
  });

  it("loads markets with CCXT's default options too (currencies, margin pairs, USD-M and COIN-M lists)", async () => {
    const defaults = new ccxt.binance({ apiKey: alice.apiKey, secret: alice.apiSecret });
    defaults.urls.api = localExchangeUrls(defaults.urls.api, exchange.url);
    const markets = await defaults.loadMarkets();
    expect(Object.keys(markets)).toHaveLength(8);
    expect(defaults.currencies.USDT).toMatchObject({ code: 'USDT', active: true });
  });

  it('reads tickers, the order book, candles and trades', async () => {
    const ticker = await binance.fetchTicker('BTC/USDT');
    expect(ticker.last).toBeGreaterThan(50_000);
    expect(ticker.bid).toBeLessThan(ticker.ask!);
    const tickers = await binance.fetchTickers(['ETH/USDT', 'SOL/USDT']);
    expect(Object.keys(tickers).sort()).toEqual(['ETH/USDT', 'SOL/USDT']);
    const book = await binance.fetchOrderBook('ETH/USDT', 10);
    expect(book.bids).toHaveLength(10);
    expect(book.bids[0][0]).toBeLessThan(book.asks[0][0]!);
    const since = Date.UTC(2026, 0, 1);
    const candles = await binance.fetchOHLCV('SOL/USDT', '4h', since, 6);
    expect(candles.map((c) => c[0])).toEqual([0, 1, 2, 3, 4, 5].map((i) => since + i * 14_400_000));
    const trades = await binance.fetchTrades('BNB/USDT', undefined, 5);
    expect(trades).toHaveLength(5);
  });

  it('places, finds by client order id, lists and cancels orders; fills market orders with fees', async () => {
    const balance = await binance.fetchBalance();
    expect(balance.USDT.total).toBe(1_000_000);
    const ticker = await binance.fetchTicker('ETH/USDT');
    const low = Number(binance.priceToPrecision('ETH/USDT', ticker.bid! * 0.9));
    const placed = await binance.createOrder('ETH/USDT', 'limit', 'buy', 0.5, low, { clientOrderId: 'colibri-eth-1' });
    expect(placed).toMatchObject({ status: 'open', clientOrderId: 'colibri-eth-1', price: low, amount: 0.5, symbol: 'ETH/USDT' });
    await expect(binance.createOrder('ETH/USDT', 'limit', 'buy', 0.5, low, { clientOrderId: 'colibri-eth-1' })).rejects.toThrow(/Duplicate order sent/);
    expect((await binance.fetchOpenOrders('ETH/USDT')).map((o) => o.id)).toEqual([placed.id]);
    expect((await binance.fetchOrder('', 'ETH/USDT', { origClientOrderId: 'colibri-eth-1' })).id).toBe(placed.id);
    expect((await binance.fetchBalance()).USDT.used).toBeCloseTo(0.5 * low, 6);
    expect((await binance.cancelOrder(String(placed.id), 'ETH/USDT')).status).toBe('canceled');
    expect(await binance.fetchOpenOrders('ETH/USDT')).toEqual([]);
    await expect(binance.fetchOrder('123456789', 'ETH/USDT')).rejects.toBeInstanceOf(ccxt.OrderNotFound);

    const bought = await binance.createOrder('ETH/USDT', 'market', 'buy', 0.25);
    expect(bought).toMatchObject({ status: 'closed', filled: 0.25 });
    expect(bought.fee).toEqual({ currency: 'ETH', cost: 0.00025 });
    const trades = await binance.fetchMyTrades('ETH/USDT');
    expect(trades.map((t) => [t.order, t.side, t.takerOrMaker])).toEqual([[bought.id, 'buy', 'taker']]);
    expect((await binance.fetchBalance()).ETH.total).toBeCloseTo(100.24975, 8);
  });

  it('rejects a post-only order that would take, and bad credentials', async () => {
    const ticker = await binance.fetchTicker('BTC/USDT');
    await expect(binance.createOrder('BTC/USDT', 'limit', 'buy', 0.001, ticker.ask! + 100, { postOnly: true })).rejects.toThrow(/Order would immediately match and take/);
    const stranger = await connect(ccxt.binance, exchange, { ...bob, apiSecret: alice.apiSecret });
    stranger.options.fetchMarkets = { types: ['spot'] };
    await expect(stranger.fetchBalance()).rejects.toBeInstanceOf(ccxt.AuthenticationError);
  });

  it('watches the order book (snapshot + diff stream in sequence) and the account orders', async () => {
    let nonce = 0;
    for (let i = 0; i < 3; i++) {
      const book = await binance.watchOrderBook('BTC/USDT');
      expect(book.nonce).toBeGreaterThan(nonce);
      nonce = book.nonce!;
      expect(book.bids[0][0]).toBeLessThan(book.asks[0][0]!);
    }
    const { placed, seen } = await placeUntilSeen(binance.watchOrders('SOL/USDT'), (attempt) => binance.createOrder('SOL/USDT', 'limit', 'buy', 1, 100, { clientOrderId: `colibri-ws-${attempt}` }));
    expect(seen.map((o) => [o.id, o.clientOrderId, o.status])).toContainEqual([placed.id, placed.clientOrderId, 'open']);
  });
});

describe('CCXT binanceusdm against the local exchange', () => {
  let exchange: LocalExchange;
  let usdm: InstanceType<typeof ccxt.pro.binanceusdm>;

  beforeAll(async () => {
    exchange = await startLocalExchange({ seed: 12, marketMakerIntervalMs: 250 });
    usdm = await connect(ccxt.pro.binanceusdm, exchange, bob);
  });
  afterAll(async () => {
    await closeQuietly(usdm);
    await exchange?.stop();
  });

  it('loads perpetual markets and trades them with leverage, position mode, positions and funding', async () => {
    const markets = await usdm.loadMarkets();
    expect(Object.keys(markets)).toEqual(['BTC/USDT:USDT', 'ETH/USDT:USDT', 'SOL/USDT:USDT']);
    expect(markets[BTC_PERP]).toMatchObject({ swap: true, linear: true, settle: 'USDT', contractSize: 1, precision: { amount: 0.001, price: 0.1 } });

    expect(await usdm.setLeverage(5, BTC_PERP)).toMatchObject({ leverage: 5, symbol: 'BTCUSDT' });
    expect(await usdm.setPositionMode(true)).toEqual({ code: 200, msg: 'success' });
    expect(await usdm.setPositionMode(false)).toEqual({ code: 200, msg: 'success' });

    const order = await usdm.createOrder(BTC_PERP, 'market', 'buy', 0.02);
    expect(order).toMatchObject({ status: 'closed', filled: 0.02, symbol: BTC_PERP });
    const positions = await usdm.fetchPositions();
    expect(positions.map((p) => [p.symbol, p.side, p.contracts, p.marginMode])).toEqual([[BTC_PERP, 'long', 0.02, 'cross']]);
    expect(positions[0].entryPrice).toBe(order.average);
    const balance = await usdm.fetchBalance();
    expect(balance.USDT.used).toBeGreaterThan(0);
    expect((await usdm.fetchMyTrades(BTC_PERP)).map((t) => t.order)).toEqual([order.id]);

    const rate = await usdm.fetchFundingRate(BTC_PERP);
    expect(rate.fundingRate).toEqual(expect.any(Number));
    exchange.settleFunding();
    const funding = await usdm.fetchFundingHistory(BTC_PERP);
    expect(funding).toHaveLength(1);
    expect(funding[0]).toMatchObject({ symbol: BTC_PERP, code: 'USDT', amount: expect.any(Number) });

    const resting = await usdm.createOrder(BTC_PERP, 'limit', 'sell', 0.01, Number(usdm.priceToPrecision(BTC_PERP, order.average! * 1.2)));
    expect((await usdm.fetchOpenOrders(BTC_PERP)).map((o) => o.id)).toEqual([resting.id]);
    expect((await usdm.cancelOrder(String(resting.id), BTC_PERP)).status).toBe('canceled');
  });

  it('watches orders over the listenKey user data stream and the order book', async () => {
    const book = await usdm.watchOrderBook('ETH/USDT:USDT');
    expect(book.bids[0][0]).toBeLessThan(book.asks[0][0]!);
    const { placed, seen } = await placeUntilSeen(usdm.watchOrders(), () => usdm.createOrder('ETH/USDT:USDT', 'market', 'sell', 0.05));
    expect(seen.map((o) => o.id)).toContain(placed.id);
  });
});
