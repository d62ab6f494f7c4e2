import { env } from 'cloudflare:test';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvmNetwork } from '../../lib/chains/ethereum/client';
import { resolveSpender } from '../../lib/connectors/spenders';
import { getDb } from '../../lib/db/client';
import { quotes } from '../../lib/db/schema';
import { addDevWallet, rpcCounter, withSnapshot } from '../support/chain';
import { api } from '../support/http';
import { balanceOf, dev, human, nonceOf, routerAmountIn, routerAmountOut, token, units } from './chain';
import { approveSwapRouter, quoteExactInput, quoteExactOutput, sellWethInV3Pool, SWAP_ROUTER02, thinUsdcDaiPools, V2, V3 } from './router-chain';

type Quote = {
  quoteId: string;
  tokenIn: string;
  tokenOut: string;
  amountIn: number;
  amountOut: number;
  price: number;
  slippagePct: number;
  minAmountOut: number;
  maxAmountIn: number;
  priceImpactPct: number;
  routePath: string;
  pools: string[];
  expirationTime: number;
};
type Executed = { signature: string; status: number; data: { tokenIn: string; tokenOut: string; amountIn: number; amountOut: number; fee: number; baseTokenBalanceChange: number; quoteTokenBalanceChange: number } };

const [WETH, USDC, DAI] = [token('WETH'), token('USDC'), token('DAI')];
const query = (params: Record<string, string | number>) => new URLSearchParams(Object.entries({ network: 'localnet', ...params }).map(([key, value]): [string, string] => [key, String(value)]));
const quoteSwap = (params: Record<string, string | number>) => api(`/connectors/uniswap/router/quote-swap?${query(params)}`);
const quoted = async (params: Record<string, string | number>) => (await quoteSwap(params)).json<Quote>();
const executeQuote = (body: Record<string, unknown>, headers?: Record<string, string>) => api('/connectors/uniswap/router/execute-quote', { body: { network: 'localnet', ...body }, headers });
const executeSwap = (body: Record<string, unknown>) => api('/connectors/uniswap/router/execute-swap', { body: { network: 'localnet', ...body } });
const ethCalls = async () => (await rpcCounter.read()).methods.filter((method) => method === 'eth_call').length;

beforeAll(async () => {
  await addDevWallet();
});

