import { beforeAll, describe, expect, it } from 'vitest';
import { addDevWallet, rpcCounter, withSnapshot } from '../support/chain';
import { api } from '../support/http';
import { approveRouter, balanceOf, dev, human, nonceOf, PAIRS, routerAmountIn, routerAmountOut, token, units } from './chain';

type Executed = { signature: string; status: number; data: { amountIn: number; amountOut: number; baseTokenBalanceChange: number; quoteTokenBalanceChange: number } };

const [WETH, USDC] = [token('WETH'), token('USDC')];
const quote = (params: Record<string, string>) => api(`/trading/swap/quote?${new URLSearchParams({ chainNetwork: 'ethereum-localnet', ...params })}`);

beforeAll(async () => {
  await addDevWallet();
});

describe('/trading/swap/quote', () => {
  it('dispatches to uniswap/amm and answers the router maths both sides, in ONE RPC request each', async () => {
    // As the Hummingbot client sends it: every query value a string.
    await rpcCounter.reset();
    const sell = await (await quote({ connector: 'uniswap/amm', baseToken: 'WETH', quoteToken: 'USDC', amount: '1', side: 'SELL', slippagePct: '1' })).json<Record<string, unknown>>();
    expect((await rpcCounter.read()).requests).toBe(1);
    const out = await routerAmountOut(units('1', 18), WETH.address, USDC.address);
    expect(sell).toMatchObject({ poolAddress: PAIRS['WETH-USDC'].address, tokenIn: WETH.address, tokenOut: USDC.address, amountIn: 1, amountOut: human(out, 6), price: human(out, 6), minAmountOut: human((out * 99n) / 100n, 6) });

    await rpcCounter.reset();
    const buy = await (await quote({ connector: 'uniswap/amm', baseToken: 'WETH', quoteToken: 'USDC', amount: '1', side: 'BUY' })).json<Record<string, unknown>>();
    expect((await rpcCounter.read()).requests).toBe(1);
    const amountIn = await routerAmountIn(units('1', 18), USDC.address, WETH.address);
    expect(buy).toMatchObject({ tokenIn: USDC.address, tokenOut: WETH.address, amountIn: human(amountIn, 6), amountOut: 1, price: human(amountIn, 6) });
  });

  it("uses the network's swapProvider when no connector is given (uniswap/router on localnet)", async () => {
    const router = await (await quote({ baseToken: 'WETH', quoteToken: 'USDC', amount: '1' })).json<Record<string, unknown>>();
    expect(router).toMatchObject({ quoteId: expect.any(String), tokenIn: WETH.address, tokenOut: USDC.address, amountIn: 1, routePath: '100% via WETH -> USDC' });
    await api('/config/update', { body: { namespace: 'ethereum-localnet', path: 'swapProvider', value: 'uniswap/amm' } });
    try {
      const amm = await quote({ baseToken: 'WETH', quoteToken: 'USDC', amount: '1' });
      expect(await amm.json()).toMatchObject({ poolAddress: PAIRS['WETH-USDC'].address, amountIn: 1 });
    } finally {
      await api('/config/update', { body: { namespace: 'ethereum-localnet', path: 'swapProvider', value: 'uniswap/router' } });
    }
  });

  it('answers 4xx for unsupported providers, unknown tokens, pairs without a pool and bad amounts or slippage', async () => {
    // A listed token with no pool: the 404 names the pair.
    const tokenAddress = '0x000000000000000000000000000000000000dEaD';
    await api('/tokens', { body: { chain: 'ethereum', network: 'localnet', token: { name: 'Test', symbol: 'TEST', address: tokenAddress, decimals: 18 } } });
    try {
      const cases: [Record<string, string>, number, RegExp][] = [
        [{ connector: 'sushiswap/amm', baseToken: 'WETH', quoteToken: 'USDC', amount: '1' }, 400, /Unsupported swap provider: sushiswap\/amm/],
        [{ connector: 'raydium/clmm', baseToken: 'WETH', quoteToken: 'USDC', amount: '1' }, 400, /Unsupported swap provider: raydium\/clmm/],
        [{ chainNetwork: 'solana-devnet', baseToken: 'SOL', quoteToken: 'USDC', amount: '1' }, 400, /Unsupported swap provider: \(none\) on solana-devnet/],
        [{ connector: 'uniswap/amm', baseToken: 'NOPE', quoteToken: 'USDC', amount: '1' }, 404, /Token NOPE not found in ethereum\/localnet/],
        [{ connector: 'uniswap/amm', baseToken: 'WETH', quoteToken: 'TEST', amount: '1' }, 404, /No AMM pool found for WETH-TEST on uniswap\/localnet/],
        [{ connector: 'uniswap/amm', baseToken: 'WETH', quoteToken: 'USDC', amount: '0' }, 400, /amount: must be greater than 0/],
        [{ connector: 'uniswap/amm', baseToken: 'WETH', quoteToken: 'USDC', amount: '1', slippagePct: '100.5' }, 400, /slippagePct/],
        [{ connector: 'uniswap', baseToken: 'WETH', quoteToken: 'USDC', amount: '1' }, 400, /connector: must be 'dex\/type'/],
      ];
      for (const [params, status, message] of cases) {
        const response = await quote(params);
        expect(response.status, JSON.stringify(params)).toBe(status);
        expect((await response.json<{ message: string }>()).message, JSON.stringify(params)).toMatch(message);
      }
    } finally {
      await api(`/tokens/${tokenAddress}`, { method: 'DELETE', body: { chain: 'ethereum', network: 'localnet' } });
    }
  });
});

