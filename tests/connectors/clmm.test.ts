import { beforeAll, describe, expect, it } from 'vitest';
import type { EvmNetwork } from '../../lib/chains/ethereum/client';
import { requireClmm } from '../../lib/connectors/actions';
import { resolveSpender } from '../../lib/connectors/spenders';
import { poolAddress } from '../../lib/connectors/uniswap/clmm/pool';
import { MAX_TICK, MIN_TICK, sqrtRatioAtTick, tickAtSqrtRatio } from '../../lib/connectors/uniswap/clmm/tickMath';
import { addDevWallet, rpcCounter, withSnapshot } from '../support/chain';
import { api } from '../support/http';
import { balanceOf, dev, human, nonceOf, PAIRS, token, units } from './chain';
import { approveClmm, position, quoteExactIn, quoteExactOut, slot0, V3_POOLS } from './clmm-chain';

type Quote = { poolAddress: string; tokenIn: string; tokenOut: string; amountIn: number; amountOut: number; price: number; slippagePct: number; minAmountOut: number; maxAmountIn: number; priceImpactPct: number };
type Sent<T> = { signature: string; status: number; data: T };
type PositionInfo = { address: string; poolAddress: string; baseTokenAddress: string; quoteTokenAddress: string; baseTokenAmount: number; quoteTokenAmount: number; baseFeeAmount: number; quoteFeeAmount: number; lowerBinId: number; upperBinId: number; lowerPrice: number; upperPrice: number; price: number };

const [WETH, USDC, DAI] = [token('WETH'), token('USDC'), token('DAI')];
const WETH_USDC = V3_POOLS['WETH-USDC-3000'];
const query = (params: Record<string, string | number>) => new URLSearchParams(Object.entries({ network: 'localnet', ...params }).map(([key, value]): [string, string] => [key, String(value)]));
const get = async <T>(action: string, params: Record<string, string | number>) => (await api(`/connectors/uniswap/clmm/${action}?${query(params)}`)).json<T>();
const post = async <T>(action: string, body: Record<string, unknown>) => (await api(`/connectors/uniswap/clmm/${action}`, { body: { network: 'localnet', ...body } })).json<T>();
const balances = async () => [await balanceOf(WETH.address, dev), await balanceOf(USDC.address, dev)];

beforeAll(async () => {
  await addDevWallet();
});

