import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { formatEther } from 'viem';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { gatewayClmmEvents } from '../../lib/db/schema';
import { Decimal } from '../../lib/decimal';
import { balanceOf, dev, token } from '../connectors/chain';
import { approveClmm, slot0, V3_POOLS } from '../connectors/clmm-chain';
import { addDevWallet, withSnapshot } from '../support/chain';
import { api } from '../support/http';
import { clearHistory, gasPaid, runFollower, settledEvents } from './support';

type Event = { event_type: string; transaction_hash: string; status: string; base_token_amount: number; quote_token_amount: number; base_fee_collected: number | null; quote_fee_collected: number | null; gas_fee: number };
type Position = Record<string, unknown> & { pnl_summary: Record<string, number | null> | null; status: string };

const [WETH, USDC] = [token('WETH'), token('USDC')];
const POOL = V3_POOLS['WETH-USDC-3000'].address;
const target = { connector: 'uniswap', network: 'ethereum-localnet' };
const balances = async () => [await balanceOf(WETH.address, dev), await balanceOf(USDC.address, dev)] as const;
/** What the wallet gained of each token since `before`, as exact decimals. */
const gained = async (before: readonly [bigint, bigint]) => {
  const after = await balances();
  return [Decimal.fromUnits(after[0] - before[0], 18), Decimal.fromUnits(after[1] - before[1], 6)] as const;
};
const swapThroughPool = async (side: 'SELL' | 'BUY', amount: number) => {
  const response = await api('/connectors/uniswap/clmm/execute-swap', { body: { network: 'localnet', poolAddress: POOL, baseToken: 'WETH', quoteToken: 'USDC', amount, side } });
  expect((await response.json<{ status: number }>()).status).toBe(1);
};
const storedEvent = async (hash: string) => (await getDb(env).select().from(gatewayClmmEvents).where(eq(gatewayClmmEvents.transactionHash, hash)))[0];

beforeAll(async () => {
  await addDevWallet();
});

beforeEach(clearHistory);