describe('uniswap/router quotes', () => {
  it('SELL takes the best direct pool (V3 0.05%) and equals QuoterV2, in TWO RPC requests (pool state, then V3 quotes)', async () => {
    await rpcCounter.reset();
    const asked = Date.now();
    const quote = await quoted({ baseToken: 'WETH', quoteToken: 'USDC', amount: 1, side: 'SELL', slippagePct: 2 });
    const answered = Date.now();
    expect((await rpcCounter.read()).requests).toBe(2);
    const out = await quoteExactInput([WETH.address, 500, USDC.address], units('1', 18));
    expect(quote).toEqual({
      quoteId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      tokenIn: WETH.address,
      tokenOut: USDC.address,
      amountIn: 1,
      amountOut: human(out, 6),
      price: human(out, 6),
      slippagePct: 2,
      minAmountOut: human((out * 98n) / 100n, 6),
      maxAmountIn: 1,
      priceImpactPct: expect.any(Number),
      routePath: '100% via WETH -> USDC',
      pools: [V3['WETH-USDC-500'].address],
      expirationTime: expect.any(Number),
    });
    // 0.05% fee plus 0.1% moved in a pool of 1000 WETH; the quote lives about 30 s.
    expect(quote.priceImpactPct).toBeCloseTo(0.15, 2);
    // Made while the request ran: 30 s after a moment between asking and the answer, however slow that was.
    expect(quote.expirationTime).toBeGreaterThanOrEqual(asked + 30_000);
    expect(quote.expirationTime).toBeLessThanOrEqual(answered + 30_000);
  });

  it('BUY (exact out) equals QuoterV2 quoteExactOutput, with maxAmountIn from slippage (the connector default, 2%)', async () => {
    await rpcCounter.reset();
    const quote = await quoted({ baseToken: 'WETH', quoteToken: 'USDC', amount: 2, side: 'BUY' });
    expect((await rpcCounter.read()).requests).toBeLessThanOrEqual(2);
    const amountIn = await quoteExactOutput([USDC.address, 500, WETH.address], units('2', 18));
    expect(quote).toMatchObject({
      tokenIn: USDC.address,
      tokenOut: WETH.address,
      amountIn: human(amountIn, 6),
      amountOut: 2,
      price: human(amountIn, 6) / 2,
      maxAmountIn: human((amountIn * 102n) / 100n, 6),
      minAmountOut: 2,
      pools: [V3['WETH-USDC-500'].address],
    });
  });

  it('goes through WETH when the direct pools are thin: SELL chains V3 into V2, BUY stays on V2, each executed for exactly the quote', async () => {
    await withSnapshot(async () => {
      await thinUsdcDaiPools();
      await approveSwapRouter('USDC');
      await rpcCounter.reset();
      const sell = await quoted({ baseToken: 'USDC', quoteToken: 'DAI', amount: 3000, side: 'SELL' });
      expect((await rpcCounter.read()).requests).toBe(2);
      expect(sell).toMatchObject({ routePath: '100% via USDC -> WETH -> DAI', pools: [V3['WETH-USDC-500'].address, V2['WETH-DAI'].address] });
      // The V3 leg as QuoterV2 prices it, then the V2 leg as Router02 does; the thin direct pair gives less.
      const weth = await quoteExactInput([USDC.address, 500, WETH.address], units('3000', 6));
      expect(sell.amountOut).toBe(human(await routerAmountOut(weth, WETH.address, DAI.address), 18));
      expect(human(await routerAmountOut(units('3000', 6), USDC.address, DAI.address), 18)).toBeLessThan(sell.amountOut / 2);

      const [usdcBefore, daiBefore] = [await balanceOf(USDC.address, dev), await balanceOf(DAI.address, dev)];
      const executed = await (await executeQuote({ quoteId: sell.quoteId })).json<Executed>();
      expect(executed).toMatchObject({
        status: 1,
        data: { tokenIn: USDC.address, tokenOut: DAI.address, amountIn: 3000, amountOut: sell.amountOut, baseTokenBalanceChange: -3000, quoteTokenBalanceChange: sell.amountOut },
      });
      expect(usdcBefore - (await balanceOf(USDC.address, dev))).toBe(units('3000', 6));
      expect(human((await balanceOf(DAI.address, dev)) - daiBefore, 18)).toBe(sell.amountOut);

      const buy = await quoted({ baseToken: 'DAI', quoteToken: 'USDC', amount: 1000, side: 'BUY' });
      expect(buy).toMatchObject({ routePath: '100% via USDC -> WETH -> DAI', pools: [V2['WETH-USDC'].address, V2['WETH-DAI'].address], minAmountOut: 1000 });
      const usdcIn = await routerAmountIn(await routerAmountIn(units('1000', 18), WETH.address, DAI.address), USDC.address, WETH.address);
      expect(buy.amountIn).toBe(human(usdcIn, 6));
      // SwapRouter02 runs V2 legs on the balances it moves: what 1008.7 USDC buys is 1000 DAI and a few wei more.
      expect(buy.amountOut).toBeGreaterThanOrEqual(1000);
      expect(buy.amountOut).toBeCloseTo(1000, 6);
      const daiBeforeBuy = await balanceOf(DAI.address, dev);
      const bought = await (await executeSwap({ baseToken: 'DAI', quoteToken: 'USDC', amount: 1000, side: 'BUY' })).json<Executed>();
      expect(bought).toMatchObject({ status: 1, data: { amountIn: buy.amountIn, amountOut: buy.amountOut, baseTokenBalanceChange: buy.amountOut, quoteTokenBalanceChange: -buy.amountIn } });
      expect(human((await balanceOf(DAI.address, dev)) - daiBeforeBuy, 18)).toBe(buy.amountOut);
    });
  });

  it('answers a token against itself at price 1, and takes ETH as WETH', async () => {
    const same = await quoted({ baseToken: 'ETH', quoteToken: 'WETH', amount: 1.5, side: 'SELL' });
    expect(same).toMatchObject({ tokenIn: WETH.address, tokenOut: WETH.address, amountIn: 1.5, amountOut: 1.5, price: 1, priceImpactPct: 0, routePath: '100% via WETH', pools: [] });
    const nothing = await executeQuote({ quoteId: same.quoteId });
    expect(await nothing.json()).toMatchObject({ statusCode: 400, code: 'SAME_TOKEN' });
    expect(await quoted({ baseToken: 'eth', quoteToken: 'USDC', amount: 1, side: 'SELL' })).toMatchObject({ tokenIn: WETH.address, tokenOut: USDC.address });
  });
});