describe('uniswap/clmm pools and quotes', () => {
  it('answers pool-info from slot0 and the balances the pool holds, in ONE RPC request', async () => {
    await rpcCounter.reset();
    const info = await get<Record<string, number | string>>('pool-info', { poolAddress: WETH_USDC.address });
    expect((await rpcCounter.read()).requests).toBe(1);
    expect(info).toMatchObject({ address: WETH_USDC.address, baseTokenAddress: WETH.address, quoteTokenAddress: USDC.address, binStep: 60, feePct: 0.3, activeBinId: (await slot0(WETH_USDC.address)).tick });
    expect(info.price).toBeCloseTo(3000, 6);
    expect(info.baseTokenAmount).toBeCloseTo(1000, 6);
    expect(info.quoteTokenAmount).toBeCloseTo(3_000_000, 0);
    // USDC-DAI: USDC, the base, is the pool's token1; its 0.01% tier spaces ticks by 1.
    const stable = await get<Record<string, number | string>>('pool-info', { poolAddress: V3_POOLS['USDC-DAI-100'].address });
    expect(stable).toMatchObject({ baseTokenAddress: USDC.address, quoteTokenAddress: DAI.address, binStep: 1, feePct: 0.01 });
    expect(stable.price).toBeCloseTo(1, 9);
  });

  it("lists the V3 pools as clmm pools, and /pools reads a clmm pool's fee from its pool-info (ONE RPC request)", async () => {
    const listed = await (await api('/pools?chainNetwork=ethereum-localnet&connector=uniswap&type=clmm')).json<{ address: string }[]>();
    expect(listed.map((pool) => pool.address)).toEqual(Object.values(V3_POOLS).map((pool) => pool.address));
    const address = V3_POOLS['WETH-USDC-500'].address;
    const pool = { chainNetwork: 'ethereum-localnet', connector: 'uniswap', type: 'clmm', address, baseTokenAddress: WETH.address, quoteTokenAddress: USDC.address };
    try {
      expect((await api(`/pools/${address}?chainNetwork=ethereum-localnet&connector=uniswap&type=clmm`, { method: 'DELETE' })).status).toBe(200);
      await rpcCounter.reset();
      expect(await (await api('/pools', { body: pool })).json()).toEqual({ message: `Pool WETH-USDC (${address}) added in uniswap clmm on ethereum-localnet` });
      expect((await rpcCounter.read()).requests).toBe(1);
      const again = await (await api('/pools?chainNetwork=ethereum-localnet&connector=uniswap&type=clmm')).json<{ address: string; feePct: number }[]>();
      expect(again.find((entry) => entry.address === address)?.feePct).toBe(0.05);
    } finally {
      await api('/pools', { body: { ...pool, feePct: 0.05 } });
    }
  });

  it('SELL (exact in) equals QuoterV2 quoteExactInputSingle, with price and slippage limits, in TWO RPC requests', async () => {
    await rpcCounter.reset();
    const quote = await get<Quote>('quote-swap', { baseToken: 'WETH', quoteToken: 'USDC', amount: 1.5, side: 'SELL', slippagePct: 2 });
    expect((await rpcCounter.read()).requests).toBe(2);
    const out = await quoteExactIn(WETH.address, USDC.address, 3000, units('1.5', 18));
    expect(quote).toEqual({
      poolAddress: WETH_USDC.address,
      tokenIn: WETH.address,
      tokenOut: USDC.address,
      amountIn: 1.5,
      amountOut: human(out, 6),
      price: human(out, 6) / 1.5,
      slippagePct: 2,
      minAmountOut: human((out * 98n) / 100n, 6),
      maxAmountIn: 1.5,
      priceImpactPct: expect.any(Number),
    });
    // The 0.3% fee plus the price the trade moves on ~1000 WETH of liquidity.
    expect(quote.priceImpactPct).toBeGreaterThan(0.3);
    expect(quote.priceImpactPct).toBeLessThan(0.6);
  });

  it('BUY (exact out) equals QuoterV2 quoteExactOutputSingle, with maxAmountIn from slippage, in TWO RPC requests', async () => {
    await rpcCounter.reset();
    const quote = await get<Quote>('quote-swap', { baseToken: 'WETH', quoteToken: 'USDC', amount: 2, side: 'BUY', slippagePct: 1 });
    expect((await rpcCounter.read()).requests).toBe(2);
    const amountIn = await quoteExactOut(USDC.address, WETH.address, 3000, units('2', 18));
    expect(quote).toMatchObject({ tokenIn: USDC.address, tokenOut: WETH.address, amountIn: human(amountIn, 6), amountOut: 2, price: human(amountIn, 6) / 2, minAmountOut: 2, maxAmountIn: human((amountIn * 101n) / 100n, 6) });
  });

  it('quotes the pool named by address (its own fee tier) and a pool whose base is token1, both sides', async () => {
    const low = await get<Quote>('quote-swap', { poolAddress: V3_POOLS['WETH-USDC-500'].address, baseToken: 'WETH', amount: 1, side: 'SELL' });
    expect(low).toMatchObject({ poolAddress: V3_POOLS['WETH-USDC-500'].address, tokenOut: USDC.address, amountOut: human(await quoteExactIn(WETH.address, USDC.address, 500, units('1', 18)), 6), slippagePct: 2 });
    const sell = await get<Quote>('quote-swap', { baseToken: 'USDC', quoteToken: 'DAI', amount: 1000, side: 'SELL' });
    expect(sell.amountOut).toBe(human(await quoteExactIn(USDC.address, DAI.address, 100, units('1000', 6)), 18));
    const buy = await get<Quote>('quote-swap', { baseToken: 'USDC', quoteToken: 'DAI', amount: 1000, side: 'BUY' });
    expect(buy.amountIn).toBe(human(await quoteExactOut(DAI.address, USDC.address, 100, units('1000', 6)), 18));
  });
});

