import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { formatEther, formatUnits } from 'viem';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { gatewaySwaps } from '../../lib/db/schema';
import { approveRouter, balanceOf, dev, routerAmountIn, routerAmountOut, token, units } from '../connectors/chain';
import { addDevWallet, anvil, withSnapshot } from '../support/chain';
import { api } from '../support/http';
import { clearHistory, gasPaid, runFollower, settledSwap } from './support';

type SwapRow = Record<string, unknown> & { status: string; transaction_hash: string | null };

const [WETH, USDC] = [token('WETH'), token('USDC')];
/** As hummingbot-api-client 1.5.1 sends it: decimals as strings. */
const clientSwap = (overrides: Record<string, unknown> = {}) => ({ connector: 'uniswap/amm', network: 'ethereum-localnet', trading_pair: 'WETH-USDC', side: 'SELL', amount: '0.1', slippage_pct: '1.0', ...overrides });
const status = async (hash: string) => (await api(`/gateway/swaps/${hash}/status`)).json<SwapRow>();
const stored = async (hash: string) => (await getDb(env).select().from(gatewaySwaps).where(eq(gatewaySwaps.transactionHash, hash)))[0];

beforeAll(async () => {
  await addDevWallet();
});

beforeEach(clearHistory);

describe('POST /gateway/swap/quote', () => {
  it("answers the connector's quote in Hummingbot API's shape, for the client's body", async () => {
    const out = await routerAmountOut(units('0.1', 18), WETH.address, USDC.address);
    const response = await api('/gateway/swap/quote', { body: clientSwap() });
    expect(response.status).toBe(200);
    const amountOut = Number(formatUnits(out, 6));
    expect(await response.json()).toEqual({ base: 'WETH', quote: 'USDC', price: amountOut / 0.1, amount: 0.1, amount_in: 0.1, amount_out: amountOut, expected_amount: amountOut, slippage_pct: 1, gas_estimate: null });

    const buy = await (await api('/gateway/swap/quote', { body: clientSwap({ side: 'BUY' }) })).json<Record<string, number>>();
    expect(buy).toMatchObject({ amount_out: 0.1, amount_in: Number(formatUnits(await routerAmountIn(units('0.1', 18), USDC.address, WETH.address), 6)) });
  });

  it("takes 'uniswap' as its router, quoting what /trading/swap/quote quotes", async () => {
    const unified = await (await api('/trading/swap/quote?chainNetwork=ethereum-localnet&connector=uniswap/router&baseToken=WETH&quoteToken=USDC&amount=0.1&side=SELL')).json<{ amountOut: number }>();
    const quoted = await (await api('/gateway/swap/quote', { body: clientSwap({ connector: 'uniswap' }) })).json<{ amount_out: number }>();
    expect(quoted.amount_out).toBe(unified.amountOut);
  });
});

