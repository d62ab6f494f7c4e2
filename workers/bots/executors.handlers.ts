import type { RouteConfig } from '@hono/zod-openapi';
import type { AppRouteHandler } from '../../lib/app';
import { getDb } from '../../lib/db/client';
import { NotFoundError } from '../../lib/errors';
import { executorConfigSchema } from '../../lib/executors/config-schema';
import type { ExecutorReport, ExecutorType } from '../../lib/executors/core';
import { executorTypes as registry } from '../../lib/executors/registry';
import { bookSnapshot } from '../../lib/executors/runtime/exchange';
import { ExecutorNotRunningError } from '../../lib/executors/runtime/executor-runtime';
import { activeHolds, clearHold, executorSummary as summary, executorView, findExecutor, performanceReport, positionView, searchExecutors as search } from '../../lib/executors/store';
import { checkMarkets, parseExecutorConfig } from '../../lib/executors/validate';
import { unwrapResult, type RpcResult } from '../../lib/rpc';
import type { BotsEnv } from './env';
import type * as routes from './executors.routes';

type Handler<Route extends RouteConfig> = AppRouteHandler<Route, BotsEnv>;

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** A new executor id: 22 base58 characters (128 random bits), as Hummingbot's are base58. */
function newExecutorId(): string {
  let id = '';
  for (const byte of crypto.getRandomValues(new Uint8Array(22))) id += BASE58[byte % 58];
  return id;
}

class ExecutorNotFoundError extends NotFoundError {
  constructor(executorId: string) {
    super(`Executor ${executorId} not found`, 'EXECUTOR_NOT_FOUND');
  }
}

const runtime = (env: BotsEnv, executorId: string) => env.EXECUTORS.get(env.EXECUTORS.idFromName(executorId));

export const createExecutorHandler: Handler<typeof routes.createExecutor> = async (c) => {
  const { executor_config, account_name, controller_id } = c.req.valid('json');
  const executor = parseExecutorConfig(executor_config);
  await checkMarkets(c.env, account_name, executor);
  const executorId = typeof executor.config.id === 'string' ? executor.config.id : newExecutorId();
  const single = executor.markets.length === 1 ? executor.markets[0] : null;
  const started = await runtime(c.env, executorId).start({ executorId, type: executor.type, account: account_name, controllerId: controller_id, config: { ...executor.config, id: executorId, controller_id }, market: single });
  // (The stub's inferred type loses the report's shape: `customInfo` is a JSON record.)
  const report = unwrapResult(started as RpcResult<ExecutorReport>);
  const row = await findExecutor(getDb(c.env), executorId);
  return c.json(
    {
      executor_id: executorId,
      executor_type: executor.type,
      connector_name: single?.connector ?? null,
      trading_pair: single?.tradingPair ?? null,
      controller_id,
      status: report.status,
      created_at: (row?.createdAt ?? new Date()).toISOString(),
    },
    201,
  );
};

export const searchExecutorsHandler: Handler<typeof routes.searchExecutors> = async (c) => c.json(await search(getDb(c.env), c.req.valid('json')), 200);

export const executorSummaryHandler: Handler<typeof routes.executorSummary> = async (c) => c.json(await summary(getDb(c.env)), 200);

export const executorPerformanceHandler: Handler<typeof routes.executorPerformance> = async (c) => c.json(await performanceReport(getDb(c.env), c.req.valid('query').controller_id), 200);

export const getExecutorHandler: Handler<typeof routes.getExecutor> = async (c) => {
  const { executor_id } = c.req.valid('param');
  const row = await findExecutor(getDb(c.env), executor_id);
  if (!row) throw new ExecutorNotFoundError(executor_id);
  return c.json(executorView(row), 200);
};

export const getExecutorLogsHandler: Handler<typeof routes.getExecutorLogs> = async (c) => {
  const { executor_id } = c.req.valid('param');
  const { limit, level } = c.req.valid('query');
  if (!(await findExecutor(getDb(c.env), executor_id))) throw new ExecutorNotFoundError(executor_id);
  const entries = (await runtime(c.env, executor_id).logs()).filter((entry) => !level || entry.level === level);
  const logs = entries.slice(-limit).map((entry) => ({ timestamp: entry.timestamp / 1000, level: entry.level, message: entry.message, exc_info: null }));
  return c.json({ executor_id, logs, total_count: entries.length }, 200);
};

