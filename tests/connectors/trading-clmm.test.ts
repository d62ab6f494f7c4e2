import { beforeAll, describe, expect, it } from 'vitest';
import { addDevWallet, rpcCounter, withSnapshot } from '../support/chain';
import { api } from '../support/http';
import { balanceOf, dev, human, nonceOf, token, units } from './chain';
import { approveClmm, quoteExactIn, quoteExactOut, V3_POOLS } from './clmm-chain';

type Sent<T> = { signature: string; status: number; data: T };

const [WETH, USDC] = [token('WETH'), token('USDC')];
const POOL = V3_POOLS['WETH-USDC-3000'].address;
const where = { connector: 'uniswap', chainNetwork: 'ethereum-localnet' };
const get = (action: string, params: Record<string, string | number>) =>
  api(`/trading/clmm/${action}?${new URLSearchParams(Object.entries({ ...where, ...params }).map(([key, value]): [string, string] => [key, String(value)]))}`);
const post = async <T>(action: string, body: Record<string, unknown>, headers?: Record<string, string>) => (await api(`/trading/clmm/${action}`, { body: { ...where, ...body }, headers })).json<Sent<T>>();
const balances = async () => [await balanceOf(WETH.address, dev), await balanceOf(USDC.address, dev)];

beforeAll(async () => {
  await addDevWallet();
});

describe('/trading/clmm', () => {
  it('answers pool-info and quote-position as the connector routes do', async () => {
    const connectorRoute = async (action: string, params: Record<string, string | number>) =>
      (await api(`/connectors/uniswap/clmm/${action}?${new URLSearchParams({ network: 'localnet', ...Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)])) })}`)).json();
    expect(await (await get('pool-info', { poolAddress: POOL })).json()).toEqual(await connectorRoute('pool-info', { poolAddress: POOL }));
    const range = { poolAddress: POOL, lowerPrice: 2800, upperPrice: 3300, quoteTokenAmount: 2000 };
    expect(await (await get('quote-position', range)).json()).toEqual(await connectorRoute('quote-position', range));
  });

  it('opens, adds, removes, collects and closes a position, each amount the balance change; a retried open sends nothing', async () => {
    await withSnapshot(async () => {
      for (const symbol of ['WETH', 'USDC']) {
        await approveClmm(symbol, 'uniswap/clmm');
        await approveClmm(symbol, 'uniswap/clmm/swap');
      }
      let before = await balances();
      const request = { walletAddress: dev, poolAddress: POOL, lowerPrice: 2800, upperPrice: 3300, baseTokenAmount: 0.5, quoteTokenAmount: 5000, slippagePct: 0.5 };
      const key = { 'idempotency-key': `open-${crypto.randomUUID()}` };
      const opened = await post<{ positionAddress: string; baseTokenAmountAdded: number; quoteTokenAmountAdded: number }>('open', request, key);
      expect(opened.status).toBe(1);
      let after = await balances();
      expect(human(before[0] - after[0], 18)).toBe(opened.data.baseTokenAmountAdded);
      expect(human(before[1] - after[1], 6)).toBe(opened.data.quoteTokenAmountAdded);
      const nonce = await nonceOf(dev);
      expect(await post('open', request, key)).toEqual(opened);
      expect(await nonceOf(dev)).toBe(nonce);

      const positionAddress = opened.data.positionAddress;
      const info = await (await get('position-info', { positionAddress })).json<{ baseTokenAmount: number; quoteTokenAmount: number }>();
      expect(info.baseTokenAmount).toBeCloseTo(opened.data.baseTokenAmountAdded, 12);
      expect(info.quoteTokenAmount).toBeCloseTo(opened.data.quoteTokenAmountAdded, 5);
      expect(await (await get('positions-owned', {})).json()).toEqual([info]);

      before = after;
      const added = await post<{ baseTokenAmountAdded: number; quoteTokenAmountAdded: number }>('add', { positionAddress, baseTokenAmount: 0.1 });
      after = await balances();
      expect(added.status).toBe(1);
      expect(human(before[0] - after[0], 18)).toBe(added.data.baseTokenAmountAdded);
      expect(human(before[1] - after[1], 6)).toBe(added.data.quoteTokenAmountAdded);

      before = after;
      const removed = await post<{ baseTokenAmountRemoved: number; quoteTokenAmountRemoved: number }>('remove', { positionAddress, percentageToRemove: 25 });
      after = await balances();
      expect(removed.status).toBe(1);
      expect(human(after[0] - before[0], 18)).toBe(removed.data.baseTokenAmountRemoved);
      expect(human(after[1] - before[1], 6)).toBe(removed.data.quoteTokenAmountRemoved);

      // Someone trades through the range (here the wallet itself, through /trading/swap): fees accrue.
      for (const side of ['SELL', 'BUY']) {
        const swap = await api('/trading/swap/execute', { body: { chainNetwork: 'ethereum-localnet', connector: 'uniswap/clmm', baseToken: 'WETH', quoteToken: 'USDC', amount: 3, side } });
        expect((await swap.json<Sent<unknown>>()).status).toBe(1);
      }
      const earned = await (await get('position-info', { positionAddress })).json<{ baseFeeAmount: number; quoteFeeAmount: number }>();
      before = await balances();
      const collected = await post<{ baseFeeAmountCollected: number; quoteFeeAmountCollected: number }>('collect-fees', { positionAddress });
      after = await balances();
      expect(collected.data).toMatchObject({ baseFeeAmountCollected: earned.baseFeeAmount, quoteFeeAmountCollected: earned.quoteFeeAmount });
      expect(collected.data.baseFeeAmountCollected).toBeGreaterThan(0);
      expect(human(after[0] - before[0], 18)).toBe(collected.data.baseFeeAmountCollected);
      expect(human(after[1] - before[1], 6)).toBe(collected.data.quoteFeeAmountCollected);

      before = after;
      const closed = await post<Record<string, number>>('close', { positionAddress });
      after = await balances();
      expect(closed).toMatchObject({ status: 1, data: { baseFeeAmountCollected: 0, quoteFeeAmountCollected: 0 } });
      expect(human(after[0] - before[0], 18)).toBe(closed.data.baseTokenAmountRemoved);
      expect(human(after[1] - before[1], 6)).toBe(closed.data.quoteTokenAmountRemoved);
      expect(await (await get('positions-owned', {})).json()).toEqual([]);
    });
  });

  it('answers 400 for a connector without a clmm schema on the chain, and validation errors', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ connector: 'sushiswap' }, /Unsupported connector: sushiswap/],
      [{ connector: 'uniswap', chainNetwork: 'solana-mainnet-beta' }, /Unsupported connector: uniswap \(no clmm schema on solana\)/],
      [{ chainNetwork: 'ethereum' }, /chainNetwork/],
    ];
    for (const [params, message] of cases) {
      const response = await get('pool-info', { poolAddress: POOL, ...params });
      expect(response.status, JSON.stringify(params)).toBe(400);
      expect((await response.json<{ message: string }>()).message, JSON.stringify(params)).toMatch(message);
    }
    const noConnector = await api(`/trading/clmm/pool-info?chainNetwork=ethereum-localnet&poolAddress=${POOL}`);
    expect(noConnector.status).toBe(400);
  });
});