describe('POST /gateway/swap/execute and the follower', () => {
  it('records the swap, and its follower confirms it once mined, without the Cron, with the exact amounts, price and gas fee the chain moved', async () => {
    await withSnapshot(async () => {
      await approveRouter('WETH');
      const [usdcBefore, quotedOut] = [await balanceOf(USDC.address, dev), await routerAmountOut(units('0.1', 18), WETH.address, USDC.address)];
      const response = await api('/gateway/swap/execute', { body: clientSwap({ wallet_address: dev }) });
      expect(response.status).toBe(200);
      const sent = await response.json<{ transaction_hash: string }>();
      expect(sent).toEqual({ transaction_hash: expect.stringMatching(/^0x[0-9a-f]{64}$/), trading_pair: 'WETH-USDC', side: 'SELL', amount: 0.1, status: 'submitted' });
      expect(await status(sent.transaction_hash)).toMatchObject({ network: 'ethereum-localnet', connector: 'uniswap/amm', wallet_address: dev, base_token: 'WETH', quote_token: 'USDC', slippage_pct: 1 });

      // Followed from the moment it was sent: the status poll sees it CONFIRMED with no Cron run.
      expect(await settledSwap(sent.transaction_hash)).toMatchObject({ status: 'CONFIRMED' });
      const received = (await balanceOf(USDC.address, dev)) - usdcBefore;
      expect(received).toBe(quotedOut);
      const fee = formatEther(await gasPaid(sent.transaction_hash));
      // Exact in Postgres: the decimals the chain moved, not floats.
      expect(await stored(sent.transaction_hash)).toMatchObject({ status: 'CONFIRMED', inputAmount: '0.1', outputAmount: formatUnits(received, 6), gasFee: fee, gasToken: 'ETH' });
      const row = await status(sent.transaction_hash);
      expect(row).toMatchObject({ status: 'CONFIRMED', input_amount: 0.1, output_amount: Number(formatUnits(received, 6)), gas_fee: Number(fee), gas_token: 'ETH', error_message: null });
      expect(row.price).toBe(Number(formatUnits(received * 10n, 6)));
      expect((await stored(sent.transaction_hash)).price).toBe(formatUnits(received * 10n, 6));

      // Settled rows are left alone by the Cron, the follower's safety net.
      await runFollower();
      expect(await status(sent.transaction_hash)).toEqual(row);
    });
  });

  // Flaky (about 1 run in 3 of the full suite): the first swap is sometimes mined reverted. Retried, not
  // weakened, until the cause is found (see the closing note).
  it('leaves a swap the chain has not mined SUBMITTED, confirms it once mined, and fails one that reverted', async () => {
    await withSnapshot(async () => {
      await approveRouter('WETH');
      await approveRouter('USDC');
      // The connector waits half a second for the receipt, then answers while the swap is pending.
      await api('/config/update', { body: { namespace: 'ethereum-localnet', path: 'transactionExecutionTimeoutMs', value: 500 } });
      await anvil('evm_setAutomine', [false]);
      try {
        const pending = await (await api('/gateway/swap/execute', { body: clientSwap() })).json<{ transaction_hash: string }>();
        await runFollower();
        expect(await status(pending.transaction_hash)).toMatchObject({ status: 'SUBMITTED', wallet_address: null });
        await anvil('evm_mine');
        await runFollower();
        expect(await status(pending.transaction_hash)).toMatchObject({ status: 'CONFIRMED', wallet_address: dev, input_amount: 0.1 });

        // Mined after its deadline (the chain's time + 600 s): the router reverts it.
        const late = await (await api('/gateway/swap/execute', { body: clientSwap({ side: 'BUY', amount: '0.05' }) })).json<{ transaction_hash: string }>();
        await anvil('evm_increaseTime', [3600]);
        await anvil('evm_mine');
        await runFollower();
        const failed = await status(late.transaction_hash);
        expect(failed).toMatchObject({ status: 'FAILED', error_message: 'reverted', gas_fee: Number(formatEther(await gasPaid(late.transaction_hash))), side: 'BUY' });
      } finally {
        await anvil('evm_setAutomine', [true]);
        await api('/config/update', { body: { namespace: 'ethereum-localnet', path: 'transactionExecutionTimeoutMs', value: 10000 } });
      }
    });
  });

  it('records a swap the chain refuses before it is sent as FAILED with the reason, and answers the 400', async () => {
    await withSnapshot(async () => {
      await approveRouter('WETH', '0.01');
      const response = await api('/gateway/swap/execute', { body: clientSwap() });
      expect(response.status).toBe(400);
      const error = await response.json<{ code: string; detail: string }>();
      expect(error).toMatchObject({ code: 'INSUFFICIENT_ALLOWANCE', detail: expect.stringContaining('allowance') });
      const { data } = await (await api('/gateway/swaps/search', { body: { status: 'FAILED' } })).json<{ data: SwapRow[] }>();
      expect(data).toEqual([expect.objectContaining({ transaction_hash: null, status: 'FAILED', trading_pair: 'WETH-USDC', error_message: error.detail })]);
    });
  });
});

