import type { RouteConfig } from '@hono/zod-openapi';
import type { AppRouteHandler } from '../../lib/app';
import { Decimal } from '../../lib/decimal';
import { HttpError, NotFoundError, ValidationError } from '../../lib/errors';
import type { ChainExecuteSwapSchema, ChainQuoteSwapSchema } from '../../schemas/trading';
import { SwapSearchSchema } from '../../schemas/gateway';
import type { z } from '@hono/zod-openapi';
import type { GatewayEnv } from './env';
import { parseConnector, parseNetworkId, parseTradingPair } from './naming';
import { recordSwap, searchSwaps, summarizeSwaps, swapByHash, swapRow } from './swaps.store';
import type * as routes from './swaps.routes';
import { upstream } from './upstream';

type Handler<R extends RouteConfig> = AppRouteHandler<R, GatewayEnv>;

/** What the connector refused because the chain would: recorded as a failed swap. Anything else is bad input. */
const REFUSALS = new Set(['SIMULATION_FAILED', 'SLIPPAGE_EXCEEDED', 'INSUFFICIENT_ALLOWANCE', 'INSUFFICIENT_BALANCE', 'INSUFFICIENT_LIQUIDITY', 'NO_LIQUIDITY']);
const DEFAULT_SLIPPAGE_PCT = 1;

type SwapRequest = z.infer<typeof routes.quote.request.body.content['application/json']['schema']> & { wallet_address?: string };

/** A Hummingbot API swap request as the unified trading route's body. */
function tradingSwap(request: SwapRequest) {
  const { networkId } = parseNetworkId(request.network);
  const { base, quote } = parseTradingPair(request.trading_pair);
  const connector = parseConnector(request.connector, 'router');
  const slippagePct = request.slippage_pct ?? DEFAULT_SLIPPAGE_PCT;
  return {
    pair: { base, quote },
    connector,
    slippagePct,
    body: { chainNetwork: networkId, connector: connector.name, baseToken: base, quoteToken: quote, amount: request.amount, side: request.side, slippagePct, walletAddress: request.wallet_address },
  };
}

export const quote: Handler<typeof routes.quote> = async (c) => {
  const request = c.req.valid('json');
  const { pair, body, slippagePct } = tradingSwap(request);
  const query = { ...body, walletAddress: undefined };
  const quoted = await upstream<z.infer<typeof ChainQuoteSwapSchema>>(c.env, 'CONNECTORS', '/trading/swap/quote', { query, requestId: c.get('requestId') });
  return c.json(
    {
      base: pair.base,
      quote: pair.quote,
      price: quoted.price,
      amount: Number(request.amount),
      amount_in: quoted.amountIn,
      amount_out: quoted.amountOut,
      expected_amount: quoted.amountOut,
      slippage_pct: quoted.slippagePct ?? slippagePct,
      gas_estimate: null,
    },
    200,
  );
};

export const execute: Handler<typeof routes.execute> = async (c) => {
  const request = c.req.valid('json');
  const { pair, body, slippagePct } = tradingSwap(request);
  const row = {
    network: request.network,
    connector: request.connector,
    walletAddress: request.wallet_address ?? null,
    tradingPair: request.trading_pair,
    baseToken: pair.base,
    quoteToken: pair.quote,
    side: request.side,
    slippagePct: String(slippagePct),
  };
  let sent: z.infer<typeof ChainExecuteSwapSchema>;
  try {
    sent = await upstream(c.env, 'CONNECTORS', '/trading/swap/execute', { body, idempotencyKey: c.req.valid('header')['idempotency-key'], requestId: c.get('requestId') });
  } catch (error) {
    if (error instanceof HttpError && error.statusCode === 400 && error.code && REFUSALS.has(error.code)) {
      await recordSwap(c.env, { ...row, transactionHash: null, status: 'FAILED', errorMessage: error.message });
    }
    throw error;
  }
  // The connector's amounts are floats: provisional until the follower writes the receipt's exact ones.
  const provisional = sent.data && { inputAmount: Decimal.from(sent.data.amountIn).toString(), outputAmount: Decimal.from(sent.data.amountOut).toString() };
  // Reverted or not, the follower settles it from the receipt (with the gas it paid).
  await recordSwap(c.env, { ...row, ...provisional, transactionHash: sent.signature, status: 'SUBMITTED' });
  return c.json({ transaction_hash: sent.signature, trading_pair: request.trading_pair, side: request.side, amount: Number(request.amount), status: 'submitted' as const }, 200);
};

export const status: Handler<typeof routes.status> = async (c) => {
  const hash = c.req.valid('param').transaction_hash;
  const record = await swapByHash(c.env, hash);
  if (!record) throw new NotFoundError(`Swap not found: ${hash}`, 'SWAP_NOT_FOUND');
  return c.json(swapRow(record), 200);
};

export const search: Handler<typeof routes.search> = async (c) => {
  // Hummingbot API reads query parameters; its Python client sends a JSON body. Both are honoured.
  const body = c.req.header('content-type')?.includes('application/json') ? await c.req.json().catch(() => ({})) : {};
  const parsed = SwapSearchSchema.safeParse({ ...c.req.query(), ...(body ?? {}) });
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || 'body', reason: issue.message })));
  const filter = parsed.data;
  const { records, total } = await searchSwaps(c.env, filter);
  return c.json({ data: records.map(swapRow), pagination: { limit: filter.limit, offset: filter.offset, has_more: filter.offset + records.length < total, total_count: total } }, 200);
};

export const summary: Handler<typeof routes.summary> = async (c) => c.json(await summarizeSwaps(c.env, c.req.valid('query')), 200);