describe('uniswap/clmm swaps', () => {
  it('executes a SELL and a BUY through the SwapRouter whose balance changes equal their quotes', async () => {
    await withSnapshot(async () => {
      await approveClmm('WETH', 'uniswap/clmm/swap');
      await approveClmm('USDC', 'uniswap/clmm/swap');
      const swap = { baseToken: 'WETH', quoteToken: 'USDC', amount: 1 };
      const sellQuote = await get<Quote>('quote-swap', { ...swap, side: 'SELL' });
      const [wethBefore, usdcBefore] = await balances();
      const sell = await post<Sent<Record<string, number | string>>>('execute-swap', { ...swap, side: 'SELL' });
      expect(sell).toMatchObject({ status: 1, data: { tokenIn: WETH.address, tokenOut: USDC.address, amountIn: 1, amountOut: sellQuote.amountOut, baseTokenBalanceChange: -1, quoteTokenBalanceChange: sellQuote.amountOut } });
      const [wethAfter, usdcAfter] = await balances();
      expect(wethBefore - wethAfter).toBe(units('1', 18));
      expect(human(usdcAfter - usdcBefore, 6)).toBe(sellQuote.amountOut);

      const buyQuote = await get<Quote>('quote-swap', { ...swap, side: 'BUY' });
      const buy = await post<Sent<Record<string, number | string>>>('execute-swap', { ...swap, side: 'BUY' });
      expect(buy).toMatchObject({ status: 1, data: { tokenIn: USDC.address, tokenOut: WETH.address, amountIn: buyQuote.amountIn, amountOut: 1, baseTokenBalanceChange: 1, quoteTokenBalanceChange: -buyQuote.amountIn } });
      const [wethEnd, usdcEnd] = await balances();
      expect(wethEnd - wethAfter).toBe(units('1', 18));
      expect(human(usdcAfter - usdcEnd, 6)).toBe(buyQuote.amountIn);
    });
  });

  it('refuses a swap the SwapRouter may not spend for, naming the uniswap/clmm/swap spender; nothing sent', async () => {
    await withSnapshot(async () => {
      await approveClmm('WETH', 'uniswap/clmm');
      const nonce = await nonceOf(dev);
      const response = await api('/connectors/uniswap/clmm/execute-swap', { body: { network: 'localnet', baseToken: 'WETH', quoteToken: 'USDC', amount: 1, side: 'SELL' } });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'INSUFFICIENT_ALLOWANCE', spender: 'uniswap/clmm/swap', message: expect.stringMatching(/Insufficient allowance for WETH: 0 approved to uniswap\/clmm\/swap/) });
      expect(await nonceOf(dev)).toBe(nonce);
    });
  });
});