describe('/trading/swap/execute', () => {
  it('swaps with balance changes equal to the quote, and a retry with the same Idempotency-Key sends nothing', async () => {
    await withSnapshot(async () => {
      await approveRouter('WETH');
      const quoted = await (await quote({ connector: 'uniswap/amm', baseToken: 'WETH', quoteToken: 'USDC', amount: '0.1', side: 'SELL' })).json<{ amountOut: number }>();
      const usdcBefore = await balanceOf(USDC.address, dev);
      // As the Hummingbot client sends it: amount and slippage as floats.
      const request = { body: { chainNetwork: 'ethereum-localnet', connector: 'uniswap/amm', baseToken: 'WETH', quoteToken: 'USDC', amount: 0.1, side: 'SELL', slippagePct: 1.0, walletAddress: dev }, headers: { 'idempotency-key': `swap-${crypto.randomUUID()}` } };
      await rpcCounter.reset();
      const executed = await (await api('/trading/swap/execute', request)).json<Executed>();
      // Quote, balance, allowance and block time: one eth_call; the rest is the signer's send and wait.
      expect((await rpcCounter.read()).methods.filter((method) => method === 'eth_call')).toHaveLength(1);
      expect(executed).toMatchObject({ status: 1, data: { amountIn: 0.1, amountOut: quoted.amountOut, baseTokenBalanceChange: -0.1, quoteTokenBalanceChange: quoted.amountOut } });
      expect(human((await balanceOf(USDC.address, dev)) - usdcBefore, 6)).toBe(quoted.amountOut);

      const nonce = await nonceOf(dev);
      const retry = await (await api('/trading/swap/execute', request)).json<Executed>();
      expect(retry).toEqual(executed);
      expect(await nonceOf(dev)).toBe(nonce);
    });
  });

  it("swaps through the network's swapProvider (uniswap/router) for exactly its quote when no connector is given", async () => {
    await withSnapshot(async () => {
      await api('/chains/ethereum/approve', { body: { network: 'localnet', spender: 'uniswap/router', token: 'WETH' } });
      const quoted = await (await quote({ baseToken: 'WETH', quoteToken: 'USDC', amount: '0.2', side: 'SELL' })).json<{ amountOut: number }>();
      const usdcBefore = await balanceOf(USDC.address, dev);
      const executed = await (await api('/trading/swap/execute', { body: { chainNetwork: 'ethereum-localnet', baseToken: 'WETH', quoteToken: 'USDC', amount: 0.2, side: 'SELL' } })).json<Executed>();
      expect(executed).toMatchObject({ status: 1, data: { amountIn: 0.2, amountOut: quoted.amountOut, baseTokenBalanceChange: -0.2 } });
      expect(human((await balanceOf(USDC.address, dev)) - usdcBefore, 6)).toBe(quoted.amountOut);
    });
  });

  it('refuses an unapproved swap with a 400 naming the spender to approve', async () => {
    await withSnapshot(async () => {
      await approveRouter('WETH', '0.05');
      const response = await api('/trading/swap/execute', { body: { chainNetwork: 'ethereum-localnet', connector: 'uniswap/amm', baseToken: 'WETH', quoteToken: 'USDC', amount: 0.1, side: 'SELL' } });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'INSUFFICIENT_ALLOWANCE', spender: 'uniswap/amm', message: expect.stringContaining('"spender":"uniswap/amm"') });
    });
  });
});
