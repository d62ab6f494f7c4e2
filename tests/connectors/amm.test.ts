import { beforeAll, describe, expect, it } from 'vitest';
import { getAmountOut, quoteFromReserves } from '../../lib/connectors/uniswap/amm/pair';
import { resolveSpender } from '../../lib/connectors/spenders';
import type { EvmNetwork } from '../../lib/chains/ethereum/client';
import { addDevWallet, anvil, rpcCounter, withSnapshot } from '../support/chain';
import { api } from '../support/http';
import { approveRouter, balanceOf, dev, human, moveWethUsdcPrice, nonceOf, PAIRS, routerAmountIn, routerAmountOut, token, units } from './chain';

type Quote = { poolAddress: string; tokenIn: string; tokenOut: string; amountIn: number; amountOut: number; price: number; slippagePct: number; minAmountOut: number; maxAmountIn: number; priceImpactPct: number };
type Executed = { signature: string; status: number; data: { tokenIn: string; tokenOut: string; amountIn: number; amountOut: number; fee: number; baseTokenBalanceChange: number; quoteTokenBalanceChange: number } };

const [WETH, USDC, DAI] = [token('WETH'), token('USDC'), token('DAI')];
const query = (params: Record<string, string | number>) => new URLSearchParams(Object.entries({ network: 'localnet', ...params }).map(([key, value]): [string, string] => [key, String(value)]));
const quoteSwap = async (params: Record<string, string | number>) => api(`/connectors/uniswap/amm/quote-swap?${query(params)}`);

beforeAll(async () => {
  await addDevWallet();
});

