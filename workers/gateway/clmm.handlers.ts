import type { RouteConfig } from '@hono/zod-openapi';
import type { AppRouteHandler } from '../../lib/app';
import { Config } from '../../lib/config/store';
import { CONNECTOR_REGISTRY } from '../../lib/connectors/registry';
import { Decimal } from '../../lib/decimal';
import { getDb } from '../../lib/db/client';
import { NotFoundError, ValidationError } from '../../lib/errors';
import { PoolList } from '../../lib/pools/registry';
import type { ClmmPoolInfo, ClmmPositionInfo, OpenPosition } from '../../schemas/clmm';
import { ClmmPositionSearchSchema, type ClmmPositionRow } from '../../schemas/gateway';
import type { Pool } from '../../schemas/pools';
import type * as routes from './clmm.routes';
import { positionEvents, recordEvent, recordOpen, searchPositions, type EventRecord, type EventType, type PositionRecord } from './clmm.store';
import type { GatewayEnv } from './env';
import { parseConnector, parseNetworkId } from './naming';
import { pnlSummary } from './pnl';
import { followTransaction } from './transaction-follower';
import { upstream, UpstreamError } from './upstream';

type Handler<R extends RouteConfig> = AppRouteHandler<R, GatewayEnv>;

/** What `/trading/clmm/*` takes to name the connector and network. */
function target(request: { connector: string; network: string }) {
  const { dex } = parseConnector(request.connector, 'clmm');
  const { chain, network, networkId } = parseNetworkId(request.network);
  return { dex, chain, network, networkId, trading: { connector: dex, chainNetwork: networkId } };
}

const number = (value: string | null) => (value === null ? null : Number(value));
const provisional = (value: number | undefined) => (value === undefined ? undefined : Decimal.from(value).toString());

export const poolInfo: Handler<typeof routes.poolInfo> = async (c) => {
  const query = c.req.valid('query');
  const { trading } = target(query);
  const info = await upstream<ClmmPoolInfo>(c.env, 'CONNECTORS', '/trading/clmm/pool-info', { query: { ...trading, poolAddress: query.pool_address }, requestId: c.get('requestId') });
  return c.json(
    {
      address: info.address,
      base_token_address: info.baseTokenAddress,
      quote_token_address: info.quoteTokenAddress,
      bin_step: info.binStep,
      fee_pct: info.feePct,
      price: info.price,
      base_token_amount: info.baseTokenAmount,
      quote_token_amount: info.quoteTokenAmount,
      active_bin_id: info.activeBinId,
      dynamic_fee_pct: null,
      min_bin_id: null,
      max_bin_id: null,
      bins: [],
    },
    200,
  );
};

export const pools: Handler<typeof routes.pools> = async (c) => {
  const query = c.req.valid('query');
  const { dex } = parseConnector(query.connector, 'clmm');
  const where = query.network ? { chainNetwork: parseNetworkId(query.network).networkId } : { chain: 'ethereum' };
  const listed = await upstream<Pool[]>(c.env, 'CONNECTORS', '/pools', { query: { ...where, connector: dex, type: 'clmm', search: query.search_term }, requestId: c.get('requestId') });
  const page = listed.slice(query.page * query.limit, (query.page + 1) * query.limit);
  return c.json(
    {
      pools: page.map((pool) => ({
        address: pool.address,
        name: `${pool.baseSymbol}-${pool.quoteSymbol}`,
        trading_pair: `${pool.baseSymbol}-${pool.quoteSymbol}`,
        mint_x: pool.baseTokenAddress,
        mint_y: pool.quoteTokenAddress,
        bin_step: null,
        current_price: null,
        liquidity: null,
        base_fee_percentage: String(pool.feePct),
        apr: null,
        apy: null,
        volume_24h: null,
        fees_24h: null,
      })),
      total: listed.length,
      page: query.page,
      pageSize: query.limit,
    },
    200,
  );
};

/**
 * The pool's /pools entry for the connector (symbols and token addresses): a pool the connector ships
 * costs nothing (a pool's tokens never change); any other is read from the stored list, beside the
 * connector's work.
 */
async function listedPool(env: GatewayEnv, dex: string, chain: 'ethereum' | 'solana', network: string, poolAddress: string): Promise<Pool | undefined> {
  const shipped = CONNECTOR_REGISTRY[dex]?.pools[network]?.find((pool) => pool.type === 'clmm' && pool.address.toLowerCase() === poolAddress.toLowerCase());
  if (shipped) return { ...shipped, network, connector: dex };
  const pools = await PoolList.load(getDb(env), await Config.load(env), chain, network);
  return pools.find({ connector: dex, type: 'clmm' }).find((pool) => pool.address.toLowerCase() === poolAddress.toLowerCase());
}

