import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import portfolio from '../../workers/portfolio';
import type { PortfolioEnv } from '../../workers/portfolio/env';
import { DEV_ACCOUNTS } from '../../tools/exchange/dev-accounts';
import { addDevWallet } from '../support/chain';
import { api } from '../support/http';
import { exchangeRequests } from '../market-data/exchange';

type Row = { token: string; units: number; price: number; value: number; available_units: number; price_missing?: true };
type State = Record<string, Record<string, Row[]>>;

const [, keysA, keysB] = DEV_ACCOUNTS;
const suffix = crypto.randomUUID().slice(0, 6);
const accountA = `pf_a_${suffix}`;
const accountB = `pf_b_${suffix}`;

/** A signed GET or POST straight to the local exchange with a dev key (not through Colibri). */
async function exchange<T>(method: 'GET' | 'POST', path: string, keys: { apiKey: string; apiSecret: string }, params: Record<string, string> = {}): Promise<T> {
  const query = new URLSearchParams({ ...params, timestamp: String(Date.now()) }).toString();
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(keys.apiSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = [...new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(query)))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const response = await fetch(`${env.TEST_EXCHANGE_URL}${path}?${query}&signature=${signature}`, { method, headers: { 'X-MBX-APIKEY': keys.apiKey } });
  return response.json();
}

/** The exchange's own non-zero spot balances of a dev key, by asset. */
async function spotBalances(keys: { apiKey: string; apiSecret: string }): Promise<Record<string, number>> {
  const account = await exchange<{ balances: { asset: string; free: string; locked: string }[] }>('GET', '/api.binance.com/api/v3/account', keys);
  return Object.fromEntries(account.balances.map((b) => [b.asset, Number(b.free) + Number(b.locked)]).filter(([, units]) => units !== 0));
}

const units = (rows: Row[]) => Object.fromEntries(rows.map((row) => [row.token, row.units]));

/** The portfolio worker's Cron Trigger firing at `time` (the trigger runs every minute). */
async function cronTick(time: number, overrides: Partial<PortfolioEnv> = {}): Promise<void> {
  const ctx = createExecutionContext();
  await portfolio.scheduled(createScheduledController({ scheduledTime: time, cron: '* * * * *' }), { ...(env as unknown as PortfolioEnv), ...overrides }, ctx);
  await waitOnExecutionContext(ctx);
}

/** When the snapshots of `account` were taken, Unix ms, in a window. */
async function snapshotTimes(account: string, from: number, to: number): Promise<number[]> {
  const response = await api('/portfolio/history', { body: { account_names: [account], start_time: from, end_time: to, limit: 1000 } });
  return (await response.json<{ data: { timestamp: string }[] }>()).data.map((point) => Date.parse(point.timestamp)).sort((a, b) => a - b);
}

async function state(body: Record<string, unknown>): Promise<State> {
  const response = await api('/portfolio/state', { body });
  expect(response.status).toBe(200);
  return response.json();
}