describe('/trading/swap with uniswap/clmm', () => {
  it('quotes through QuoterV2 both sides in TWO RPC requests, and swaps with balance changes equal to the quote', async () => {
    const quote = (params: Record<string, string>) => api(`/trading/swap/quote?${new URLSearchParams({ chainNetwork: 'ethereum-localnet', connector: 'uniswap/clmm', baseToken: 'WETH', quoteToken: 'USDC', ...params })}`);
    await rpcCounter.reset();
    const sell = await (await quote({ amount: '1', side: 'SELL' })).json<{ poolAddress: string; amountOut: number }>();
    expect((await rpcCounter.read()).requests).toBe(2);
    expect(sell).toMatchObject({ poolAddress: POOL, amountOut: human(await quoteExactIn(WETH.address, USDC.address, 3000, units('1', 18)), 6) });
    await rpcCounter.reset();
    const buy = await (await quote({ amount: '1', side: 'BUY' })).json<{ amountIn: number }>();
    expect((await rpcCounter.read()).requests).toBe(2);
    expect(buy.amountIn).toBe(human(await quoteExactOut(USDC.address, WETH.address, 3000, units('1', 18)), 6));
    const unlisted = await quote({ quoteToken: 'DAI', amount: '1' });
    expect(unlisted.status).toBe(404);
    expect((await unlisted.json<{ message: string }>()).message).toMatch(/No CLMM pool found for WETH-DAI on uniswap\/localnet/);

    await withSnapshot(async () => {
      await approveClmm('WETH', 'uniswap/clmm/swap');
      const before = await balances();
      await rpcCounter.reset();
      const executed = await (await api('/trading/swap/execute', { body: { chainNetwork: 'ethereum-localnet', connector: 'uniswap/clmm', baseToken: 'WETH', quoteToken: 'USDC', amount: 1, side: 'SELL' } })).json<Sent<Record<string, number>>>();
      // The pool, then the quoter with balance, allowance and block time: the rest is the signer's.
      expect((await rpcCounter.read()).methods.filter((method) => method === 'eth_call')).toHaveLength(2);
      expect(executed).toMatchObject({ status: 1, data: { amountIn: 1, amountOut: sell.amountOut, baseTokenBalanceChange: -1, quoteTokenBalanceChange: sell.amountOut } });
      const after = await balances();
      expect(human(after[1] - before[1], 6)).toBe(sell.amountOut);
    });
  });
});