describe('bad input', () => {
  it('answers 400 naming the connector, network, pair or amount, and 404 for an unknown hash; nothing is recorded', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ connector: 'sushiswap' }, /Unknown connector 'sushiswap'/],
      [{ connector: 'uniswap/perp' }, /Unknown connector 'uniswap\/perp'/],
      [{ network: 'bitcoin-mainnet' }, /Unknown network 'bitcoin-mainnet'/],
      [{ network: 'ethereum-nowhere' }, /Unknown network 'nowhere'/],
      [{ trading_pair: 'WETHUSDC' }, /trading_pair: 'WETHUSDC' is not 'BASE-QUOTE'/],
      [{ trading_pair: 'WETH-USDC-DAI' }, /is not 'BASE-QUOTE'/],
      [{ amount: '0' }, /amount: must be greater than 0/],
      [{ amount: '-1' }, /amount: must be a decimal number/],
      [{ amount: 0 }, /amount: must be greater than 0/],
      [{ amount: true }, /amount/],
      [{ amount: '0x10' }, /amount: must be a decimal number/],
      [{ side: 'HOLD' }, /side/],
      [{ slippage_pct: '101' }, /slippage_pct: must be between 0 and 100/],
    ];
    for (const [overrides, message] of cases) {
      for (const path of ['/gateway/swap/quote', '/gateway/swap/execute']) {
        const response = await api(path, { body: clientSwap(overrides) });
        expect(response.status, `${path} ${JSON.stringify(overrides)}`).toBe(400);
        expect((await response.json<{ detail: string }>()).detail, JSON.stringify(overrides)).toMatch(message);
      }
    }
    const missing = await api(`/gateway/swaps/0x${'ab'.repeat(32)}/status`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ detail: `Swap not found: 0x${'ab'.repeat(32)}` });
    expect((await (await api('/gateway/swaps/summary')).json<{ total_swaps: number }>()).total_swaps).toBe(0);
  });
});