describe('uniswap/router execute-quote', () => {
  it('swaps a quote once for exactly its amounts; a retry with the same Idempotency-Key gets the same transaction', async () => {
    await withSnapshot(async () => {
      // Exactly the amount: the retry must not trip over the allowance its first attempt used up.
      await approveSwapRouter('WETH', '0.5');
      const quote = await quoted({ baseToken: 'WETH', quoteToken: 'USDC', amount: 0.5, side: 'SELL' });
      const usdcBefore = await balanceOf(USDC.address, dev);
      const headers = { 'idempotency-key': `quote-${crypto.randomUUID()}` };
      await rpcCounter.reset();
      const executed = await (await executeQuote({ quoteId: quote.quoteId }, headers)).json<Executed>();
      // Block time, balance and allowance: one eth_call; the rest is the signer's simulation, send and wait.
      expect(await ethCalls()).toBe(1);
      expect(executed).toMatchObject({ status: 1, data: { amountIn: 0.5, amountOut: quote.amountOut, baseTokenBalanceChange: -0.5 } });
      expect(human((await balanceOf(USDC.address, dev)) - usdcBefore, 6)).toBe(quote.amountOut);

      const nonce = await nonceOf(dev);
      expect(await (await executeQuote({ quoteId: quote.quoteId }, headers)).json()).toEqual(executed);
      const reused = await executeQuote({ quoteId: quote.quoteId });
      expect(reused.status).toBe(400);
      expect(await reused.json()).toMatchObject({ message: 'Quote not found or expired', code: 'QUOTE_USED', quoteId: quote.quoteId });
      expect(await nonceOf(dev)).toBe(nonce);
    });
  });

  it('answers 400 Quote not found or expired for unknown, malformed, expired and other-network quotes, naming why in `code`', async () => {
    const nonce = await nonceOf(dev);
    const expired = await quoted({ baseToken: 'WETH', quoteToken: 'USDC', amount: 1, side: 'SELL' });
    await getDb(env).update(quotes).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(quotes.id, expired.quoteId));
    const elsewhere = await quoted({ baseToken: 'WETH', quoteToken: 'USDC', amount: 1, side: 'SELL' });
    const cases: [Record<string, unknown>, string][] = [
      [{ quoteId: crypto.randomUUID() }, 'QUOTE_NOT_FOUND'],
      [{ quoteId: 'not-a-quote' }, 'QUOTE_NOT_FOUND'],
      [{ quoteId: expired.quoteId }, 'QUOTE_EXPIRED'],
      [{ quoteId: elsewhere.quoteId, network: 'mainnet' }, 'QUOTE_NOT_FOUND'],
    ];
    for (const [body, code] of cases) {
      const response = await executeQuote(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await response.json(), JSON.stringify(body)).toMatchObject({ error: 'QuoteNotFoundError', message: 'Quote not found or expired', code });
    }
    expect((await executeQuote({})).status).toBe(400);
    expect(await nonceOf(dev)).toBe(nonce);
  });

  it('refuses a quote whose price moved beyond its slippage: 400 from the simulation, nothing mined', async () => {
    await withSnapshot(async () => {
      await approveSwapRouter('WETH');
      const quote = await quoted({ baseToken: 'WETH', quoteToken: 'USDC', amount: 1, side: 'SELL', slippagePct: 1 });
      // Someone sells 50 WETH into the same pool first: about 10% lower.
      await sellWethInV3Pool(units('50', 18));
      const nonce = await nonceOf(dev);
      const response = await executeQuote({ quoteId: quote.quoteId });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'SIMULATION_FAILED', message: expect.stringMatching(/Too little received/) });
      expect(await nonceOf(dev)).toBe(nonce);
    });
  });

  it('refuses an unapproved swap with a 400 naming the router alias, sends nothing, and keeps the quote for after the approval', async () => {
    await withSnapshot(async () => {
      await approveSwapRouter('USDC', '10');
      const quote = await quoted({ baseToken: 'WETH', quoteToken: 'USDC', amount: 1, side: 'BUY' });
      const nonce = await nonceOf(dev);
      const allowance = { code: 'INSUFFICIENT_ALLOWANCE', spender: 'uniswap/router', spenderAddress: SWAP_ROUTER02, message: expect.stringMatching(/Insufficient allowance for USDC: 10 approved to uniswap\/router/) };
      const refused = await executeQuote({ quoteId: quote.quoteId });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject(allowance);
      expect(await (await executeSwap({ baseToken: 'WETH', quoteToken: 'USDC', amount: 1, side: 'BUY' })).json()).toMatchObject(allowance);
      const unfunded = await executeSwap({ baseToken: 'WETH', quoteToken: 'USDC', amount: 150, side: 'SELL' });
      expect(await unfunded.json()).toMatchObject({ statusCode: 400, code: 'INSUFFICIENT_BALANCE', message: 'Insufficient WETH balance. Available: 100, Required: 150' });
      expect(await nonceOf(dev)).toBe(nonce);

      // The bare connector name is the same spender.
      await approveSwapRouter('USDC', undefined, 'uniswap');
      expect(await (await executeQuote({ quoteId: quote.quoteId })).json()).toMatchObject({ status: 1, data: { amountIn: quote.amountIn, amountOut: 1 } });
    });
  });
});