export const open: Handler<typeof routes.open> = async (c) => {
  const body = c.req.valid('json');
  const { dex, chain, network, trading } = target(body);
  const [opened, listed] = await Promise.all([
    upstream<OpenPosition>(c.env, 'CONNECTORS', '/trading/clmm/open', {
      body: {
        ...trading,
        poolAddress: body.pool_address,
        lowerPrice: Number(body.lower_price),
        upperPrice: Number(body.upper_price),
        baseTokenAmount: body.base_token_amount,
        quoteTokenAmount: body.quote_token_amount,
        slippagePct: body.slippage_pct,
        walletAddress: body.wallet_address,
      },
      idempotencyKey: c.req.valid('header')['idempotency-key'],
      requestId: c.get('requestId'),
    }),
    listedPool(c.env, dex, chain, network, body.pool_address),
  ]);
  // A pool nobody listed: its tokens from the connector (one more read), named by address.
  const pool = listed ?? (await unlistedPool(c.env, trading, body.pool_address, c.get('requestId')));
  const tradingPair = `${pool.baseSymbol}-${pool.quoteSymbol}`;
  await recordOpen(
    c.env,
    {
      positionAddress: opened.data?.positionAddress ?? null,
      poolAddress: body.pool_address,
      network: body.network,
      connector: body.connector,
      walletAddress: body.wallet_address ?? null,
      tradingPair,
      baseToken: pool.baseSymbol,
      quoteToken: pool.quoteSymbol,
      baseTokenAddress: pool.baseTokenAddress,
      quoteTokenAddress: pool.quoteTokenAddress,
      lowerPrice: body.lower_price,
      upperPrice: body.upper_price,
    },
    { transactionHash: opened.signature, baseTokenAmount: provisional(opened.data?.baseTokenAmountAdded), quoteTokenAmount: provisional(opened.data?.quoteTokenAmountAdded) },
  );
  await followTransaction(c.env, { kind: 'clmm', hash: opened.signature });
  return c.json(
    {
      transaction_hash: opened.signature,
      position_address: opened.data?.positionAddress ?? '',
      trading_pair: tradingPair,
      pool_address: body.pool_address,
      lower_price: Number(body.lower_price),
      upper_price: Number(body.upper_price),
      status: 'submitted' as const,
    },
    200,
  );
};

async function unlistedPool(env: GatewayEnv, trading: { connector: string; chainNetwork: string }, poolAddress: string, requestId: string) {
  const info = await upstream<ClmmPoolInfo>(env, 'CONNECTORS', '/trading/clmm/pool-info', { query: { ...trading, poolAddress }, requestId });
  return { baseSymbol: info.baseTokenAddress, quoteSymbol: info.quoteTokenAddress, baseTokenAddress: info.baseTokenAddress, quoteTokenAddress: info.quoteTokenAddress };
}

type PositionTransaction = { signature: string; data?: { baseFeeAmountCollected?: number; quoteFeeAmountCollected?: number } };

/** Sends a position transaction through `/trading/clmm/{action}` and records it as the position's event. */
async function positionTransaction(
  c: { env: GatewayEnv; get(key: 'requestId'): string },
  request: { connector: string; network: string; position_address: string; wallet_address?: string },
  action: 'add' | 'remove' | 'collect-fees' | 'close',
  eventType: EventType,
  extra: Record<string, unknown>,
  idempotencyKey?: string,
) {
  const { trading } = target(request);
  const sent = await upstream<PositionTransaction>(c.env, 'CONNECTORS', `/trading/clmm/${action}`, {
    body: { ...trading, positionAddress: request.position_address, walletAddress: request.wallet_address, ...extra },
    idempotencyKey,
    requestId: c.get('requestId'),
  });
  await recordEvent(c.env, { network: request.network, connector: request.connector, positionAddress: request.position_address }, { transactionHash: sent.signature, eventType });
  await followTransaction(c.env, { kind: 'clmm', hash: sent.signature });
  return {
    transaction_hash: sent.signature,
    position_address: request.position_address,
    base_fee_collected: sent.data?.baseFeeAmountCollected ?? null,
    quote_fee_collected: sent.data?.quoteFeeAmountCollected ?? null,
    status: 'submitted' as const,
  };
}