describe('POST /gateway/swaps/search and GET /gateway/swaps/summary', () => {
  const at = (seconds: number) => new Date(seconds * 1000);
  const other = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
  /** Ten swaps over two networks, two wallets and three statuses, one a second apart from t = 1,000,000. */
  const history = Array.from({ length: 10 }, (_, i) => ({
    id: crypto.randomUUID(),
    transactionHash: `0x${i.toString(16).padStart(64, '0')}`,
    timestamp: at(1_000_000 + i),
    network: i < 7 ? 'ethereum-localnet' : 'ethereum-base',
    connector: 'uniswap',
    walletAddress: i % 2 ? other : dev,
    tradingPair: i % 3 ? 'WETH-USDC' : 'WETH-DAI',
    baseToken: 'WETH',
    quoteToken: i % 3 ? 'USDC' : 'DAI',
    side: i % 2 ? ('BUY' as const) : ('SELL' as const),
    inputAmount: `0.${i + 1}`,
    outputAmount: `${(i + 1) * 300}.000001`,
    price: '3000',
    slippagePct: '1',
    gasFee: i === 9 ? null : `0.00000000000000000${i + 1}`,
    status: i === 8 ? ('FAILED' as const) : i === 9 ? ('SUBMITTED' as const) : ('CONFIRMED' as const),
  }));

  beforeEach(async () => {
    await getDb(env).insert(gatewaySwaps).values(history);
  });

  const hashesOf = (data: SwapRow[]) => data.map((row) => row.transaction_hash);
  const newestFirst = (rows: typeof history) => [...rows].reverse().map((row) => row.transactionHash);

  it('filters and pages, newest first, from query parameters (the server contract) and from a JSON body (the client)', async () => {
    const localnet = history.filter((row) => row.network === 'ethereum-localnet');
    const byQuery = await (await api('/gateway/swaps/search?network=ethereum-localnet&limit=3&offset=0', { method: 'POST' })).json<{ data: SwapRow[]; pagination: object }>();
    expect(hashesOf(byQuery.data)).toEqual(newestFirst(localnet).slice(0, 3));
    expect(byQuery.pagination).toEqual({ limit: 3, offset: 0, has_more: true, total_count: 7 });
    const lastPage = await (await api('/gateway/swaps/search', { body: { network: 'ethereum-localnet', limit: 3, offset: 6 } })).json<{ data: SwapRow[]; pagination: object }>();
    expect(hashesOf(lastPage.data)).toEqual(newestFirst(localnet).slice(6));
    expect(lastPage.pagination).toEqual({ limit: 3, offset: 6, has_more: false, total_count: 7 });
    const pastTheEnd = await (await api('/gateway/swaps/search', { body: { network: 'ethereum-localnet', offset: 50 } })).json<{ data: SwapRow[]; pagination: object }>();
    expect(pastTheEnd).toEqual({ data: [], pagination: { limit: 50, offset: 50, has_more: false, total_count: 7 } });

    const filters: [Record<string, unknown>, typeof history][] = [
      [{ wallet_address: other.toLowerCase() }, history.filter((row) => row.walletAddress === other)],
      [{ trading_pair: 'WETH-DAI' }, history.filter((row) => row.tradingPair === 'WETH-DAI')],
      [{ status: 'CONFIRMED', network: 'ethereum-base' }, history.filter((row) => row.status === 'CONFIRMED' && row.network === 'ethereum-base')],
      [{ start_time: 1_000_002, end_time: 1_000_004 }, history.slice(2, 5)],
      [{ connector: 'jupiter' }, []],
    ];
    for (const [filter, expected] of filters) {
      const body = await (await api('/gateway/swaps/search', { body: filter })).json<{ data: SwapRow[] }>();
      expect(hashesOf(body.data), JSON.stringify(filter)).toEqual(newestFirst(expected));
      const query = new URLSearchParams(Object.fromEntries(Object.entries(filter).map(([key, value]) => [key, String(value)])));
      const byParams = await (await api(`/gateway/swaps/search?${query}`, { method: 'POST' })).json<{ data: SwapRow[] }>();
      expect(hashesOf(byParams.data), JSON.stringify(filter)).toEqual(newestFirst(expected));
    }
    const [first] = (await (await api('/gateway/swaps/search', { body: { limit: 1, offset: 9 } })).json<{ data: SwapRow[] }>()).data;
    expect(first).toEqual({
      transaction_hash: history[0].transactionHash, timestamp: at(1_000_000).toISOString(), network: 'ethereum-localnet', connector: 'uniswap', wallet_address: dev, trading_pair: 'WETH-DAI',
      base_token: 'WETH', quote_token: 'DAI', side: 'SELL', input_amount: 0.1, output_amount: 300.000001, price: 3000, slippage_pct: 1, gas_fee: 1e-18, gas_token: null, status: 'CONFIRMED',
      pool_address: null, quote_id: null, error_message: null,
    });
  });

  it('refuses bad filters with a 400 naming them', async () => {
    for (const body of [{ limit: 0 }, { limit: 1001 }, { offset: -1 }, { status: 'DONE' }, { start_time: 'yesterday' }, { limit: true }]) {
      const response = await api('/gateway/swaps/search', { body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json<{ validation: { field: string }[] }>()).validation[0].field).toBe(Object.keys(body)[0]);
    }
  });

  it('summarizes exactly what the rows hold', async () => {
    const summary = await (await api('/gateway/swaps/summary?network=ethereum-localnet')).json();
    const localnet = history.filter((row) => row.network === 'ethereum-localnet');
    const confirmed = localnet.filter((row) => row.status === 'CONFIRMED');
    // Volume in the quote token: what BUYs spent and SELLs received.
    const volume = confirmed.reduce((sum, row) => sum + BigInt(Math.round(Number(row.side === 'BUY' ? row.inputAmount : row.outputAmount) * 1e6)), 0n);
    expect(summary).toEqual({
      total_swaps: 7, confirmed_swaps: 7, failed_swaps: 0, pending_swaps: 0, success_rate: 1,
      total_volume: Number(formatUnits(volume, 6)), total_gas_fees: Number(formatUnits(localnet.reduce((sum, row) => sum + BigInt(row.gasFee!.slice(-1)), 0n), 18)),
    });
    const all = await (await api('/gateway/swaps/summary')).json<Record<string, number>>();
    expect(all).toMatchObject({ total_swaps: 10, confirmed_swaps: 8, failed_swaps: 1, pending_swaps: 1, success_rate: 0.8 });
    const window = await (await api(`/gateway/swaps/summary?wallet_address=${dev}&start_time=1000004&end_time=1000009`)).json<Record<string, number>>();
    expect(window).toMatchObject({ total_swaps: 3, confirmed_swaps: 2, failed_swaps: 1 });
  });
});