describe('/portfolio', () => {
  beforeAll(async () => {
    for (const [account, keys] of [
      [accountA, keysA],
      [accountB, keysB],
    ] as const) {
      expect((await api(`/accounts/add-account?account_name=${account}`, { method: 'POST' })).status).toBe(201);
      expect((await api(`/accounts/add-credential/${account}/binance`, { body: { binance_api_key: keys.apiKey, binance_api_secret: keys.apiSecret } })).status).toBe(201);
      expect((await api(`/accounts/add-credential/${account}/binance_perpetual`, { body: { binance_perpetual_api_key: keys.apiKey, binance_perpetual_api_secret: keys.apiSecret } })).status).toBe(201);
    }
    await addDevWallet();
  });

  it("equals the exchange's and the chain's balances across two accounts, two connectors and a wallet, priced in USDT", async () => {
    const before = await exchangeRequests();
    const current = await state({ account_names: [accountA, accountB, 'master_account'], refresh: true });
    // 4 balance requests, one tickers request for binance (exchange and wallet tokens together); USD-M holds only USDT.
    expect(await exchangeRequests()).toBe(before + 5);
    const warm = await exchangeRequests();
    await state({ account_names: [accountA, accountB, 'master_account'], refresh: true });
    expect(await exchangeRequests()).toBe(warm + 5);

    for (const [account, keys] of [
      [accountA, keysA],
      [accountB, keysB],
    ] as const) {
      expect(Object.keys(current[account]).sort()).toEqual(['binance', 'binance_perpetual']);
      expect(units(current[account].binance)).toEqual(await spotBalances(keys));
      // USD-M holds only USDT; other files trade futures with the same dev keys, so its amount is theirs to change.
      expect(current[account].binance_perpetual).toEqual([expect.objectContaining({ token: 'USDT', price: 1 })]);
      expect(current[account].binance_perpetual[0].units).toBeGreaterThan(0);
      for (const row of current[account].binance) expect(row.value).toBeCloseTo(row.units * row.price, 6);
      expect(current[account].binance.find((row) => row.token === 'USDT')!.price).toBe(1);
    }

    const wallet = current.master_account['ethereum-localnet'];
    const { balances } = await (await api('/chains/ethereum/balances', { body: { network: 'localnet', address: (await addDevWallet()) } })).json<{ balances: Record<string, number> }>();
    expect(units(wallet)).toEqual(Object.fromEntries(Object.entries(balances).filter(([, amount]) => amount > 0)));
    const eth = wallet.find((row) => row.token === 'ETH')!;
    const ethUsdt = current[accountA].binance.find((row) => row.token === 'ETH')!.price;
    expect(eth.price).toBe(ethUsdt);
    const weth = wallet.find((row) => row.token === 'WETH');
    if (weth) expect(weth.price).toBe(ethUsdt);
    for (const row of wallet.filter((r) => r.price_missing)) expect([row.price, row.value]).toEqual([0, 0]);
  });

  it('filters by connector and leaves wallets out with skip_gateway', async () => {
    const everything = await state({ account_names: [accountA] });
    const onlyPerpetual = await state({ account_names: [accountA], connector_names: ['binance_perpetual'] });
    expect(onlyPerpetual).toEqual({ [accountA]: { binance_perpetual: everything[accountA].binance_perpetual } });
    const [usdt] = onlyPerpetual[accountA].binance_perpetual;
    expect(usdt).toMatchObject({ token: 'USDT', price: 1, value: usdt.units });
    const noWallets = await state({ account_names: ['master_account'], skip_gateway: true });
    expect(noWallets.master_account?.['ethereum-localnet']).toBeUndefined();
  });

  it('the Cron Trigger snapshots every 5 minutes by default, or as PORTFOLIO_SNAPSHOT_INTERVAL_MINUTES says', async () => {
    const base = Date.UTC(2026, 0, 2, 9, 0);
    for (let minute = 0; minute <= 10; minute++) await cronTick(base + minute * 60_000);
    expect(await snapshotTimes(accountA, base, base + 10 * 60_000)).toEqual([base, base + 5 * 60_000, base + 10 * 60_000]);

    const later = Date.UTC(2026, 0, 2, 10, 0);
    for (let minute = 0; minute <= 30; minute += 5) await cronTick(later + minute * 60_000, { PORTFOLIO_SNAPSHOT_INTERVAL_MINUTES: '15' });
    expect(await snapshotTimes(accountA, later, later + 30 * 60_000)).toEqual([later, later + 15 * 60_000, later + 30 * 60_000]);
  });

  it('a trade changes the next snapshot; history pages newest first, one point per interval', async () => {
    const base = Date.UTC(2026, 0, 1, 12, 0);
    await cronTick(base);
    await exchange('POST', '/api.binance.com/api/v3/order', keysA, { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.01' });
    for (let minute = 1; minute <= 25; minute++) await cronTick(base + minute * 60_000);

    const filters = { account_names: [accountA], connector_names: ['binance'], start_time: base, end_time: base + 30 * 60_000 };
    const page = async (body: Record<string, unknown>) => (await api('/portfolio/history', { body: { ...filters, ...body } })).json<{ data: { timestamp: string; state: State }[]; pagination: { has_more: boolean; next_cursor: string | null } }>();

    const first = await page({ limit: 2 });
    expect(first.data.map((point) => point.timestamp)).toEqual([new Date(base + 25 * 60_000).toISOString(), new Date(base + 20 * 60_000).toISOString()]);
    expect(first.pagination.has_more).toBe(true);
    const second = await page({ limit: 2, cursor: first.pagination.next_cursor });
    const third = await page({ limit: 2, cursor: second.pagination.next_cursor });
    expect(third.data.map((point) => point.timestamp)).toEqual([new Date(base + 5 * 60_000).toISOString(), new Date(base).toISOString()]);
    expect(third.pagination).toMatchObject({ has_more: false, next_cursor: null });

    const btc = (point: { state: State }) => units(point.state[accountA].binance).BTC;
    const [afterTrade, beforeTrade] = third.data;
    expect(btc(afterTrade)).toBeGreaterThan(btc(beforeTrade));
    expect(btc(afterTrade)).toBe((await spotBalances(keysA)).BTC);

    const quarterHours = await page({ limit: 10, interval: '15m' });
    expect(quarterHours.data.map((point) => point.timestamp)).toEqual([new Date(base + 25 * 60_000).toISOString(), new Date(base + 10 * 60_000).toISOString()]);
  });

  it('has one distribution shape whatever the account filter', async () => {
    const two = await (await api('/portfolio/distribution', { body: { account_names: [accountA, accountB], connector_names: ['binance', 'binance_perpetual'] } })).json<{ total_portfolio_value: number; token_count: number; distribution: { token: string; percentage: number; accounts: Record<string, unknown> }[] }>();
    const one = await (await api('/portfolio/distribution', { body: { account_names: [accountA], connector_names: ['binance', 'binance_perpetual'] } })).json<typeof two>();
    expect(Object.keys(two).sort()).toEqual(Object.keys(one).sort());
    expect(two.distribution.reduce((sum, token) => sum + token.percentage, 0)).toBeCloseTo(100, 6);
    expect(Object.keys(two.distribution.find((token) => token.token === 'USDT')!.accounts).sort()).toEqual([accountA, accountB].sort());

    const accounts = await (await api('/portfolio/accounts-distribution')).json<{ account_count: number; distribution: { account: string; connectors: Record<string, unknown> }[] }>();
    expect(accounts.distribution.find((entry) => entry.account === accountA)!.connectors).toHaveProperty('binance_perpetual');
  });

  it('refuses an unknown interval, a limit out of range, and an end before the start (400)', async () => {
    for (const body of [{ interval: '2m' }, { limit: 0 }, { limit: 1001 }, { start_time: 2000, end_time: 1000 }, { cursor: 'yesterday' }]) {
      expect((await api('/portfolio/history', { body })).status).toBe(400);
    }
  });
});
