import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { solanaRpcCounter } from '../support/chain';
import { api } from '../support/http';
import { fundedSolanaWallet, lamports, svm, tokenUnits, usdcMint } from '../support/solana';

// Jupiter's router on solana-localnet, through the Swap API stand-in (tools/jupiter/): quotes are the
// stand-in's, swaps are its market maker's pre-signed transactions, signed by Colibri and run on litesvm.

type Quote = { quoteId: string; tokenIn: string; tokenOut: string; amountIn: number; amountOut: number; price: number; minAmountOut: number; maxAmountIn: number; priceImpactPct: number; routePath: string; pools: string[] };
type Executed = { signature: string; status: number; data: { amountIn: number; amountOut: number; fee: number; baseTokenBalanceChange: number; quoteTokenBalanceChange: number } };
type JupiterQuote = { inAmount: string; outAmount: string; otherAmountThreshold: string };

const SOL = '11111111111111111111111111111111';
const WSOL_MINT = 'So11111111111111111111111111111111111111112';
const USDC = usdcMint.toBase58();
/** The stand-in's market maker (tools/jupiter/market-maker.ts). */
const MAKER = '73sbqRi2YKhWZoww2A7xPgQZBCkuaQmfhpHbc1Fca2rm';

const query = (params: Record<string, string | number>) => new URLSearchParams(Object.entries({ network: 'localnet', ...params }).map(([key, value]): [string, string] => [key, String(value)]));
const quoteSwap = (params: Record<string, string | number>) => api(`/connectors/jupiter/router/quote-swap?${query(params)}`);
const executeQuote = (body: Record<string, unknown>) => api('/connectors/jupiter/router/execute-quote', { body: { network: 'localnet', ...body } });
const executeSwap = (body: Record<string, unknown>) => api('/connectors/jupiter/router/execute-swap', { body: { network: 'localnet', ...body } });
const jupiter = (path: string, init?: RequestInit) => fetch(`${env.TEST_JUPITER_URL}${path}`, init);
const control = (controls: Record<string, unknown>) => jupiter('/__control', { method: 'POST', body: JSON.stringify(controls) });
const standInQuote = async (params: Record<string, string>) => (await jupiter(`/swap/v1/quote?${new URLSearchParams(params)}`)).json<JupiterQuote>();
const sentTransactions = async () => (await solanaRpcCounter.read()).methods.filter((method) => method === 'sendTransaction').length;

/** A wallet of its own, funded with `sol` SOL, so each test's balances are its own. */
const wallet = (sol: number) => fundedSolanaWallet(sol);

afterEach(async () => {
  await control({ priceFactor: 1, fault: null });
  await solanaRpcCounter.reset();
});

