import { describe, expect, it } from 'vitest';
import { DEV_ACCOUNTS } from '../../tools/exchange/dev-accounts';
import { exchangeAsDev, exchangeControl } from '../support/exchange';
import { api } from '../support/http';
import { accountWithKeys, followOrders, orderOf, placeOrder, type Page } from './support';

// Dev account 2's USD-M account is this file's alone (its position mode is changed here).
const dev = DEV_ACCOUNTS[2];

interface Position {
  trading_pair: string;
  side: string;
  amount: number;
  entry_price: number;
  leverage: number | null;
}

interface FundingPayment {
  trading_pair: string;
  funding_payment: number;
  fee_currency: string;
  exchange_funding_id: string;
}

describe('perpetual trading', () => {
  it('sets position mode and leverage, opens a long, shows the position, records funding, and closes it', async () => {
    const account = await accountWithKeys(dev, 'binance_perpetual');
    const path = `/trading/${account}/binance_perpetual`;
    expect(await (await api(`${path}/position-mode`)).json()).toEqual({ position_mode: 'ONEWAY', connector: 'binance_perpetual', account });
    const setMode = await api(`${path}/position-mode`, { body: { position_mode: 'HEDGE' } });
    expect(setMode.status).toBe(200);
    expect(await setMode.json()).toMatchObject({ status: 'success' });
    expect(await (await api(`${path}/position-mode`)).json()).toMatchObject({ position_mode: 'HEDGE' });
    const leverage = await api(`${path}/leverage`, { body: { trading_pair: 'ETH-USDT', leverage: 10 } });
    expect(leverage.status).toBe(200);
    expect(await leverage.json()).toMatchObject({ status: 'success' });

    const trade = { account_name: account, connector_name: 'binance_perpetual', trading_pair: 'ETH-USDT', amount: 0.5, order_type: 'MARKET' };
    const opened = await placeOrder({ ...trade, trade_type: 'BUY', position_action: 'OPEN' });
    expect(opened.status).toBe(201);
    const { order_id: openId } = await opened.json<{ order_id: string }>();
    await followOrders(account, 'binance_perpetual');
    const openOrder = await orderOf(account, openId);
    expect(openOrder).toMatchObject({ status: 'FILLED', filled_amount: 0.5 });

    const positions = await (await api('/trading/positions', { body: { account_names: [account] } })).json<Page<Position>>();
    expect(positions.data).toEqual([expect.objectContaining({ trading_pair: 'ETH-USDT', side: 'LONG', amount: 0.5, leverage: 10 })]);
    expect(positions.data[0].entry_price).toBeCloseTo(openOrder!.average_fill_price!, 2);

    // The exchange's funding tick, then its income history, stored once.
    expect((await exchangeControl('funding')).status).toBe(200);
    const funding = async () => (await (await api('/trading/funding-payments', { body: { account_names: [account] } })).json<Page<FundingPayment>>()).data;
    const payments = await funding();
    const income = await exchangeAsDev<{ tranId: number; income: string; asset: string }[]>(dev, 'GET', 'fapi.binance.com/fapi/v1/income', { incomeType: 'FUNDING_FEE' });
    expect(income.length).toBeGreaterThan(0);
    expect(payments).toEqual(
      income.map((entry) => expect.objectContaining({ trading_pair: 'ETH-USDT', exchange_funding_id: String(entry.tranId), funding_payment: Number(entry.income), fee_currency: entry.asset })),
    );
    expect(await funding()).toHaveLength(payments.length);

    const closed = await placeOrder({ ...trade, trade_type: 'SELL', position_action: 'CLOSE' });
    expect(closed.status).toBe(201);
    const { order_id: closeId } = await closed.json<{ order_id: string }>();
    await followOrders(account, 'binance_perpetual');
    expect(await orderOf(account, closeId)).toMatchObject({ status: 'FILLED', filled_amount: 0.5 });
    expect((await (await api('/trading/positions', { body: { account_names: [account] } })).json<Page<Position>>()).data).toEqual([]);
  });

  it('answers 400 for position mode and leverage on a spot connector', async () => {
    const account = await accountWithKeys(dev);
    const mode = await api(`/trading/${account}/binance/position-mode`);
    expect(mode.status).toBe(400);
    expect(await mode.json()).toMatchObject({ code: 'NOT_PERPETUAL' });
    const leverage = await api(`/trading/${account}/binance/leverage`, { body: { trading_pair: 'BTC-USDT', leverage: 5 } });
    expect(leverage.status).toBe(400);
  });
});
