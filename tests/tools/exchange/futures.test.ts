import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dec } from '../../../tools/exchange/decimal';
import { DEV_ACCOUNTS } from '../../../tools/exchange/dev-accounts';
import { startLocalExchange, type LocalExchange } from '../../../tools/exchange/server';
import { BinanceTestClient } from './client';

const [alice, bob, carol, poor] = DEV_ACCOUNTS;

describe('local exchange, USD-M futures REST on its own (no market maker)', () => {
  let exchange: LocalExchange;
  let fapi: BinanceTestClient;
  const order = (account: typeof alice, params: Record<string, string>) =>
    fapi.signed(account, 'POST', '/fapi/v1/order', { symbol: 'BTCUSDT', type: 'LIMIT', timeInForce: 'GTC', ...params });
  const incomes = async (account: typeof alice, incomeType: string) =>
    (await fapi.signed(account, 'GET', '/fapi/v1/income', { incomeType })).body as { symbol: string; income: string; incomeType: string; time: number }[];

  beforeAll(async () => {
    exchange = await startLocalExchange({ seed: 5, marketMaker: false, fundingIntervalMs: 400 });
    fapi = new BinanceTestClient(exchange.url, 'fapi.binance.com');
  });
  afterAll(() => exchange?.stop());

  it('lists perpetuals with contractType PERPETUAL, marginAsset and filters', async () => {
    const info = (await fapi.public('/fapi/v1/exchangeInfo')).body;
    expect(info.symbols.map((s: { symbol: string }) => s.symbol)).toEqual(['BTCUSDT', 'ETHUSDT', 'SOLUSDT']);
    expect(info.symbols[0]).toMatchObject({ contractType: 'PERPETUAL', marginAsset: 'USDT', status: 'TRADING', pricePrecision: 2, quantityPrecision: 3 });
    expect(info.symbols[0].filters).toContainEqual({ filterType: 'MIN_NOTIONAL', notional: '100' });
    const premium = (await fapi.public('/fapi/v1/premiumIndex', { symbol: 'BTCUSDT' })).body;
    expect(premium).toMatchObject({ symbol: 'BTCUSDT', interestRate: '0.00010000' });
    expect(premium.nextFundingTime % 400).toBe(0);
    expect(Number(premium.markPrice)).toBeGreaterThan(10_000);
  });

  it('sets leverage per symbol within the bracket and refuses what Binance refuses', async () => {
    expect((await fapi.signed(carol, 'POST', '/fapi/v1/leverage', { symbol: 'BTCUSDT', leverage: 200 })).body).toEqual({ code: -4028, msg: 'Leverage 200 is not valid' });
    expect((await fapi.signed(carol, 'POST', '/fapi/v1/leverage', { symbol: 'ETHUSDT', leverage: 10 })).body).toMatchObject({ symbol: 'ETHUSDT', leverage: 10 });
    const risk = (await fapi.signed(carol, 'GET', '/fapi/v2/positionRisk', { symbol: 'ETHUSDT' })).body;
    expect(risk).toEqual([expect.objectContaining({ symbol: 'ETHUSDT', leverage: '10', positionAmt: '0.000', positionSide: 'BOTH', marginType: 'cross' })]);
    expect((await order(carol, { side: 'BUY', quantity: '0.001', price: '50000' })).body).toEqual({ code: -4164, msg: "Order's notional must be no smaller than 100 (unless you choose reduce only)." });
    expect((await order(poor, { side: 'BUY', quantity: '1', price: '50000' })).body).toEqual({ code: -2019, msg: 'Margin is insufficient.' });
    expect((await order(carol, { side: 'BUY', quantity: '0.0011', price: '50000' })).body).toEqual({ code: -4023, msg: 'Quantity not increased by step size.' });
    expect((await order(carol, { side: 'BUY', quantity: '0.01', price: '50000.05' })).body).toEqual({ code: -4014, msg: 'Price not increased by tick size.' });
  });

  it('opens and closes one-way positions with maker/taker commissions and realized PnL in the wallet', async () => {
    const ask = (await order(alice, { side: 'SELL', quantity: '0.1', price: '90000', newClientOrderId: 'short-open' })).body;
    expect(ask).toMatchObject({ status: 'NEW', positionSide: 'BOTH', clientOrderId: 'short-open', cumQuote: '0.00', reduceOnly: false });
    const take = (await order(bob, { side: 'BUY', type: 'MARKET', timeInForce: '', quantity: '0.1' })).body;
    expect(take).toMatchObject({ status: 'FILLED', avgPrice: '90000.00', executedQty: '0.100', cumQuote: '9000.00' });

    const bobRisk = (await fapi.signed(bob, 'GET', '/fapi/v3/positionRisk')).body;
    expect(bobRisk).toEqual([expect.objectContaining({ symbol: 'BTCUSDT', positionSide: 'BOTH', positionAmt: '0.100', entryPrice: '90000.00000000', marginAsset: 'USDT' })]);
    const aliceRisk = (await fapi.signed(alice, 'GET', '/fapi/v3/positionRisk')).body;
    expect(aliceRisk[0]).toMatchObject({ positionAmt: '-0.100', entryPrice: '90000.00000000' });
    // Taker 0.05 % of 9000 = 4.5, maker 0.02 % = 1.8.
    expect((await incomes(bob, 'COMMISSION')).map((i) => i.income)).toEqual(['-4.50000000']);
    expect((await incomes(alice, 'COMMISSION')).map((i) => i.income)).toEqual(['-1.80000000']);

    // Bob closes at 91000 against Alice's bid: +100 realized for him, -100 for her.
    await order(alice, { side: 'BUY', quantity: '0.1', price: '91000', reduceOnly: 'true' });
    const close = (await order(bob, { side: 'SELL', type: 'MARKET', timeInForce: '', quantity: '0.1', reduceOnly: 'true' })).body;
    expect(close).toMatchObject({ status: 'FILLED', reduceOnly: true });
    expect((await incomes(bob, 'REALIZED_PNL')).map((i) => i.income)).toEqual(['100.00000000']);
    expect((await incomes(alice, 'REALIZED_PNL')).map((i) => i.income)).toEqual(['-100.00000000']);
    const balance = (await fapi.signed(bob, 'GET', '/fapi/v2/balance')).body;
    // 1,000,000 + 100 − 4.5 (taker open) − 4.55 (taker close on 9100), plus funding settled meanwhile
    // (the clock runs every 400 ms here), to the last unit.
    const funding = (await incomes(bob, 'FUNDING_FEE')).reduce((sum, i) => sum + dec(i.income), 0n);
    expect(dec(balance[0].balance)).toBe(dec('1000090.95') + funding);
    expect((await fapi.signed(bob, 'GET', '/fapi/v3/positionRisk')).body).toEqual([]);
    expect((await order(bob, { side: 'SELL', type: 'MARKET', timeInForce: '', quantity: '0.1', reduceOnly: 'true' })).body).toEqual({ code: -2022, msg: 'ReduceOnly Order is rejected.' });
    const trades = (await fapi.signed(bob, 'GET', '/fapi/v1/userTrades', { symbol: 'BTCUSDT' })).body;
    expect(trades.map((t: { side: string; maker: boolean; realizedPnl: string }) => [t.side, t.maker, t.realizedPnl])).toEqual([['BUY', false, '0.00000000'], ['SELL', false, '100.00000000']]);
  });

  it('switches to hedge mode, where orders need LONG/SHORT, and refuses to switch back with a position', async () => {
    expect((await fapi.signed(carol, 'GET', '/fapi/v1/positionSide/dual')).body).toEqual({ dualSidePosition: false });
    expect((await fapi.signed(carol, 'POST', '/fapi/v1/positionSide/dual', { dualSidePosition: 'true' })).body).toEqual({ code: 200, msg: 'success' });
    expect((await fapi.signed(carol, 'POST', '/fapi/v1/positionSide/dual', { dualSidePosition: 'true' })).body).toEqual({ code: -4059, msg: 'No need to change position side.' });
    expect((await order(carol, { symbol: 'ETHUSDT', side: 'BUY', quantity: '1', price: '3000' })).body).toEqual({ code: -4061, msg: "Order's position side does not match user's setting." });

    await order(alice, { symbol: 'ETHUSDT', side: 'SELL', quantity: '2', price: '3000' });
    const long = (await order(carol, { symbol: 'ETHUSDT', side: 'BUY', positionSide: 'LONG', quantity: '1', price: '3000' })).body;
    expect(long).toMatchObject({ status: 'FILLED', positionSide: 'LONG' });
    await order(alice, { symbol: 'ETHUSDT', side: 'BUY', quantity: '1', price: '2990' });
    const short = (await order(carol, { symbol: 'ETHUSDT', side: 'SELL', positionSide: 'SHORT', quantity: '1', price: '2990' })).body;
    expect(short).toMatchObject({ status: 'FILLED', positionSide: 'SHORT' });
    const risk = (await fapi.signed(carol, 'GET', '/fapi/v2/positionRisk', { symbol: 'ETHUSDT' })).body;
    expect(risk.map((p: { positionSide: string; positionAmt: string; entryPrice: string }) => [p.positionSide, p.positionAmt, p.entryPrice])).toEqual([
      ['LONG', '1.000', '3000.00000000'],
      ['SHORT', '-1.000', '2990.00000000'],
    ]);
    expect((await fapi.signed(carol, 'POST', '/fapi/v1/positionSide/dual', { dualSidePosition: 'false' })).body).toEqual({ code: -4068, msg: 'Position side cannot be changed if there exists position.' });
  });

  it('settles funding on the (sped-up) clock: longs and shorts exchange amount × mark × rate, recorded as FUNDING_FEE income', async () => {
    await order(alice, { symbol: 'SOLUSDT', side: 'SELL', quantity: '10', price: '150' });
    await order(bob, { symbol: 'SOLUSDT', side: 'BUY', quantity: '10', price: '150' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const bobFunding = (await incomes(bob, 'FUNDING_FEE')).filter((i) => i.symbol === 'SOLUSDT');
    expect(bobFunding.length).toBeGreaterThanOrEqual(2);
    for (const entry of bobFunding) expect(entry.time % 400).toBe(0);
    const aliceFunding = (await incomes(alice, 'FUNDING_FEE')).filter((i) => i.symbol === 'SOLUSDT');
    const paidAt = new Map(aliceFunding.map((i) => [i.time, i.income]));
    for (const entry of bobFunding) expect(Number(paidAt.get(entry.time))).toBe(-Number(entry.income));

    const before = (await incomes(bob, 'FUNDING_FEE')).length;
    expect((await fetch(`${exchange.url}/__local/funding`, { method: 'POST' })).status).toBe(200);
    exchange.settleFunding();
    expect((await incomes(bob, 'FUNDING_FEE')).length).toBeGreaterThanOrEqual(before + 2);
    const history = (await fapi.public('/fapi/v1/fundingRate', { symbol: 'SOLUSDT', limit: 3 })).body;
    expect(history).toHaveLength(3);
    expect(history[0]).toMatchObject({ symbol: 'SOLUSDT', fundingRate: expect.stringMatching(/^-?\d+\.\d{8}$/) });
  });

  it('hands out listenKeys for the user data stream', async () => {
    const created = (await fapi.send('POST', '/fapi/v1/listenKey', '', '', { 'X-MBX-APIKEY': alice.apiKey })).body;
    expect(created.listenKey).toMatch(/^[A-Za-z0-9]{60}$/);
    expect((await fapi.send('PUT', '/fapi/v1/listenKey', '', '', { 'X-MBX-APIKEY': alice.apiKey })).body).toEqual({ listenKey: created.listenKey });
    expect((await fapi.send('DELETE', '/fapi/v1/listenKey', '', '', { 'X-MBX-APIKEY': alice.apiKey })).body).toEqual({});
    expect((await fapi.send('POST', '/fapi/v1/listenKey', '', '', {})).status).toBe(401);
  });
});