describe('uniswap/clmm positions', () => {
  it('opens a position in a range, adds, removes half, collects fees earned by swaps through it and closes; every amount is the balance change', async () => {
    await withSnapshot(async () => {
      for (const symbol of ['WETH', 'USDC']) {
        await approveClmm(symbol, 'uniswap/clmm');
        await approveClmm(symbol, 'uniswap/clmm/swap');
      }
      const range = { poolAddress: WETH_USDC.address, lowerPrice: 2500, upperPrice: 3500 };

      await rpcCounter.reset();
      const quoted = await get<Record<string, number | string | boolean>>('quote-position', { ...range, baseTokenAmount: 1 });
      expect((await rpcCounter.read()).requests).toBe(1);
      // The liquidity 1 WETH buys, rounded down, takes a few wei less.
      expect(quoted).toMatchObject({ baseLimited: true, baseTokenAmountMax: 1, quoteTokenAmountMax: quoted.quoteTokenAmount });
      expect(quoted.baseTokenAmount).toBeCloseTo(1, 14);

      let before = await balances();
      const opened = await post<Sent<{ positionAddress: string; baseTokenAmountAdded: number; quoteTokenAmountAdded: number; positionRent: number }>>('open-position', { ...range, baseTokenAmount: 1 });
      expect(opened).toMatchObject({ status: 1, data: { positionRent: 0, baseTokenAmountAdded: quoted.baseTokenAmount, quoteTokenAmountAdded: quoted.quoteTokenAmount } });
      let after = await balances();
      expect(human(before[0] - after[0], 18)).toBe(opened.data.baseTokenAmountAdded);
      expect(human(before[1] - after[1], 6)).toBe(opened.data.quoteTokenAmountAdded);
      const id = opened.data.positionAddress;
      const minted = await position(id);
      expect(minted).toMatchObject({ owner: dev, liquidity: BigInt(quoted.liquidity as string) });
      // Each price's tick (USDC base units per wei: 1.0001^tick = price / 1e12), to the nearest multiple of 60.
      const tickOf = (price: number) => Math.round(Math.log(price / 1e12) / Math.log(1.0001) / 60) * 60;
      expect([minted.tickLower, minted.tickUpper]).toEqual([tickOf(2500), tickOf(3500)]);

      await rpcCounter.reset();
      const info = await get<PositionInfo>('position-info', { positionAddress: id });
      expect((await rpcCounter.read()).requests).toBe(2);
      expect(info).toMatchObject({ address: id, poolAddress: WETH_USDC.address, baseTokenAddress: WETH.address, quoteTokenAddress: USDC.address, baseFeeAmount: 0, quoteFeeAmount: 0, lowerBinId: minted.tickLower, upperBinId: minted.tickUpper });
      expect(info.baseTokenAmount).toBeCloseTo(1, 14);
      // The range's prices are its ticks' (within a spacing of those asked).
      expect(info.lowerPrice).toBeCloseTo(1.0001 ** minted.tickLower * 1e12, 6);
      expect(info.upperPrice).toBeCloseTo(1.0001 ** minted.tickUpper * 1e12, 6);
      await rpcCounter.reset();
      expect(await get('positions-owned', {})).toEqual([info]);
      // The count, the token ids, the positions, their pools: however many positions.
      expect((await rpcCounter.read()).requests).toBe(4);

      before = after;
      const added = await post<Sent<{ baseTokenAmountAdded: number; quoteTokenAmountAdded: number }>>('add-liquidity', { positionAddress: id, quoteTokenAmount: 1000 });
      expect(added.status).toBe(1);
      after = await balances();
      expect(human(before[0] - after[0], 18)).toBe(added.data.baseTokenAmountAdded);
      expect(human(before[1] - after[1], 6)).toBe(added.data.quoteTokenAmountAdded);
      expect(added.data.quoteTokenAmountAdded).toBe(1000);

      before = after;
      const liquidity = (await position(id)).liquidity;
      const removed = await post<Sent<{ baseTokenAmountRemoved: number; quoteTokenAmountRemoved: number }>>('remove-liquidity', { positionAddress: id, percentageToRemove: 50 });
      expect(removed.status).toBe(1);
      after = await balances();
      expect(human(after[0] - before[0], 18)).toBe(removed.data.baseTokenAmountRemoved);
      expect(human(after[1] - before[1], 6)).toBe(removed.data.quoteTokenAmountRemoved);
      expect((await position(id)).liquidity).toBe(liquidity - liquidity / 2n);

      // Trades through the range, both ways: the position earns fees in both tokens.
      for (const side of ['SELL', 'BUY']) {
        expect((await post<Sent<unknown>>('execute-swap', { baseToken: 'WETH', quoteToken: 'USDC', amount: 5, side })).status).toBe(1);
      }
      const earned = await get<PositionInfo>('position-info', { positionAddress: id });
      expect(earned.baseFeeAmount).toBeGreaterThan(0);
      expect(earned.quoteFeeAmount).toBeGreaterThan(0);
      before = await balances();
      const collected = await post<Sent<{ baseFeeAmountCollected: number; quoteFeeAmountCollected: number }>>('collect-fees', { positionAddress: id });
      expect(collected).toMatchObject({ status: 1, data: { baseFeeAmountCollected: earned.baseFeeAmount, quoteFeeAmountCollected: earned.quoteFeeAmount } });
      after = await balances();
      expect(human(after[0] - before[0], 18)).toBe(collected.data.baseFeeAmountCollected);
      expect(human(after[1] - before[1], 6)).toBe(collected.data.quoteFeeAmountCollected);

      // One more trade, so closing collects fees as well as the liquidity.
      await post('execute-swap', { baseToken: 'WETH', quoteToken: 'USDC', amount: 2, side: 'SELL' });
      const last = await get<PositionInfo>('position-info', { positionAddress: id });
      before = await balances();
      const closed = await post<Sent<Record<string, number>>>('close-position', { positionAddress: id });
      expect(closed).toMatchObject({ status: 1, data: { positionRentRefunded: 0, baseFeeAmountCollected: last.baseFeeAmount, quoteFeeAmountCollected: last.quoteFeeAmount } });
      after = await balances();
      // Liquidity plus fees is what the wallet received (as JSON numbers: to a float's precision).
      expect(human(after[0] - before[0], 18)).toBeCloseTo(closed.data.baseTokenAmountRemoved + closed.data.baseFeeAmountCollected, 15);
      expect(human(after[1] - before[1], 6)).toBeCloseTo(closed.data.quoteTokenAmountRemoved + closed.data.quoteFeeAmountCollected, 6);
      expect(closed.data.baseTokenAmountRemoved).toBeCloseTo(last.baseTokenAmount, 12);
      // Burned: the position is gone.
      expect((await api(`/connectors/uniswap/clmm/position-info?${query({ positionAddress: id })}`)).status).toBe(404);
    });
  });
});