export const stopExecutorHandler: Handler<typeof routes.stopExecutor> = async (c) => {
  const { executor_id } = c.req.valid('param');
  const { keep_position } = c.req.valid('json');
  const row = await findExecutor(getDb(c.env), executor_id);
  if (!row) throw new ExecutorNotFoundError(executor_id);
  if (row.status === 'TERMINATED') throw new ExecutorNotRunningError(executor_id);
  unwrapResult(await runtime(c.env, executor_id).stop(keep_position));
  return c.json({ executor_id, status: 'stopping' as const, keep_position }, 200);
};

/** The pair's mid for unrealized PnL; null when the book cannot be read (the hold is still listed). */
async function midPrice(env: BotsEnv, connector: string, tradingPair: string): Promise<number | undefined> {
  try {
    const book = await bookSnapshot(env, { connector, tradingPair }, 1);
    return (book.bids[0][0] + book.asks[0][0]) / 2;
  } catch {
    return undefined;
  }
}

async function positionViews(env: BotsEnv, holds: Awaited<ReturnType<typeof activeHolds>>) {
  return Promise.all(holds.map(async (hold) => positionView(hold, await midPrice(env, hold.connectorName, hold.tradingPair))));
}

export const positionsSummaryHandler: Handler<typeof routes.positionsSummary> = async (c) => {
  const positions = await positionViews(c.env, await activeHolds(getDb(c.env), { controllerId: c.req.valid('query').controller_id }));
  const unrealized = positions.map((position) => position.unrealized_pnl_quote);
  return c.json(
    {
      total_positions: positions.length,
      total_realized_pnl: positions.reduce((sum, position) => sum + position.realized_pnl_quote, 0),
      total_unrealized_pnl: unrealized.includes(null) ? null : unrealized.reduce<number>((sum, value) => sum + (value ?? 0), 0),
      positions,
    },
    200,
  );
};

async function heldPosition(c: Parameters<Handler<typeof routes.getPositionHeld>>[0]) {
  const { connector_name, trading_pair } = c.req.valid('param');
  const { account_name, controller_id } = c.req.valid('query');
  const [hold] = await activeHolds(getDb(c.env), { accountName: account_name, controllerId: controller_id, connectorName: connector_name, tradingPair: trading_pair });
  if (!hold) throw new NotFoundError(`No position held for ${connector_name} ${trading_pair} (account ${account_name}, controller ${controller_id})`, 'POSITION_NOT_FOUND');
  return hold;
}

export const getPositionHeldHandler: Handler<typeof routes.getPositionHeld> = async (c) => {
  const [position] = await positionViews(c.env, [await heldPosition(c)]);
  return c.json(position, 200);
};

export const clearPositionHeldHandler: Handler<typeof routes.clearPositionHeld> = async (c) => {
  const hold = await heldPosition(c);
  await clearHold(getDb(c.env), hold.id);
  return c.json({ message: `Position for ${hold.connectorName} ${hold.tradingPair} cleared`, connector_name: hold.connectorName, trading_pair: hold.tradingPair }, 200);
};

export const executorTypesHandler: Handler<typeof routes.executorTypes> = async (c) =>
  c.json({ executor_types: Object.entries(registry).map(([type, info]) => ({ type: type as ExecutorType, description: info.description, use_case: info.useCase })) }, 200);

export const executorConfigSchemaHandler: Handler<typeof routes.executorConfigSchema> = async (c) => {
  const { executor_type } = c.req.valid('param');
  const info = registry[executor_type as ExecutorType];
  if (!info) throw new NotFoundError(`Executor type '${executor_type}' not found (available: ${Object.keys(registry).join(', ')})`, 'EXECUTOR_TYPE_NOT_FOUND');
  return c.json(executorConfigSchema(executor_type as ExecutorType, info), 200);
};