export const add: Handler<typeof routes.add> = async (c) => {
  const body = c.req.valid('json');
  const extra = { baseTokenAmount: body.base_token_amount, quoteTokenAmount: body.quote_token_amount, slippagePct: body.slippage_pct };
  return c.json(await positionTransaction(c, body, 'add', 'ADD_LIQUIDITY', extra, c.req.valid('header')['idempotency-key']), 200);
};

export const remove: Handler<typeof routes.remove> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await positionTransaction(c, body, 'remove', 'REMOVE_LIQUIDITY', { percentageToRemove: body.percentage }, c.req.valid('header')['idempotency-key']), 200);
};

export const collectFees: Handler<typeof routes.collectFees> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await positionTransaction(c, body, 'collect-fees', 'COLLECT_FEES', {}, c.req.valid('header')['idempotency-key']), 200);
};

export const close: Handler<typeof routes.close> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await positionTransaction(c, body, 'close', 'CLOSE', {}, c.req.valid('header')['idempotency-key']), 200);
};

const inRange = (price: number, lower: number, upper: number) => price >= lower && price <= upper;

export const positionsOwned: Handler<typeof routes.positionsOwned> = async (c) => {
  const body = c.req.valid('json');
  const { dex, chain, network, trading } = target(body);
  const [owned, listed] = await Promise.all([
    upstream<ClmmPositionInfo[]>(c.env, 'CONNECTORS', '/trading/clmm/positions-owned', { query: { ...trading, walletAddress: body.wallet_address }, requestId: c.get('requestId') }),
    listedPool(c.env, dex, chain, network, body.pool_address),
  ]);
  const inPool = owned.filter((position) => position.poolAddress.toLowerCase() === body.pool_address.toLowerCase());
  const [base, quote] = listed ? [listed.baseSymbol, listed.quoteSymbol] : [inPool[0]?.baseTokenAddress ?? '', inPool[0]?.quoteTokenAddress ?? ''];
  return c.json(
    inPool.map((position) => ({
      position_address: position.address,
      pool_address: position.poolAddress,
      trading_pair: `${base}-${quote}`,
      base_token: base,
      quote_token: quote,
      base_token_amount: position.baseTokenAmount,
      quote_token_amount: position.quoteTokenAmount,
      current_price: position.price,
      lower_price: position.lowerPrice,
      upper_price: position.upperPrice,
      base_fee_amount: position.baseFeeAmount,
      quote_fee_amount: position.quoteFeeAmount,
      lower_bin_id: position.lowerBinId,
      upper_bin_id: position.upperBinId,
      in_range: inRange(position.price, position.lowerPrice, position.upperPrice),
    })),
    200,
  );
};

const eventRow = (event: EventRecord) => ({
  transaction_hash: event.transactionHash,
  timestamp: event.timestamp.toISOString(),
  event_type: event.eventType,
  base_token_amount: number(event.baseTokenAmount),
  quote_token_amount: number(event.quoteTokenAmount),
  base_fee_collected: number(event.baseFeeCollected),
  quote_fee_collected: number(event.quoteFeeCollected),
  gas_fee: number(event.gasFee),
  gas_token: event.gasToken,
  status: event.status,
  error_message: event.errorMessage,
});

export const events: Handler<typeof routes.events> = async (c) => {
  const address = c.req.valid('param').position_address;
  const query = c.req.valid('query');
  const found = await positionEvents(c.env, address, { eventType: query.event_type, limit: query.limit });
  if (!found) throw new NotFoundError(`Position not found: ${address}`, 'POSITION_NOT_FOUND');
  return c.json({ data: found.events.map(eventRow), total_count: found.total }, 200);
};

/** The chain's view of a position now: what it holds, its uncollected fees, the pool's price. */
interface CurrentState {
  price: number;
  base: number;
  quote: number;
  baseFee: number;
  quoteFee: number;
  lowerBinId: number | null;
  upperBinId: number | null;
}