describe('jupiter/router quotes', () => {
  it("SELL quotes Jupiter's ExactIn for base (SOL as wrapped SOL) in human units, with its threshold as minAmountOut, and no Solana RPC request", async () => {
    await solanaRpcCounter.reset();
    const response = await quoteSwap({ baseToken: 'SOL', quoteToken: 'USDC', amount: 2, side: 'SELL', slippagePct: 1 });
    expect(response.status).toBe(200);
    const quote = await response.json<Quote>();
    expect((await solanaRpcCounter.read()).requests).toBe(0);
    const expected = await standInQuote({ inputMint: WSOL_MINT, outputMint: USDC, amount: '2000000000', swapMode: 'ExactIn', slippageBps: '100' });
    expect(quote).toMatchObject({
      tokenIn: SOL,
      tokenOut: USDC,
      amountIn: 2,
      amountOut: Number(expected.outAmount) / 1e6,
      minAmountOut: Number(expected.otherAmountThreshold) / 1e6,
      maxAmountIn: 2,
      routePath: '100% via Colibri localnet market maker',
      pools: [expect.any(String)],
    });
    expect(quote.price).toBeCloseTo(quote.amountOut / 2, 9);
  });

  it("BUY quotes Jupiter's ExactOut: maxAmountIn is its threshold", async () => {
    const quote = await (await quoteSwap({ baseToken: 'SOL', quoteToken: 'USDC', amount: 1, side: 'BUY', slippagePct: 2 })).json<Quote>();
    const expected = await standInQuote({ inputMint: USDC, outputMint: WSOL_MINT, amount: '1000000000', swapMode: 'ExactOut', slippageBps: '200' });
    expect(quote).toMatchObject({ tokenIn: USDC, tokenOut: SOL, amountOut: 1, minAmountOut: 1, amountIn: Number(expected.inAmount) / 1e6, maxAmountIn: Number(expected.otherAmountThreshold) / 1e6 });
  });

  it('an unknown token is a 404; more than the market maker holds is a 400 naming Jupiter’s refusal', async () => {
    expect((await quoteSwap({ baseToken: 'NOPE', quoteToken: 'USDC', amount: 1, side: 'SELL' })).status).toBe(404);
    const tooMuch = await quoteSwap({ baseToken: 'SOL', quoteToken: 'USDC', amount: 20_000, side: 'BUY' });
    expect(tooMuch.status).toBe(400);
    expect(await tooMuch.json()).toMatchObject({ code: 'COULD_NOT_FIND_ANY_ROUTE', message: expect.stringContaining('Could not find any route') });
  });

  it('a rate-limited Jupiter is a 429 and an unavailable one a 503, both with Retry-After', async () => {
    await control({ fault: { status: 429, times: 1, retryAfterSeconds: 7 } });
    const limited = await quoteSwap({ baseToken: 'SOL', quoteToken: 'USDC', amount: 1, side: 'SELL' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    await control({ fault: { status: 502, times: 1, retryAfterSeconds: 3 } });
    const down = await quoteSwap({ baseToken: 'SOL', quoteToken: 'USDC', amount: 1, side: 'SELL' });
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('3');
    expect(await down.json()).toMatchObject({ code: 'JUPITER_UNAVAILABLE' });
  });
});

describe('jupiter/router swaps', () => {
  it("execute-quote signs the market maker's transaction and reports the balance changes the chain recorded; the quote is used once", async () => {
    const address = await wallet(10);
    const quote = await (await quoteSwap({ baseToken: 'SOL', quoteToken: 'USDC', amount: 1, side: 'SELL', walletAddress: address })).json<Quote>();
    const [solBefore, usdcBefore, makerUsdcBefore] = [await lamports(address), await tokenUnits(address), await tokenUnits(MAKER)];

    await solanaRpcCounter.reset();
    const response = await executeQuote({ quoteId: quote.quoteId });
    expect(response.status).toBe(200);
    // Simulation with the wallet's accounts read beside it, send, one status poll, the landed transaction.
    expect((await solanaRpcCounter.read()).methods.sort()).toEqual(['getMultipleAccounts', 'getSignatureStatuses', 'getTransaction', 'sendTransaction', 'simulateTransaction']);
    const executed = await response.json<Executed>();
    expect(executed.status).toBe(1);
    const received = (await tokenUnits(address)) - usdcBefore;
    expect(received).toBe(BigInt(Math.round(quote.amountOut * 1e6)));
    expect(makerUsdcBefore - (await tokenUnits(MAKER))).toBe(received);
    const solChange = (await lamports(address)) - solBefore;
    expect(executed.data.quoteTokenBalanceChange).toBe(Number(received) / 1e6);
    // SOL without the fee, which is reported apart; the wallet's new USDC account's rent is part of it.
    expect(executed.data.baseTokenBalanceChange).toBeCloseTo((solChange + executed.data.fee * 1e9) / 1e9, 9);
    expect(executed.data.amountOut).toBe(quote.amountOut);

    const again = await executeQuote({ quoteId: quote.quoteId });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: 'QUOTE_USED' });
  });

  it('execute-swap BUY receives exactly the SOL asked for', async () => {
    const address = await wallet(20);
    expect((await executeSwap({ baseToken: 'SOL', quoteToken: 'USDC', amount: 5, side: 'SELL', walletAddress: address })).status).toBe(200);
    const before = await lamports(address);
    const response = await executeSwap({ baseToken: 'SOL', quoteToken: 'USDC', amount: 1, side: 'BUY', walletAddress: address });
    expect(response.status).toBe(200);
    const executed = await response.json<Executed>();
    expect(executed.data.baseTokenBalanceChange).toBe(1);
    expect((await lamports(address)) - before).toBe(1e9 - executed.data.fee * 1e9);
  });

  it('a price that moved beyond the slippage by execution is a 400 and nothing is sent', async () => {
    const address = await wallet(10);
    const quote = await (await quoteSwap({ baseToken: 'SOL', quoteToken: 'USDC', amount: 1, side: 'SELL', slippagePct: 1, walletAddress: address })).json<Quote>();
    await control({ priceFactor: 0.95 });
    await solanaRpcCounter.reset();
    const before = await lamports(address);
    const response = await executeQuote({ quoteId: quote.quoteId });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'SLIPPAGE_EXCEEDED', message: expect.stringContaining('Nothing was sent') });
    expect(await sentTransactions()).toBe(0);
    expect(await lamports(address)).toBe(before);
  });

  it('a wallet that cannot pay is refused by the simulation with a 400, nothing sent', async () => {
    const address = await wallet(1);
    await solanaRpcCounter.reset();
    const response = await executeSwap({ baseToken: 'SOL', quoteToken: 'USDC', amount: 5, side: 'SELL', walletAddress: address });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'SIMULATION_FAILED' });
    expect(await sentTransactions()).toBe(0);
  });

  it('a transaction whose blockhash expires before it lands is a 503 TRANSACTION_EXPIRED, never sent again', async () => {
    const address = await wallet(10);
    await api('/config/update', { body: { namespace: 'solana-localnet', path: 'confirmRetryInterval', value: 0.2 } });
    await api('/config/update', { body: { namespace: 'solana-localnet', path: 'confirmRetryCount', value: 100 } });
    try {
      const before = await lamports(address);
      await solanaRpcCounter.fail({ method: 'sendTransaction', fault: 'drop', times: 1 });
      const pending = executeSwap({ baseToken: 'SOL', quoteToken: 'USDC', amount: 1, side: 'SELL', walletAddress: address });
      // Once the leader has "accepted" it, the chain moves on 151 blocks (each airdrop is one).
      while ((await sentTransactions()) === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      for (let block = 0; block < 151; block++) await svm('requestAirdrop', [MAKER, 1]);
      const response = await pending;
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ code: 'TRANSACTION_EXPIRED', message: expect.stringContaining('not resent') });
      expect(await sentTransactions()).toBe(1);
      expect(await lamports(address)).toBe(before);
    } finally {
      await api('/config/update', { body: { namespace: 'solana-localnet', path: 'confirmRetryInterval', value: 1 } });
      await api('/config/update', { body: { namespace: 'solana-localnet', path: 'confirmRetryCount', value: 10 } });
    }
  });
});