describe('uniswap/router bad input and wiring', () => {
  it('answers 4xx naming the problem', async () => {
    const tokenAddress = '0x000000000000000000000000000000000000dEaD';
    await api('/tokens', { body: { chain: 'ethereum', network: 'localnet', token: { name: 'Test', symbol: 'TEST', address: tokenAddress, decimals: 18 } } });
    try {
      const cases: [Record<string, string | number>, number, RegExp][] = [
        [{ baseToken: 'NOPE', quoteToken: 'USDC', amount: 1, side: 'SELL' }, 404, /Token NOPE not found/],
        [{ baseToken: 'WETH', quoteToken: 'TEST', amount: 1, side: 'SELL' }, 404, /No route found for WETH-TEST on uniswap\/router \(ethereum-localnet\)/],
        [{ baseToken: 'WETH', quoteToken: 'USDC', amount: 0, side: 'SELL' }, 400, /amount: must be greater than 0/],
        [{ baseToken: 'WETH', quoteToken: 'USDC', amount: 1, side: 'SELL', slippagePct: 101 }, 400, /slippagePct/],
        [{ baseToken: 'WETH', quoteToken: 'USDC', amount: 5000, side: 'BUY' }, 400, /Insufficient liquidity: no route for WETH-USDC on uniswap\/router \(ethereum-localnet\) can fill 5000 WETH/],
        [{ baseToken: 'WETH', quoteToken: 'USDC', amount: 1, side: 'SELL', walletAddress: '0x1234' }, 400, /walletAddress: '0x1234' is not an Ethereum address/],
      ];
      for (const [params, status, message] of cases) {
        const response = await quoteSwap(params);
        expect(response.status, JSON.stringify(params)).toBe(status);
        expect((await response.json<{ message: string }>()).message, JSON.stringify(params)).toMatch(message);
      }
    } finally {
      await api(`/tokens/${tokenAddress}`, { method: 'DELETE', body: { chain: 'ethereum', network: 'localnet' } });
    }
    const pancake = await api(`/connectors/pancakeswap/router/quote-swap?${query({ baseToken: 'WETH', quoteToken: 'USDC', amount: 1, side: 'SELL' })}`);
    expect(await pancake.json()).toMatchObject({ statusCode: 400, code: 'UNSUPPORTED_NETWORK', message: 'pancakeswap/router is not available on ethereum-localnet (networks: arbitrum, base, bsc, mainnet)' });
    expect((await api(`/connectors/sushiswap/router/quote-swap?${query({ baseToken: 'WETH', quoteToken: 'USDC', amount: 1, side: 'SELL' })}`)).status).toBe(404);
  });

  it('resolves the router spender aliases to SwapRouter02 (no Permit2), for allowances and approvals', async () => {
    const { spender } = await (await api('/chains/ethereum/allowances', { body: { network: 'localnet', spender: 'uniswap/router', tokens: ['USDC'] } })).json<{ spender: string }>();
    expect(spender).toBe(SWAP_ROUTER02);
    expect(resolveSpender({ name: 'localnet' } as EvmNetwork, 'uniswap')).toBe(SWAP_ROUTER02);
    expect(resolveSpender({ name: 'mainnet' } as EvmNetwork, 'uniswap/router')).toBe('0x68b3465833fb72A70ecDF485E0e4C7bD8665Fc45');
    expect(resolveSpender({ name: 'bsc' } as EvmNetwork, 'pancakeswap/router')).toBe('0x13f4EA83D0bd40E75C8222255bc855a974568Dd4');
    expect(resolveSpender({ name: 'bsc' } as EvmNetwork, 'pancakeswap')).toBe('0x13f4EA83D0bd40E75C8222255bc855a974568Dd4');
  });
});