describe('uniswap/amm quotes', () => {
  it('SELL (exact in) equals Router02 getAmountsOut, with price, slippage limits and price impact, in ONE RPC request', async () => {
    await rpcCounter.reset();
    const response = await quoteSwap({ baseToken: 'WETH', quoteToken: 'USDC', amount: 1.5, side: 'SELL', slippagePct: 2 });
    expect((await rpcCounter.read()).requests).toBe(1);
    const quote = await response.json<Quote>();
    const out = await routerAmountOut(units('1.5', 18), WETH.address, USDC.address);
    expect(quote).toEqual({
      poolAddress: PAIRS['WETH-USDC'].address,
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
    // 0.3% fee plus 0.15% moved on a 1000 WETH pool.
    expect(quote.priceImpactPct).toBeCloseTo(0.449, 2);
  });

  it('BUY (exact out) equals Router02 getAmountsIn, with maxAmountIn from slippage', async () => {
    const quote = await (await quoteSwap({ baseToken: 'WETH', quoteToken: 'USDC', amount: '2', side: 'BUY', slippagePct: 1 })).json<Quote>();
    const amountIn = await routerAmountIn(units('2', 18), USDC.address, WETH.address);
    expect(quote).toMatchObject({ tokenIn: USDC.address, tokenOut: WETH.address, amountIn: human(amountIn, 6), amountOut: 2, price: human(amountIn, 6) / 2 });
    expect(quote.maxAmountIn).toBe(human((amountIn * 101n) / 100n, 6));
    expect(quote.minAmountOut).toBe(2);
  });

  it('orients a pair whose token0 is the quote (USDC-DAI: token0 is DAI), both sides', async () => {
    const sell = await (await quoteSwap({ baseToken: 'USDC', quoteToken: 'DAI', amount: 1000, side: 'SELL' })).json<Quote>();
    expect(sell.amountOut).toBe(human(await routerAmountOut(units('1000', 6), USDC.address, DAI.address), 18));
    const buy = await (await quoteSwap({ baseToken: 'DAI', quoteToken: 'USDC', amount: 1000, side: 'BUY' })).json<Quote>();
    expect(buy.amountIn).toBe(human(await routerAmountIn(units('1000', 18), USDC.address, DAI.address), 6));
    // The connector's default slippage applies when none is given.
    expect(sell.slippagePct).toBe(2);
  });

  it('quotes by pool address alone (tokens from its /pools listing), in ONE RPC request', async () => {
    await rpcCounter.reset();
    const quote = await (await quoteSwap({ poolAddress: PAIRS['WETH-DAI'].address, baseToken: 'WETH', amount: 1, side: 'SELL' })).json<Quote>();
    expect((await rpcCounter.read()).requests).toBe(1);
    expect(quote).toMatchObject({ tokenIn: WETH.address, tokenOut: DAI.address, amountOut: human(await routerAmountOut(units('1', 18), WETH.address, DAI.address), 18) });
  });

  it('answers pool-info from the reserves and quote-liquidity at the pool ratio', async () => {
    const info = await (await api(`/connectors/uniswap/amm/pool-info?${query({ poolAddress: PAIRS['WETH-USDC'].address })}`)).json();
    expect(info).toEqual({ address: PAIRS['WETH-USDC'].address, baseTokenAddress: WETH.address, quoteTokenAddress: USDC.address, feePct: 0.3, price: 3000, baseTokenAmount: 1000, quoteTokenAmount: 3_000_000 });
    const baseLimited = await (await api(`/connectors/uniswap/amm/quote-liquidity?${query({ poolAddress: PAIRS['WETH-USDC'].address, baseTokenAmount: 1, quoteTokenAmount: 5000 })}`)).json();
    expect(baseLimited).toEqual({ baseLimited: true, baseTokenAmount: 1, quoteTokenAmount: 3000, baseTokenAmountMax: 1, quoteTokenAmountMax: 5000 });
    const quoteOnly = await (await api(`/connectors/uniswap/amm/quote-liquidity?${query({ poolAddress: PAIRS['WETH-USDC'].address, quoteTokenAmount: 1500 })}`)).json();
    expect(quoteOnly).toEqual({ baseLimited: false, baseTokenAmount: 0.5, quoteTokenAmount: 1500, baseTokenAmountMax: 0.5, quoteTokenAmountMax: 1500 });
  });
});

describe('uniswap/amm swaps', () => {
  it('executes a SELL whose balance changes equal the quote, and a BUY likewise', async () => {
    await withSnapshot(async () => {
      await approveRouter('WETH');
      await approveRouter('USDC');
      const sellQuote = await (await quoteSwap({ baseToken: 'WETH', quoteToken: 'USDC', amount: 1, side: 'SELL' })).json<Quote>();
      const [wethBefore, usdcBefore] = [await balanceOf(WETH.address, dev), await balanceOf(USDC.address, dev)];
      const sell = await (await api('/connectors/uniswap/amm/execute-swap', { body: { network: 'localnet', baseToken: 'WETH', quoteToken: 'USDC', amount: 1, side: 'SELL' } })).json<Executed>();
      expect(sell).toMatchObject({ status: 1, data: { tokenIn: WETH.address, tokenOut: USDC.address, amountIn: 1, amountOut: sellQuote.amountOut, baseTokenBalanceChange: -1, quoteTokenBalanceChange: sellQuote.amountOut } });
      expect(sell.data.fee).toBeGreaterThan(0);
      expect(await balanceOf(WETH.address, dev)).toBe(wethBefore - units('1', 18));
      expect(human((await balanceOf(USDC.address, dev)) - usdcBefore, 6)).toBe(sellQuote.amountOut);

      const buyQuote = await (await quoteSwap({ baseToken: 'WETH', quoteToken: 'USDC', amount: 0.5, side: 'BUY' })).json<Quote>();
      const buy = await (await api('/connectors/uniswap/amm/execute-swap', { body: { network: 'localnet', baseToken: 'WETH', quoteToken: 'USDC', amount: 0.5, side: 'BUY' } })).json<Executed>();
      expect(buy).toMatchObject({ status: 1, data: { tokenIn: USDC.address, tokenOut: WETH.address, amountIn: buyQuote.amountIn, amountOut: 0.5, baseTokenBalanceChange: 0.5, quoteTokenBalanceChange: -buyQuote.amountIn } });
    });
  });

  it('refuses a swap whose price moved beyond its slippage: 400 from the simulation, nothing mined', async () => {
    await withSnapshot(async () => {
      await approveRouter('WETH');
      const nonce = await nonceOf(dev);
      await anvil('evm_setAutomine', [false]);
      try {
        // Someone's 100 WETH sale is pending: Colibri quotes the latest block, the swap would land after it.
        await moveWethUsdcPrice(units('100', 18));
        const response = await api('/connectors/uniswap/amm/execute-swap', { body: { network: 'localnet', baseToken: 'WETH', quoteToken: 'USDC', amount: 1, side: 'SELL', slippagePct: 1 } });
        expect(response.status).toBe(400);
        expect(await response.json()).toMatchObject({ code: 'SIMULATION_FAILED', message: expect.stringMatching(/INSUFFICIENT_OUTPUT_AMOUNT/) });
      } finally {
        await anvil('evm_setAutomine', [true]);
        await anvil('evm_mine');
      }
      expect(await nonceOf(dev)).toBe(nonce);
    });
  });

  it('refuses a swap the router may not spend for (400 naming the spender alias) or the wallet cannot pay for, nothing sent', async () => {
    await withSnapshot(async () => {
      await approveRouter('USDC', '10');
      await approveRouter('WETH');
      const nonce = await nonceOf(dev);
      const unapproved = await api('/connectors/uniswap/amm/execute-swap', { body: { network: 'localnet', baseToken: 'WETH', quoteToken: 'USDC', amount: 1, side: 'BUY' } });
      expect(unapproved.status).toBe(400);
      expect(await unapproved.json()).toMatchObject({ code: 'INSUFFICIENT_ALLOWANCE', spender: 'uniswap/amm', message: expect.stringMatching(/Insufficient allowance for USDC: 10 approved to uniswap\/amm/) });
      const unfunded = await api('/connectors/uniswap/amm/execute-swap', { body: { network: 'localnet', baseToken: 'WETH', quoteToken: 'USDC', amount: 150, side: 'SELL' } });
      expect(await unfunded.json()).toMatchObject({ statusCode: 400, code: 'INSUFFICIENT_BALANCE', message: 'Insufficient WETH balance. Available: 100, Required: 150' });
      expect(await nonceOf(dev)).toBe(nonce);
    });
  });
});

describe('uniswap/amm liquidity', () => {
  it('adds liquidity at the pool ratio and removes half of it, each reported amount equal to the balance change', async () => {
    await withSnapshot(async () => {
      await approveRouter('WETH');
      await approveRouter('USDC');
      const pool = PAIRS['WETH-USDC'].address;
      const [wethBefore, usdcBefore] = [await balanceOf(WETH.address, dev), await balanceOf(USDC.address, dev)];
      const added = await (await api('/connectors/uniswap/amm/add-liquidity', { body: { network: 'localnet', poolAddress: pool, baseTokenAmount: 2, quoteTokenAmount: 7000, slippagePct: 1 } })).json<{ status: number; data: Record<string, number> }>();
      expect(added).toMatchObject({ status: 1, data: { baseTokenAmountAdded: 2, quoteTokenAmountAdded: 6000 } });
      const [wethAfter, usdcAfter] = [await balanceOf(WETH.address, dev), await balanceOf(USDC.address, dev)];
      expect(human(wethBefore - wethAfter, 18)).toBe(added.data.baseTokenAmountAdded);
      expect(human(usdcBefore - usdcAfter, 6)).toBe(added.data.quoteTokenAmountAdded);

      const position = await (await api(`/connectors/uniswap/amm/position-info?${query({ poolAddress: pool })}`)).json<Record<string, number | string>>();
      expect(position).toMatchObject({ poolAddress: pool, walletAddress: dev, baseTokenAddress: WETH.address, quoteTokenAddress: USDC.address, price: 3000 });
      expect(position.baseTokenAmount).toBeCloseTo(2, 9);

      const removed = await (await api('/connectors/uniswap/amm/remove-liquidity', { body: { network: 'localnet', poolAddress: pool, percentageToRemove: 50 } })).json<{ status: number; data: Record<string, number> }>();
      expect(removed.status).toBe(1);
      expect(human((await balanceOf(WETH.address, dev)) - wethAfter, 18)).toBe(removed.data.baseTokenAmountRemoved);
      expect(human((await balanceOf(USDC.address, dev)) - usdcAfter, 6)).toBe(removed.data.quoteTokenAmountRemoved);
      expect(removed.data.baseTokenAmountRemoved).toBeCloseTo(1, 9);
      const after = await (await api(`/connectors/uniswap/amm/position-info?${query({ poolAddress: pool })}`)).json<{ lpTokenAmount: number }>();
      expect(after.lpTokenAmount).toBeCloseTo((position.lpTokenAmount as number) / 2, 12);
    });
  });
});

describe('uniswap/amm bad input', () => {
  it('answers 4xx naming the problem, and sends nothing', async () => {
    const nonce = await nonceOf(dev);
    const cases: [string, Record<string, string | number>, number, RegExp][] = [
      ['quote-swap', { baseToken: 'NOPE', quoteToken: 'USDC', amount: 1, side: 'SELL' }, 404, /Token NOPE not found/],
      ['quote-swap', { baseToken: 'WETH', quoteToken: 'USDC', amount: 0, side: 'SELL' }, 400, /amount: must be greater than 0/],
      ['quote-swap', { baseToken: 'WETH', quoteToken: 'USDC', amount: -1, side: 'SELL' }, 400, /amount: must be a decimal number/],
      ['quote-swap', { baseToken: 'WETH', quoteToken: 'USDC', amount: 1, side: 'SELL', slippagePct: 101 }, 400, /slippagePct/],
      ['quote-swap', { baseToken: 'WETH', quoteToken: 'USDC', amount: 1, side: 'SELL', slippagePct: -1 }, 400, /slippagePct/],
      ['quote-swap', { baseToken: 'WETH', quoteToken: 'USDC', amount: 5000, side: 'BUY' }, 400, /Insufficient liquidity/],
      ['quote-swap', { baseToken: 'WETH', quoteToken: 'USDC', amount: 1, side: 'SELL', network: 'goerli' }, 400, /Unknown network 'goerli'/],
      ['quote-swap', { poolAddress: PAIRS['WETH-DAI'].address, baseToken: 'WETH', quoteToken: 'USDC', amount: 1, side: 'SELL' }, 400, /holds .* not WETH\/USDC/],
      ['pool-info', { poolAddress: USDC.address }, 404, /Pool 0x\w+ not found on uniswap\/amm \(ethereum-localnet\)/],
    ];
    for (const [action, params, status, message] of cases) {
      const response = await api(`/connectors/uniswap/amm/${action}?${query(params)}`);
      expect(response.status, JSON.stringify(params)).toBe(status);
      expect((await response.json<{ message: string }>()).message, JSON.stringify(params)).toMatch(message);
    }
    const unknownDex = await api(`/connectors/sushiswap/amm/quote-swap?${query({ baseToken: 'WETH', quoteToken: 'USDC', amount: 1, side: 'SELL' })}`);
    expect(unknownDex.status).toBe(404);
    const execute = await api('/connectors/uniswap/amm/execute-swap', { body: { network: 'localnet', baseToken: 'WETH', quoteToken: 'USDC', amount: '0', side: 'SELL' } });
    expect(execute.status).toBe(400);
    expect(await nonceOf(dev)).toBe(nonce);
  });
});

describe('pancakeswap/amm', () => {
  it('is a second registry entry on the same actions: its networks, spender alias and 0.25% fee', async () => {
    const { connectors } = await (await api('/config/connectors')).json<{ connectors: { name: string; trading_types: string[]; networks: string[] }[] }>();
    expect(connectors).toEqual(
      expect.arrayContaining([
        // celo: SwapRouter02 (router) and V3 (clmm), no V2 Router02 (amm).
        { name: 'uniswap', trading_types: ['router', 'amm', 'clmm'], chain: 'ethereum', networks: ['arbitrum', 'avalanche', 'base', 'bsc', 'celo', 'localnet', 'mainnet', 'optimism', 'polygon', 'sepolia'] },
        { name: 'pancakeswap', trading_types: ['router', 'amm', 'clmm'], chain: 'ethereum', networks: ['arbitrum', 'base', 'bsc', 'mainnet'] },
      ]),
    );
    expect(resolveSpender({ name: 'bsc' } as EvmNetwork, 'pancakeswap/amm')).toBe('0x10ED43C718714eb63d5aA57B78B54704E256024E');
    // PancakeLibrary.getAmountOut: amountIn * 9975 * reserveOut / (reserveIn * 10000 + amountIn * 9975).
    expect(getAmountOut(10n ** 18n, 10n ** 21n, 3n * 10n ** 9n * 10n ** 3n, 25n)).toBe((10n ** 18n * 9975n * 3n * 10n ** 12n) / (10n ** 21n * 10000n + 10n ** 18n * 9975n));
    const state = { reserveBase: 10n ** 21n, reserveQuote: 3n * 10n ** 12n, values: [] };
    const pair = { pool: PAIRS['WETH-USDC'].address, base: WETH, quote: USDC, amount: 1, side: 'SELL' as const, slippagePct: 1 };
    const uniswapOut = quoteFromReserves({ spender: 'uniswap/amm', factory: '0x0', router: '0x0', feeBps: 30n }, pair, state).amountOut;
    const pancakeOut = quoteFromReserves({ spender: 'pancakeswap/amm', factory: '0x0', router: '0x0', feeBps: 25n }, pair, state).amountOut;
    expect(pancakeOut).toBeGreaterThan(uniswapOut);
  });

  it('answers a clear 400 on a network it does not serve (no PancakeSwap on localnet)', async () => {
    const response = await api(`/connectors/pancakeswap/amm/quote-swap?${query({ baseToken: 'WETH', quoteToken: 'USDC', amount: 1, side: 'SELL' })}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'UNSUPPORTED_NETWORK', message: 'pancakeswap/amm is not available on ethereum-localnet (networks: arbitrum, base, bsc, mainnet)' });
    const approve = await api('/chains/ethereum/approve', { body: { network: 'localnet', spender: 'pancakeswap/amm', token: 'USDC' } });
    expect(approve.status).toBe(400);
    expect((await approve.json<{ message: string }>()).message).toMatch(/Invalid spender: pancakeswap\/amm/);
  });
});