describe('jupiter through the unified trading route', () => {
  it("/trading/swap uses the Solana network's default swapProvider, jupiter/router", async () => {
    const address = await wallet(10);
    const response = await api('/trading/swap/execute', { body: { chainNetwork: 'solana-localnet', baseToken: 'SOL', quoteToken: 'USDC', amount: 1, side: 'SELL', walletAddress: address } });
    expect(response.status).toBe(200);
    expect((await response.json<Executed>()).status).toBe(1);
  });
});

describe("jupiter through Hummingbot API's /gateway/swap routes", () => {
  it('quotes and executes SOL-USDC with jupiter/router, the swap recorded with its signature', async () => {
    const address = await wallet(10);
    const swap = { connector: 'jupiter/router', network: 'solana-localnet', trading_pair: 'SOL-USDC', side: 'SELL', amount: '1', slippage_pct: '1.0', wallet_address: address };
    const quoted = await api('/gateway/swap/quote', { body: swap });
    expect(quoted.status).toBe(200);
    expect(await quoted.json()).toMatchObject({ base: 'SOL', quote: 'USDC', amount_in: 1, amount_out: expect.any(Number) });
    const usdcBefore = await tokenUnits(address);
    const executed = await api('/gateway/swap/execute', { body: swap });
    expect(executed.status).toBe(200);
    const { transaction_hash } = await executed.json<{ transaction_hash: string }>();
    expect(await tokenUnits(address)).toBeGreaterThan(usdcBefore);
    expect((await api(`/gateway/swaps/${transaction_hash}/status`)).status).toBe(200);
  });
});