describe('/gateway/clmm positions', () => {
  it('opens, adds, collects fees earned by swaps, removes half and closes: every event recorded from its receipt, and the PnL a hand computation gives', async () => {
    await withSnapshot(async () => {
      for (const symbol of ['WETH', 'USDC']) {
        await approveClmm(symbol, 'uniswap/clmm');
        await approveClmm(symbol, 'uniswap/clmm/swap');
      }
      // WETH is token0 of WETH-USDC: quote per base is token1 per token0, scaled by the decimals.
      const priceNow = async () => {
        const { sqrtPriceX96 } = await slot0(POOL);
        return Decimal.from(sqrtPriceX96 * sqrtPriceX96 * 10n ** 18n).dividedBy(Decimal.from(2n ** 192n * 10n ** 6n));
      };

      // As hummingbot-api-client 1.5.1 sends it.
      let before = await balances();
      const openResponse = await api('/gateway/clmm/open', { body: { ...target, pool_address: POOL, lower_price: '2500', upper_price: '3500', base_token_amount: '1', slippage_pct: '1.0' } });
      expect(openResponse.status).toBe(200);
      const opened = await openResponse.json<{ transaction_hash: string; position_address: string }>();
      expect(opened).toEqual({ transaction_hash: expect.any(String), position_address: expect.stringMatching(/^\d+$/), trading_pair: 'WETH-USDC', pool_address: POOL, lower_price: 2500, upper_price: 3500, status: 'submitted' });
      const deposited = (await gained(before)).map((amount) => amount.negated());
      const entryPrice = await priceNow();
      const id = opened.position_address;

      const owned = await (await api('/gateway/clmm/positions_owned', { body: { ...target, pool_address: POOL } })).json<Record<string, unknown>[]>();
      expect(owned).toEqual([expect.objectContaining({ position_address: id, pool_address: POOL, trading_pair: 'WETH-USDC', base_token: 'WETH', quote_token: 'USDC', in_range: true, base_fee_amount: 0 })]);

      before = await balances();
      const added = await (await api('/gateway/clmm/add', { body: { ...target, position_address: id, quote_token_amount: '1000' } })).json<{ transaction_hash: string }>();
      const addedAmounts = (await gained(before)).map((amount) => amount.negated());

      await runFollower();
      expect(await storedEvent(opened.transaction_hash)).toMatchObject({ eventType: 'OPEN', status: 'CONFIRMED', baseTokenAmount: deposited[0].toString(), quoteTokenAmount: deposited[1].toString(), gasToken: 'ETH' });
      expect(await storedEvent(added.transaction_hash)).toMatchObject({ eventType: 'ADD_LIQUIDITY', status: 'CONFIRMED', baseTokenAmount: addedAmounts[0].toString(), quoteTokenAmount: '1000' });

      // Trades through the range, both ways: fees in both tokens.
      await swapThroughPool('SELL', 5);
      await swapThroughPool('BUY', 5);
      before = await balances();
      const collected = await (await api('/gateway/clmm/collect-fees', { body: { ...target, position_address: id } })).json<{ transaction_hash: string; base_fee_collected: number }>();
      const fees1 = await gained(before);
      expect(collected).toMatchObject({ position_address: id, base_fee_collected: fees1[0].toNumber(), quote_fee_collected: fees1[1].toNumber(), status: 'submitted' });

      before = await balances();
      const removed = await (await api('/gateway/clmm/remove', { body: { ...target, position_address: id, percentage: '50' } })).json<{ transaction_hash: string }>();
      const removedTotal = await gained(before);

      await swapThroughPool('SELL', 2);
      before = await balances();
      const closed = await (await api('/gateway/clmm/close', { body: { ...target, position_address: id } })).json<{ transaction_hash: string }>();
      const closedTotal = await gained(before);

      // Each event is followed from the moment it was sent: settled with no Cron run.
      const followed = await settledEvents<Event>(id);
      expect(followed.map((event) => [event.event_type, event.status])).toEqual([['CLOSE', 'CONFIRMED'], ['REMOVE_LIQUIDITY', 'CONFIRMED'], ['COLLECT_FEES', 'CONFIRMED'], ['ADD_LIQUIDITY', 'CONFIRMED'], ['OPEN', 'CONFIRMED']]);

      const { data: events, total_count } = await (await api(`/gateway/clmm/positions/${id}/events`)).json<{ data: Event[]; total_count: number }>();
      expect(total_count).toBe(5);
      for (const event of events) {
        expect(event.status).toBe('CONFIRMED');
        expect(event.gas_fee).toBe(Number(formatEther(await gasPaid(event.transaction_hash))));
      }
      const collect = await storedEvent(collected.transaction_hash);
      expect(collect).toMatchObject({ baseFeeCollected: fees1[0].toString(), quoteFeeCollected: fees1[1].toString(), baseTokenAmount: null });
      // Removal and close: the liquidity withdrawn plus the fees collected with it is what the wallet received, exactly.
      const remove = await storedEvent(removed.transaction_hash);
      const close = await storedEvent(closed.transaction_hash);
      for (const [event, total] of [[remove, removedTotal], [close, closedTotal]] as const) {
        expect(Decimal.from(event.baseTokenAmount!).plus(event.baseFeeCollected!).toString()).toBe(total[0].toString());
        expect(Decimal.from(event.quoteTokenAmount!).plus(event.quoteFeeCollected!).toString()).toBe(total[1].toString());
      }
      // The last trade sold WETH: its fee is in WETH.
      expect(Decimal.from(close.baseFeeCollected!).isPositive()).toBe(true);
      const onlyCollect = await (await api(`/gateway/clmm/positions/${id}/events?event_type=COLLECT_FEES&limit=10`)).json<{ data: Event[] }>();
      expect(onlyCollect.data.map((event) => event.transaction_hash)).toEqual([collected.transaction_hash]);

      // The client's search body; the pool's price now from the connector, as the summary reads it.
      const search = await (await api('/gateway/clmm/positions/search', { body: { network: 'ethereum-localnet', connector: 'uniswap', status: 'CLOSED', limit: 50, offset: 0, refresh: false } })).json<{ data: Position[]; pagination: object }>();
      expect(search.pagination).toEqual({ limit: 50, offset: 0, has_more: false, total_count: 1 });
      const [row] = search.data;
      const poolInfo = await (await api(`/trading/clmm/pool-info?connector=uniswap&chainNetwork=ethereum-localnet&poolAddress=${POOL}`)).json<{ price: number }>();
      const current = Decimal.from(poolInfo.price);
      const stored = (event: typeof remove, field: 'baseTokenAmount' | 'quoteTokenAmount' | 'baseFeeCollected' | 'quoteFeeCollected') => Decimal.from(event[field] ?? '0');
      const initialBase = deposited[0].plus(addedAmounts[0]);
      const initialQuote = deposited[1].plus(addedAmounts[1]);
      const withdrawnBase = stored(remove, 'baseTokenAmount').plus(stored(close, 'baseTokenAmount'));
      const withdrawnQuote = stored(remove, 'quoteTokenAmount').plus(stored(close, 'quoteTokenAmount'));
      const feesBase = fees1[0].plus(stored(remove, 'baseFeeCollected')).plus(stored(close, 'baseFeeCollected'));
      const feesQuote = fees1[1].plus(stored(remove, 'quoteFeeCollected')).plus(stored(close, 'quoteFeeCollected'));
      const initialValue = initialBase.times(entryPrice).plus(initialQuote);
      const lpValue = withdrawnBase.times(current).plus(withdrawnQuote);
      const feesValue = feesBase.times(current).plus(feesQuote);
      const hodl = initialBase.times(current).plus(initialQuote);
      const pnl = lpValue.plus(feesValue).minus(initialValue);
      expect(row).toMatchObject({
        position_address: id, status: 'CLOSED', trading_pair: 'WETH-USDC', wallet_address: dev, entry_price: entryPrice.toNumber(), current_price: poolInfo.price,
        initial_base_token_amount: initialBase.toNumber(), initial_quote_token_amount: initialQuote.toNumber(), base_token_amount: 0, quote_token_amount: 0,
        base_fee_collected: feesBase.toNumber(), quote_fee_collected: feesQuote.toNumber(), closed_at: expect.any(String),
      });
      expect(row.pnl_summary).toMatchObject({
        entry_price: entryPrice.toNumber(),
        current_price: poolInfo.price,
        price_change_pct: current.minus(entryPrice).times(100).dividedBy(entryPrice).toNumber(),
        initial_base: initialBase.toNumber(),
        initial_quote: initialQuote.toNumber(),
        initial_value_quote: initialValue.toNumber(),
        current_base: 0,
        current_quote: 0,
        withdrawn_base: withdrawnBase.toNumber(),
        withdrawn_quote: withdrawnQuote.toNumber(),
        current_lp_value_quote: lpValue.toNumber(),
        total_fees_base: feesBase.toNumber(),
        total_fees_quote: feesQuote.toNumber(),
        total_fees_value_quote: feesValue.toNumber(),
        hodl_value_quote: hodl.toNumber(),
        impermanent_loss_quote: lpValue.minus(hodl).toNumber(),
        current_total_value_quote: lpValue.plus(feesValue).toNumber(),
        total_pnl_quote: pnl.toNumber(),
        total_pnl_pct: pnl.times(100).dividedBy(initialValue).toNumber(),
      });
      expect(feesValue.isPositive()).toBe(true);

      // Filters: by pair and wallet, a position address list, and query parameters as the server reads them.
      const byQuery = await (await api(`/gateway/clmm/positions/search?position_addresses=${id}&position_addresses=999&trading_pair=WETH-USDC`, { method: 'POST' })).json<{ data: Position[] }>();
      expect(byQuery.data.map((position) => position.position_address)).toEqual([id]);
      expect((await (await api('/gateway/clmm/positions/search', { body: { status: 'OPEN' } })).json<{ data: Position[] }>()).data).toEqual([]);
    });
  });

  it('reads pools through the connector, and answers an open position with its PnL from the chain now', async () => {
    await withSnapshot(async () => {
      for (const symbol of ['WETH', 'USDC']) {
        await approveClmm(symbol, 'uniswap/clmm');
        await approveClmm(symbol, 'uniswap/clmm/swap');
      }
      const info = await (await api(`/gateway/clmm/pool-info?connector=uniswap&network=ethereum-localnet&pool_address=${POOL}`)).json<Record<string, unknown>>();
      const gateway = await (await api(`/trading/clmm/pool-info?connector=uniswap&chainNetwork=ethereum-localnet&poolAddress=${POOL}`)).json<Record<string, number | string>>();
      expect(info).toMatchObject({ address: POOL, base_token_address: WETH.address, quote_token_address: USDC.address, price: gateway.price, fee_pct: gateway.feePct, bin_step: gateway.binStep, active_bin_id: gateway.activeBinId, bins: [] });
      const pools = await (await api('/gateway/clmm/pools?connector=uniswap&network=ethereum-localnet&limit=1')).json<{ pools: Record<string, unknown>[]; total: number; pageSize: number }>();
      expect(pools.pageSize).toBe(1);
      expect(pools.pools).toHaveLength(1);
      expect(pools.total).toBeGreaterThan(1);

      const opened = await (await api('/gateway/clmm/open', { body: { ...target, pool_address: POOL, lower_price: 2000, upper_price: 4000, quote_token_amount: 3000 } })).json<{ position_address: string }>();
      await runFollower();
      await swapThroughPool('SELL', 3);
      const [row] = (await (await api('/gateway/clmm/positions/search', { body: { status: 'OPEN', wallet_address: dev.toLowerCase() } })).json<{ data: Position[] }>()).data;
      const now = await (await api(`/trading/clmm/position-info?connector=uniswap&chainNetwork=ethereum-localnet&positionAddress=${opened.position_address}`)).json<Record<string, number>>();
      expect(row).toMatchObject({ status: 'OPEN', in_range: 'IN_RANGE', base_token_amount: now.baseTokenAmount, quote_token_amount: now.quoteTokenAmount, base_fee_pending: now.baseFeeAmount, current_price: now.price, lower_bin_id: now.lowerBinId });
      expect(row.pnl_summary).toMatchObject({ current_base: now.baseTokenAmount, total_fees_base: now.baseFeeAmount, current_price: now.price });
    });
  });

  it('answers 404 for unknown positions, 400 for unknown connectors, networks and bad percentages', async () => {
    expect((await api('/gateway/clmm/positions/424242/events')).status).toBe(404);
    const unknownPosition = await api('/gateway/clmm/close', { body: { ...target, position_address: '424242' } });
    expect(unknownPosition.status).toBe(404);
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['/gateway/clmm/close', { ...target, connector: 'orca', position_address: '1' }, /Unknown connector 'orca'/],
      ['/gateway/clmm/close', { ...target, network: 'ethereum', position_address: '1' }, /Unknown network 'ethereum'/],
      ['/gateway/clmm/remove', { ...target, position_address: '1', percentage: '0' }, /percentage: must be greater than 0/],
      ['/gateway/clmm/remove', { ...target, position_address: '1', percentage: '150' }, /percentage/],
      ['/gateway/clmm/open', { ...target, pool_address: POOL, lower_price: '2500', upper_price: '3500', base_token_amount: '-1' }, /base_token_amount/],
      ['/gateway/clmm/positions_owned', { ...target, network: 'ethereum-nowhere', pool_address: POOL }, /Unknown network 'nowhere'/],
    ];
    for (const [path, body, message] of cases) {
      const response = await api(path, { body });
      expect(response.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect((await response.json<{ detail: string }>()).detail).toMatch(message);
    }
  });
});
