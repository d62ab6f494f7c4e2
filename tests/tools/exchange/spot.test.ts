import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_ACCOUNTS } from '../../../tools/exchange/dev-accounts';
import { startLocalExchange, type LocalExchange } from '../../../tools/exchange/server';
import { BinanceTestClient, sign } from './client';

const [alice, bob, carol, poor] = DEV_ACCOUNTS;

function balance(account: { balances: { asset: string; free: string; locked: string }[] }, asset: string) {
  return account.balances.find((b) => b.asset === asset)!;
}

describe('local exchange, spot REST on its own (no market maker: the book holds only these orders)', () => {
  let exchange: LocalExchange;
  let api: BinanceTestClient;

  beforeAll(async () => {
    exchange = await startLocalExchange({ seed: 3, marketMaker: false });
    api = new BinanceTestClient(exchange.url);
  });
  afterAll(() => exchange?.stop());

  it('serves the published public endpoints under the api.binance.com prefix', async () => {
    expect((await api.public('/api/v3/ping')).body).toEqual({});
    const asked = Date.now();
    const time = await api.public('/api/v3/time');
    // The server's clock, read while it answered: between the request and its answer.
    expect(time.body.serverTime).toBeGreaterThanOrEqual(asked);
    expect(time.body.serverTime).toBeLessThanOrEqual(Date.now());
    const info = (await api.public('/api/v3/exchangeInfo')).body;
    expect(info.symbols.map((s: { symbol: string }) => s.symbol)).toEqual(['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'BNBUSDT', 'ETHBTC']);
    const btc = info.symbols[0];
    expect(btc).toMatchObject({ status: 'TRADING', baseAsset: 'BTC', quoteAsset: 'USDT', orderTypes: ['LIMIT', 'LIMIT_MAKER', 'MARKET'] });
    expect(btc.filters.map((f: { filterType: string }) => f.filterType)).toEqual(['PRICE_FILTER', 'LOT_SIZE', 'MARKET_LOT_SIZE', 'NOTIONAL', 'MAX_NUM_ORDERS']);
    expect(btc.filters[0]).toEqual({ filterType: 'PRICE_FILTER', minPrice: '0.01000000', maxPrice: '1000000.00000000', tickSize: '0.01000000' });
    expect((await api.public('/api/v3/exchangeInfo', { symbol: 'DOGEUSDT' })).body).toEqual({ code: -1121, msg: 'Invalid symbol.' });
  });

  it('has klines for every Binance interval, back in time, the same for the same seed', async () => {
    for (const interval of ['1s', '1m', '3m', '5m', '15m', '30m', '1h', '2h', '4h', '6h', '8h', '12h', '1d', '3d', '1w', '1M']) {
      const rows = (await api.public('/api/v3/klines', { symbol: 'ETHUSDT', interval, limit: 3 })).body;
      expect(rows, interval).toHaveLength(3);
      const [openTime, open, high, low, close, volume, closeTime] = rows[2];
      expect(closeTime).toBeGreaterThan(openTime);
      expect(Number(high)).toBeGreaterThanOrEqual(Math.max(Number(open), Number(close)));
      expect(Number(low)).toBeLessThanOrEqual(Math.min(Number(open), Number(close)));
      expect(Number(volume)).toBeGreaterThan(0);
    }
    const yearAgo = Date.UTC(2025, 0, 1);
    const daily = (await api.public('/api/v3/klines', { symbol: 'BTCUSDT', interval: '1d', startTime: yearAgo, limit: 2 })).body;
    expect(daily[0][0]).toBe(yearAgo);
    const twin = await startLocalExchange({ seed: 3, marketMaker: false });
    try {
      const again = (await new BinanceTestClient(twin.url).public('/api/v3/klines', { symbol: 'BTCUSDT', interval: '1d', startTime: yearAgo, limit: 2 })).body;
      expect(again).toEqual(daily);
    } finally {
      await twin.stop();
    }
    expect((await api.public('/api/v3/klines', { symbol: 'BTCUSDT', interval: '7m' })).body).toEqual({ code: -1120, msg: 'Invalid interval.' });
  });

  it('checks API keys, signatures and timestamps as Binance does', async () => {
    const ok = await api.signed(alice, 'GET', '/api/v3/account');
    expect(ok.status).toBe(200);
    expect(balance(ok.body, 'USDT')).toEqual({ asset: 'USDT', free: '1000000.00000000', locked: '0.00000000' });

    const noKey = await api.signed(alice, 'GET', '/api/v3/account', {}, { apiKey: null });
    expect([noKey.status, noKey.body]).toEqual([401, { code: -2014, msg: 'API-key format invalid.' }]);
    const unknownKey = await api.signed(alice, 'GET', '/api/v3/account', {}, { apiKey: 'A'.repeat(64) });
    expect([unknownKey.status, unknownKey.body]).toEqual([401, { code: -2015, msg: 'Invalid API-key, IP, or permissions for action.' }]);
    const badSignature = await api.signed(alice, 'GET', '/api/v3/account', {}, { secret: bob.apiSecret });
    expect([badSignature.status, badSignature.body]).toEqual([400, { code: -1022, msg: 'Signature for this request is not valid.' }]);
    const stale = await api.signed(alice, 'GET', '/api/v3/account', {}, { timestamp: Date.now() - 10_000 });
    expect([stale.status, stale.body]).toEqual([400, { code: -1021, msg: 'Timestamp for this request is outside of the recvWindow.' }]);
    const ahead = await api.signed(alice, 'GET', '/api/v3/account', {}, { timestamp: Date.now() + 5_000 });
    expect(ahead.body.code).toBe(-1021);
    const wide = await api.signed(alice, 'GET', '/api/v3/account', { recvWindow: 20_000 }, { timestamp: Date.now() - 10_000 });
    expect(wide.status).toBe(200);
    const unsigned = await api.send('GET', '/api/v3/account', `timestamp=${Date.now()}`, undefined, { 'X-MBX-APIKEY': alice.apiKey });
    expect(unsigned.body).toEqual({ code: -1102, msg: "Mandatory parameter 'signature' was not sent, was empty/null, or malformed." });

    // The signature covers the query string followed by the body, as rest-api.md's example mixes them.
    const query = 'symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC';
    const body = `quantity=0.001&price=50000&recvWindow=5000&timestamp=${Date.now()}`;
    const mixed = await api.send('POST', '/api/v3/order', query, `${body}&signature=${sign(alice.apiSecret, query + body)}`, { 'X-MBX-APIKEY': alice.apiKey, 'content-type': 'application/x-www-form-urlencoded' });
    expect(mixed.body).toMatchObject({ symbol: 'BTCUSDT', status: 'NEW', side: 'BUY', price: '50000.00000000', origQty: '0.00100000' });
    await api.signed(alice, 'DELETE', '/api/v3/order', { symbol: 'BTCUSDT', orderId: mixed.body.orderId });
  });

  it('enforces PRICE_FILTER, LOT_SIZE, MARKET_LOT_SIZE and NOTIONAL on every order', async () => {
    const order = (params: Record<string, string | number>) => api.signed(carol, 'POST', '/api/v3/order', { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.001', price: '50000', ...params });
    expect((await order({ price: '50000.001' })).body).toEqual({ code: -1013, msg: 'Filter failure: PRICE_FILTER' });
    expect((await order({ quantity: '0.000015' })).body).toEqual({ code: -1013, msg: 'Filter failure: LOT_SIZE' });
    expect((await order({ quantity: '0.00001' })).body).toEqual({ code: -1013, msg: 'Filter failure: NOTIONAL' });
    expect((await order({ type: 'MARKET', timeInForce: '', price: '', quantity: '100' })).body).toEqual({ code: -1013, msg: 'Filter failure: MARKET_LOT_SIZE' });
    expect((await order({ symbol: 'BTCUSD' })).body).toEqual({ code: -1121, msg: 'Invalid symbol.' });
    expect((await order({ quantity: '1e-3' })).body.code).toBe(-1100);
    expect((await order({ timeInForce: '' })).body).toEqual({ code: -1102, msg: "Mandatory parameter 'timeInForce' was not sent, was empty/null, or malformed." });
    expect((await order({ price: '1', quantity: '1000000', symbol: 'SOLUSDT' })).body).toEqual({ code: -1013, msg: 'Filter failure: LOT_SIZE' });
    const status = (await order({ price: '50000.001' })).status;
    expect(status).toBe(400);
  });

  it('matches in price-time priority with partial fills, maker and taker fees, and exact locked balances', async () => {
    const sell = (price: string, quantity: string, newClientOrderId: string) =>
      api.signed(alice, 'POST', '/api/v3/order', { symbol: 'ETHUSDT', side: 'SELL', type: 'LIMIT', timeInForce: 'GTC', quantity, price, newClientOrderId });
    const first = (await sell('3000.00', '0.5', 'ask-first')).body;
    const second = (await sell('3000.00', '0.5', 'ask-second')).body;
    const higher = (await sell('3000.10', '1', 'ask-higher')).body;
    expect([first.status, second.status, higher.status]).toEqual(['NEW', 'NEW', 'NEW']);
    let aliceAccount = (await api.signed(alice, 'GET', '/api/v3/account')).body;
    expect(balance(aliceAccount, 'ETH')).toEqual({ asset: 'ETH', free: '98.00000000', locked: '2.00000000' });

    const depth = (await api.public('/api/v3/depth', { symbol: 'ETHUSDT', limit: 5 })).body;
    expect(depth.asks).toEqual([['3000.00000000', '1.00000000'], ['3000.10000000', '1.00000000']]);
    expect(depth.bids).toEqual([]);

    const take = await api.signed(bob, 'POST', '/api/v3/order', { symbol: 'ETHUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.7', price: '3000.10' });
    expect(take.body).toMatchObject({ status: 'FILLED', executedQty: '0.70000000', cummulativeQuoteQty: '2100.00000000', price: '3000.10000000' });
    expect(take.body.fills).toEqual([
      { price: '3000.00000000', qty: '0.50000000', commission: '0.00050000', commissionAsset: 'ETH', tradeId: expect.any(Number) },
      { price: '3000.00000000', qty: '0.20000000', commission: '0.00020000', commissionAsset: 'ETH', tradeId: expect.any(Number) },
    ]);

    const query = (account: typeof alice, origClientOrderId: string) => api.signed(account, 'GET', '/api/v3/order', { symbol: 'ETHUSDT', origClientOrderId });
    expect((await query(alice, 'ask-first')).body).toMatchObject({ status: 'FILLED', executedQty: '0.50000000' });
    expect((await query(alice, 'ask-second')).body).toMatchObject({ status: 'PARTIALLY_FILLED', executedQty: '0.20000000', cummulativeQuoteQty: '600.00000000' });
    expect((await query(alice, 'ask-higher')).body).toMatchObject({ status: 'NEW', executedQty: '0.00000000' });

    // Bob paid 2100 USDT (the better price, not his limit) and received 0.7 ETH less the 0.1 % taker fee.
    const bobAccount = (await api.signed(bob, 'GET', '/api/v3/account')).body;
    expect(balance(bobAccount, 'USDT')).toEqual({ asset: 'USDT', free: '997900.00000000', locked: '0.00000000' });
    expect(balance(bobAccount, 'ETH')).toEqual({ asset: 'ETH', free: '100.69930000', locked: '0.00000000' });
    // Alice received 2100 USDT less the 0.1 % maker fee; 1.3 ETH stays locked in her two open orders.
    aliceAccount = (await api.signed(alice, 'GET', '/api/v3/account')).body;
    expect(balance(aliceAccount, 'USDT')).toEqual({ asset: 'USDT', free: '1002097.90000000', locked: '0.00000000' });
    expect(balance(aliceAccount, 'ETH')).toEqual({ asset: 'ETH', free: '98.00000000', locked: '1.30000000' });

    const trades = (await api.signed(alice, 'GET', '/api/v3/myTrades', { symbol: 'ETHUSDT' })).body;
    expect(trades.map((t: { qty: string; isMaker: boolean; isBuyer: boolean; commission: string; commissionAsset: string }) => [t.qty, t.isMaker, t.isBuyer, t.commission, t.commissionAsset])).toEqual([
      ['0.50000000', true, false, '1.50000000', 'USDT'],
      ['0.20000000', true, false, '0.60000000', 'USDT'],
    ]);

    // Cancelling releases exactly what was locked.
    const cancelled = await api.signed(alice, 'DELETE', '/api/v3/openOrders', { symbol: 'ETHUSDT' });
    expect(cancelled.body.map((o: { origClientOrderId: string; status: string }) => [o.origClientOrderId, o.status])).toEqual([['ask-second', 'CANCELED'], ['ask-higher', 'CANCELED']]);
    aliceAccount = (await api.signed(alice, 'GET', '/api/v3/account')).body;
    expect(balance(aliceAccount, 'ETH')).toEqual({ asset: 'ETH', free: '99.30000000', locked: '0.00000000' });
  });

  it('rejects a LIMIT_MAKER that would take, and treats IOC and FOK as published', async () => {
    const resting = (await api.signed(alice, 'POST', '/api/v3/order', { symbol: 'SOLUSDT', side: 'SELL', type: 'LIMIT', timeInForce: 'GTC', quantity: '2', price: '150' })).body;
    const maker = await api.signed(bob, 'POST', '/api/v3/order', { symbol: 'SOLUSDT', side: 'BUY', type: 'LIMIT_MAKER', quantity: '1', price: '150' });
    expect([maker.status, maker.body]).toEqual([400, { code: -2010, msg: 'Order would immediately match and take.' }]);
    const passive = await api.signed(bob, 'POST', '/api/v3/order', { symbol: 'SOLUSDT', side: 'BUY', type: 'LIMIT_MAKER', quantity: '1', price: '149.99' });
    expect(passive.body).toMatchObject({ symbol: 'SOLUSDT', orderId: expect.any(Number), clientOrderId: expect.any(String) });
    expect((await api.signed(bob, 'GET', '/api/v3/order', { symbol: 'SOLUSDT', orderId: passive.body.orderId })).body).toMatchObject({ type: 'LIMIT_MAKER', status: 'NEW' });

    const bobBefore = (await api.signed(bob, 'GET', '/api/v3/account')).body;
    const fok = (await api.signed(bob, 'POST', '/api/v3/order', { symbol: 'SOLUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'FOK', quantity: '3', price: '150' })).body;
    expect(fok).toMatchObject({ status: 'EXPIRED', executedQty: '0.00000000', fills: [] });
    expect((await api.signed(bob, 'GET', '/api/v3/account')).body.balances).toEqual(bobBefore.balances);

    const ioc = (await api.signed(bob, 'POST', '/api/v3/order', { symbol: 'SOLUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'IOC', quantity: '3', price: '150' })).body;
    expect(ioc).toMatchObject({ status: 'EXPIRED', executedQty: '2.00000000', cummulativeQuoteQty: '300.00000000' });
    expect((await api.signed(alice, 'GET', '/api/v3/order', { symbol: 'SOLUSDT', orderId: resting.orderId })).body.status).toBe('FILLED');
    const bobAfter = (await api.signed(bob, 'GET', '/api/v3/account')).body;
    // 149.99 USDT stays locked for the LIMIT_MAKER bid; the IOC's unfilled part was released.
    expect(balance(bobAfter, 'USDT').locked).toBe('149.99000000');
    await api.signed(bob, 'DELETE', '/api/v3/order', { symbol: 'SOLUSDT', orderId: passive.body.orderId });
  });

  it('fills a MARKET buy by quoteOrderQty across levels without breaking LOT_SIZE', async () => {
    await api.signed(alice, 'POST', '/api/v3/order', { symbol: 'ETHBTC', side: 'SELL', type: 'LIMIT', timeInForce: 'GTC', quantity: '1', price: '0.03' });
    await api.signed(alice, 'POST', '/api/v3/order', { symbol: 'ETHBTC', side: 'SELL', type: 'LIMIT', timeInForce: 'GTC', quantity: '1', price: '0.0301' });
    const bought = (await api.signed(bob, 'POST', '/api/v3/order', { symbol: 'ETHBTC', side: 'BUY', type: 'MARKET', quoteOrderQty: '0.045' })).body;
    // 1 ETH at 0.03, then 0.015 / 0.0301 = 0.49833… rounded down to the 0.0001 step.
    expect(bought).toMatchObject({ status: 'FILLED', origQuoteOrderQty: '0.04500000', executedQty: '1.49830000', cummulativeQuoteQty: '0.04499883' });
    expect(bought.fills.map((f: { price: string; qty: string }) => [f.price, f.qty])).toEqual([['0.03000000', '1.00000000'], ['0.03010000', '0.49830000']]);
  });

  it('finds orders by client order id and refuses a duplicate open one', async () => {
    const place = (clientId: string) => api.signed(carol, 'POST', '/api/v3/order', { symbol: 'BNBUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '1', price: '100', newClientOrderId: clientId });
    const first = await place('colibri-1');
    expect(first.body.status).toBe('NEW');
    expect(first.headers.get('x-mbx-order-count-10s')).toBe('1');
    expect(first.headers.get('x-mbx-order-count-1d')).toBe('1');
    const duplicate = await place('colibri-1');
    expect([duplicate.status, duplicate.body]).toEqual([400, { code: -2010, msg: 'Duplicate order sent.' }]);
    const found = (await api.signed(carol, 'GET', '/api/v3/order', { symbol: 'BNBUSDT', origClientOrderId: 'colibri-1' })).body;
    expect(found).toMatchObject({ clientOrderId: 'colibri-1', status: 'NEW', origQty: '1.00000000' });
    expect(found).not.toHaveProperty('cumQuote');
    expect(found).not.toHaveProperty('positionSide');
    const cancel = (await api.signed(carol, 'DELETE', '/api/v3/order', { symbol: 'BNBUSDT', origClientOrderId: 'colibri-1' })).body;
    expect(cancel).toMatchObject({ origClientOrderId: 'colibri-1', status: 'CANCELED' });
    expect((await api.signed(carol, 'DELETE', '/api/v3/order', { symbol: 'BNBUSDT', origClientOrderId: 'colibri-1' })).body).toEqual({ code: -2011, msg: 'Unknown order sent.' });
    expect((await api.signed(carol, 'GET', '/api/v3/order', { symbol: 'BNBUSDT', orderId: 999999 })).body).toEqual({ code: -2013, msg: 'Order does not exist.' });
    expect((await place('colibri-1')).body.status).toBe('NEW'); // reusable once the first is closed
    expect((await api.signed(carol, 'GET', '/api/v3/openOrders', { symbol: 'BNBUSDT' })).body).toHaveLength(1);
    expect((await api.signed(carol, 'GET', '/api/v3/allOrders', { symbol: 'BNBUSDT' })).body).toHaveLength(2);
  });

  it('refuses an order the balance cannot cover', async () => {
    const order = await api.signed(poor, 'POST', '/api/v3/order', { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.1', price: '50000' });
    expect([order.status, order.body]).toEqual([400, { code: -2010, msg: 'Account has insufficient balance for requested action.' }]);
  });

  it('counts REST requests for benchmarks', async () => {
    exchange.resetRequestCount();
    await api.public('/api/v3/time');
    await api.public('/api/v3/ticker/price', { symbol: 'BTCUSDT' });
    expect(exchange.requestCount()).toBe(2);
    expect((await fetch(`${exchange.url}/__local/request-count`)).status).toBe(200);
  });
});

describe('local exchange, request weights', () => {
  it('reports the used weight and answers 429 (-1003) past the per-minute limit', async () => {
    const exchange = await startLocalExchange({ weightLimitPerMinute: 45, marketMaker: false });
    try {
      const api = new BinanceTestClient(exchange.url);
      const first = await api.public('/api/v3/exchangeInfo');
      expect(first.headers.get('x-mbx-used-weight-1m')).toBe('20');
      const second = await api.public('/api/v3/exchangeInfo');
      expect(second.headers.get('x-mbx-used-weight-1m')).toBe('40');
      const third = await api.public('/api/v3/exchangeInfo');
      expect(third.status).toBe(429);
      expect(third.body.code).toBe(-1003);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      // Each API host has its own meter, as Binance's spot and futures limits are separate.
      expect((await new BinanceTestClient(exchange.url, 'fapi.binance.com').public('/fapi/v1/time')).status).toBe(200);
    } finally {
      await exchange.stop();
    }
  });
});