/** Open positions: position-info; closed ones: their pool's price (pool-info, once per pool). */
async function currentStates(env: GatewayEnv, positions: PositionRecord[], requestId: string): Promise<(CurrentState | undefined)[]> {
  const poolPrices = new Map<string, Promise<number>>();
  const poolPrice = (position: PositionRecord) => {
    const key = `${position.network}|${position.connector}|${position.poolAddress}`;
    if (!poolPrices.has(key)) {
      const { trading } = target(position);
      poolPrices.set(key, upstream<ClmmPoolInfo>(env, 'CONNECTORS', '/trading/clmm/pool-info', { query: { ...trading, poolAddress: position.poolAddress }, requestId }).then((info) => info.price));
    }
    return poolPrices.get(key)!;
  };
  return Promise.all(
    positions.map(async (position): Promise<CurrentState | undefined> => {
      if (position.status === 'CLOSED') return { price: await poolPrice(position), base: 0, quote: 0, baseFee: 0, quoteFee: 0, lowerBinId: null, upperBinId: null };
      if (position.positionAddress === null) return undefined;
      const { trading } = target(position);
      // Closed on chain (its NFT burned) but its close not settled by the follower yet: no state, so no PnL until it is.
      const info = await upstream<ClmmPositionInfo>(env, 'CONNECTORS', '/trading/clmm/position-info', { query: { ...trading, positionAddress: position.positionAddress }, requestId }).catch(
        (error: unknown) => {
          if (error instanceof UpstreamError && error.statusCode === 404 && error.code === 'POSITION_NOT_FOUND') return undefined;
          throw error;
        },
      );
      if (!info) return undefined;
      return { price: info.price, base: info.baseTokenAmount, quote: info.quoteTokenAmount, baseFee: info.baseFeeAmount, quoteFee: info.quoteFeeAmount, lowerBinId: info.lowerBinId, upperBinId: info.upperBinId };
    }),
  );
}

export const search: Handler<typeof routes.search> = async (c) => {
  const body = c.req.header('content-type')?.includes('application/json') ? await c.req.json().catch(() => ({})) : {};
  const addresses = c.req.queries('position_addresses');
  const parsed = ClmmPositionSearchSchema.safeParse({ ...c.req.query(), ...(addresses ? { position_addresses: addresses } : {}), ...(body ?? {}) });
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || 'body', reason: issue.message })));
  const filter = parsed.data;
  const { positions, total } = await searchPositions(c.env, filter);
  const states = await currentStates(c.env, positions, c.get('requestId'));
  const data = positions.map((position, index): ClmmPositionRow => {
    const state = states[index];
    const sums = position.sums;
    const [lower, upper] = [Number(position.lowerPrice), Number(position.upperPrice)];
    const ledger = state &&
      position.entryPrice !== null && {
        depositedBase: Decimal.from(sums.depositedBase),
        depositedQuote: Decimal.from(sums.depositedQuote),
        withdrawnBase: Decimal.from(sums.withdrawnBase),
        withdrawnQuote: Decimal.from(sums.withdrawnQuote),
        feesCollectedBase: Decimal.from(sums.feesBase),
        feesCollectedQuote: Decimal.from(sums.feesQuote),
        currentBase: Decimal.from(state.base),
        currentQuote: Decimal.from(state.quote),
        feesPendingBase: Decimal.from(state.baseFee),
        feesPendingQuote: Decimal.from(state.quoteFee),
        entryPrice: Decimal.from(position.entryPrice),
        currentPrice: Decimal.from(state.price),
        openedAt: position.createdAt,
        until: position.closedAt ?? new Date(),
      };
    return {
      position_address: position.positionAddress ?? '',
      pool_address: position.poolAddress,
      network: position.network,
      connector: position.connector,
      wallet_address: position.walletAddress,
      trading_pair: position.tradingPair,
      base_token: position.baseToken,
      quote_token: position.quoteToken,
      created_at: position.createdAt.toISOString(),
      closed_at: position.closedAt?.toISOString() ?? null,
      status: position.status,
      lower_price: lower,
      upper_price: upper,
      lower_bin_id: state?.lowerBinId ?? null,
      upper_bin_id: state?.upperBinId ?? null,
      entry_price: number(position.entryPrice),
      current_price: state?.price ?? null,
      percentage: null,
      initial_base_token_amount: Number(sums.depositedBase),
      initial_quote_token_amount: Number(sums.depositedQuote),
      position_rent: 0,
      base_token_amount: state?.base ?? 0,
      quote_token_amount: state?.quote ?? 0,
      in_range: !state || position.status === 'CLOSED' ? 'UNKNOWN' : inRange(state.price, lower, upper) ? 'IN_RANGE' : 'OUT_OF_RANGE',
      base_fee_collected: Number(sums.feesBase),
      quote_fee_collected: Number(sums.feesQuote),
      base_fee_pending: state?.baseFee ?? 0,
      quote_fee_pending: state?.quoteFee ?? 0,
      pnl_summary: ledger ? pnlSummary(ledger) : null,
      last_updated: position.lastUpdated.toISOString(),
    };
  });
  return c.json({ data, pagination: { limit: filter.limit, offset: filter.offset, has_more: filter.offset + positions.length < total, total_count: total } }, 200);
};