describe('uniswap/clmm orientation', () => {
  it('reads a pool whose base is token1 (USDC-DAI, DAI is token0) as /pools lists it: quote per base, base then quote', async () => {
    await withSnapshot(async () => {
      await approveClmm('USDC', 'uniswap/clmm');
      await approveClmm('DAI', 'uniswap/clmm');
      const range = { poolAddress: V3_POOLS['USDC-DAI-100'].address, lowerPrice: 0.99, upperPrice: 1.02, quoteTokenAmount: 500 };
      const quoted = await get<Record<string, number | boolean>>('quote-position', range);
      expect(quoted).toMatchObject({ baseLimited: false, quoteTokenAmountMax: 500 });
      const [usdcBefore, daiBefore] = [await balanceOf(USDC.address, dev), await balanceOf(DAI.address, dev)];
      const opened = await post<Sent<{ positionAddress: string; baseTokenAmountAdded: number; quoteTokenAmountAdded: number }>>('open-position', range);
      expect(opened).toMatchObject({ status: 1, data: { baseTokenAmountAdded: quoted.baseTokenAmount, quoteTokenAmountAdded: quoted.quoteTokenAmount } });
      expect(human(usdcBefore - (await balanceOf(USDC.address, dev)), 6)).toBe(opened.data.baseTokenAmountAdded);
      expect(human(daiBefore - (await balanceOf(DAI.address, dev)), 18)).toBe(opened.data.quoteTokenAmountAdded);
      // DAI per USDC p is 1e-12 / p USDC base units per DAI wei, the lower price the upper tick; its tick is the one at or below it (spacing 1).
      const tickOf = (price: number) => Math.floor(Math.log(1e-12 / price) / Math.log(1.0001));
      const minted = await position(opened.data.positionAddress);
      expect([minted.tickLower, minted.tickUpper]).toEqual([tickOf(1.02), tickOf(0.99)]);
      const info = await get<PositionInfo>('position-info', { positionAddress: opened.data.positionAddress });
      expect(info).toMatchObject({ baseTokenAddress: USDC.address, quoteTokenAddress: DAI.address, lowerBinId: minted.tickLower, upperBinId: minted.tickUpper });
      expect(info.lowerPrice).toBeCloseTo(1e-12 / 1.0001 ** minted.tickUpper, 9);
      expect(info.upperPrice).toBeCloseTo(1e-12 / 1.0001 ** minted.tickLower, 9);
      expect(info.price).toBeCloseTo(1, 9);
      expect(info.quoteTokenAmount).toBeCloseTo(500, 9);
    });
  });
});

describe('uniswap/clmm bad input', () => {
  it('answers reads with a 4xx naming the problem', async () => {
    const pool = WETH_USDC.address;
    const cases: [string, Record<string, string | number>, number, RegExp][] = [
      ['quote-swap', { baseToken: 'NOPE', quoteToken: 'USDC', amount: 1, side: 'SELL' }, 404, /Token NOPE not found/],
      ['quote-swap', { baseToken: 'WETH', quoteToken: 'DAI', amount: 1, side: 'SELL' }, 404, /No CLMM pool found for WETH-DAI on uniswap\/localnet/],
      ['quote-swap', { baseToken: 'WETH', quoteToken: 'USDC', amount: 0, side: 'SELL' }, 400, /amount: must be greater than 0/],
      ['quote-swap', { baseToken: 'WETH', quoteToken: 'USDC', amount: -1, side: 'SELL' }, 400, /amount: must be a decimal number/],
      ['quote-swap', { baseToken: 'WETH', quoteToken: 'USDC', amount: 1, side: 'SELL', slippagePct: 101 }, 400, /slippagePct/],
      ['quote-swap', { baseToken: 'WETH', quoteToken: 'USDC', amount: 1, side: 'SELL', slippagePct: -1 }, 400, /slippagePct/],
      ['quote-swap', { baseToken: 'WETH', quoteToken: 'USDC', amount: 5000, side: 'BUY' }, 400, /Insufficient liquidity/],
      ['quote-swap', { poolAddress: pool, baseToken: 'WETH', quoteToken: 'DAI', amount: 1, side: 'SELL' }, 400, /holds .* not WETH\/DAI/],
      ['pool-info', { poolAddress: PAIRS['WETH-USDC'].address }, 404, /not one of its V3 pools/],
      ['pool-info', { poolAddress: pool, network: 'goerli' }, 400, /Unknown network 'goerli'/],
      ['quote-position', { poolAddress: pool, lowerPrice: 3500, upperPrice: 2500, baseTokenAmount: 1 }, 400, /lowerPrice \(3500\) must be less than upperPrice \(2500\)/],
      ['quote-position', { poolAddress: pool, lowerPrice: 3000, upperPrice: 3000, baseTokenAmount: 1 }, 400, /lowerPrice \(3000\) must be less than upperPrice/],
      ['quote-position', { poolAddress: pool, lowerPrice: 3000, upperPrice: 3001, baseTokenAmount: 1 }, 400, /narrower than the pool's tick spacing \(60 ticks\)/],
      ['quote-position', { poolAddress: pool, lowerPrice: 0, upperPrice: 3000, baseTokenAmount: 1 }, 400, /lowerPrice/],
      ['quote-position', { poolAddress: pool, lowerPrice: 2500, upperPrice: 3500 }, 400, /baseTokenAmount or quoteTokenAmount: at least one is required/],
      ['quote-position', { poolAddress: pool, lowerPrice: 2500, upperPrice: 3500, baseTokenAmount: 0 }, 400, /baseTokenAmount: must be greater than 0/],
      ['quote-position', { poolAddress: pool, lowerPrice: 3500, upperPrice: 4000, quoteTokenAmount: 100 }, 400, /this range holds only WETH: give baseTokenAmount/],
      ['position-info', { positionAddress: 'abc' }, 400, /positionAddress: 'abc' is not a position NFT token id/],
      ['position-info', { positionAddress: 999999 }, 404, /Position 999999 not found on uniswap\/clmm/],
    ];
    for (const [action, params, status, message] of cases) {
      const response = await api(`/connectors/uniswap/clmm/${action}?${query(params)}`);
      expect(response.status, JSON.stringify(params)).toBe(status);
      expect((await response.json<{ message: string }>()).message, JSON.stringify(params)).toMatch(message);
    }
  });

  it("refuses changes to another wallet's position (403), a bad range and an unapproved mint (400), sending nothing", async () => {
    const nonce = await nonceOf(dev);
    // Position #1 is the seeded WETH-USDC liquidity, owned by anvil's account #9.
    for (const action of ['add-liquidity', 'remove-liquidity', 'collect-fees', 'close-position']) {
      const response = await api(`/connectors/uniswap/clmm/${action}`, { body: { network: 'localnet', positionAddress: '1', baseTokenAmount: 1, percentageToRemove: 50 } });
      expect(response.status, action).toBe(403);
      expect(await response.json(), action).toMatchObject({ code: 'POSITION_NOT_OWNED', message: `Position 1 is not owned by ${dev} (owner: 0xa0Ee7A142d267C1f36714E4a8F75612F20a79720)` });
    }
    const open = (body: Record<string, unknown>) => api('/connectors/uniswap/clmm/open-position', { body: { network: 'localnet', poolAddress: WETH_USDC.address, lowerPrice: 2500, upperPrice: 3500, baseTokenAmount: 1, ...body } });
    expect((await open({ lowerPrice: 3500, upperPrice: 2500 })).status).toBe(400);
    expect(await (await open({ slippagePct: 120 })).json()).toMatchObject({ statusCode: 400, message: expect.stringMatching(/slippagePct/) });
    expect(await (await open({})).json()).toMatchObject({ code: 'INSUFFICIENT_ALLOWANCE', spender: 'uniswap/clmm', message: expect.stringMatching(/Insufficient allowance for WETH: 0 approved to uniswap\/clmm/) });
    const remove = await api('/connectors/uniswap/clmm/remove-liquidity', { body: { network: 'localnet', positionAddress: '1', percentageToRemove: 0 } });
    expect(remove.status).toBe(400);
    expect(await nonceOf(dev)).toBe(nonce);
  });
});

describe('tick maths', () => {
  it("equals TickMath at its bounds, inverts itself, and puts each seeded pool's price in the tick slot0 reports", async () => {
    // TickMath.MIN_SQRT_RATIO and MAX_SQRT_RATIO.
    expect(sqrtRatioAtTick(MIN_TICK)).toBe(4295128739n);
    expect(sqrtRatioAtTick(MAX_TICK)).toBe(1461446703485210103287273052203988822378723970342n);
    for (const tick of [MIN_TICK, -276324, -1, 0, 1, 60, 196256, MAX_TICK - 1]) expect(tickAtSqrtRatio(sqrtRatioAtTick(tick))).toBe(tick);
    for (const pool of Object.values(V3_POOLS)) {
      const { sqrtPriceX96, tick } = await slot0(pool.address);
      expect(tickAtSqrtRatio(sqrtPriceX96)).toBe(tick);
    }
  });
});

describe('pancakeswap/clmm', () => {
  it('is wired by addresses only: its networks, spender aliases and pool addresses (CREATE2 from its PoolDeployer)', async () => {
    const { connectors } = await (await api('/config/connectors')).json<{ connectors: { name: string; trading_types: string[]; networks: string[] }[] }>();
    for (const name of ['uniswap', 'pancakeswap']) expect(connectors.find((connector) => connector.name === name)?.trading_types).toContain('clmm');
    expect(connectors.find((connector) => connector.name === 'uniswap')?.networks).toContain('celo');
    const bsc = { name: 'bsc' } as EvmNetwork;
    expect(resolveSpender(bsc, 'pancakeswap/clmm')).toBe('0x46A15B0b27311cedF172AB29E4f4766fbE7F4364');
    expect(resolveSpender(bsc, 'pancakeswap/clmm/swap')).toBe('0x1b81D678ffb9C0263b24A97847620C99d213eB14');
    // BSC USDT/WBNB 0.01% and mainnet USDC/WETH 0.05%: their pools' published addresses.
    expect(poolAddress(requireClmm('pancakeswap', 'bsc').dex, '0x55d398326f99059fF775485246999027B3197955', '0xbb4CdB9CBd36B01bD1cBaEBF2De08d9173bc095c', 100)).toBe('0x172fcD41E0913e95784454622d1c3724f546f849');
    expect(poolAddress(requireClmm('uniswap', 'mainnet').dex, '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2', 500)).toBe('0x88e6A0c2dDD26FEEb64F039a2c41296FcB3f5640');
    // Uniswap has no v3-periphery SwapRouter on base: no swap spender there.
    expect(() => resolveSpender({ name: 'base' } as EvmNetwork, 'uniswap/clmm/swap')).toThrow(/Invalid spender: uniswap\/clmm\/swap/);
  });

  it('answers a clear 400 on a network it does not serve (no PancakeSwap on localnet)', async () => {
    const response = await api(`/connectors/pancakeswap/clmm/pool-info?${query({ poolAddress: WETH_USDC.address })}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'UNSUPPORTED_NETWORK', message: 'pancakeswap/clmm is not available on ethereum-localnet (networks: arbitrum, base, bsc, mainnet)' });
    expect((await api(`/connectors/sushiswap/clmm/pool-info?${query({ poolAddress: WETH_USDC.address })}`)).status).toBe(404);
  });
});
