/**
 * The whole system in one test isolate: the edge is the default export, and every router worker is a
 * named entrypoint that the edge reaches through a real service binding (see vitest.config.ts), so
 * requests cross the same boundaries as in `wrangler dev` and production.
 */
import { WorkerEntrypoint } from 'cloudflare:workers';
import bots from '../../workers/bots';
import chains from '../../workers/chains';
import connectors from '../../workers/connectors';
import edge from '../../workers/edge';
import gateway from '../../workers/gateway';
import marketData from '../../workers/market-data';
import portfolio from '../../workers/portfolio';
import trading from '../../workers/trading';
import webhooks from '../../workers/webhooks';

type FetchWorker = { fetch(request: Request, env: never, ctx: ExecutionContext): Response | Promise<Response> };

function entrypoint(worker: FetchWorker) {
  return class extends WorkerEntrypoint {
    override fetch(request: Request) {
      return worker.fetch(request, this.env as never, this.ctx);
    }
  };
}

export { BacktestTask } from '../../lib/backtesting/task-runner';
export { ExchangeSession } from '../../lib/exchanges/session';
export { ExecutorRuntime } from '../../lib/executors/runtime/executor-runtime';
export { MarketFeed } from '../../lib/market-data/feed';
export { Signer } from '../../lib/signer/signer';
export { TransactionFollower } from '../../workers/gateway/transaction-follower';
export { SettingsVersion } from '../../lib/config/settings-version';
export const Chains = entrypoint(chains);
export const Connectors = entrypoint(connectors);
export const Gateway = entrypoint(gateway);
export const Trading = entrypoint(trading);
export const Portfolio = entrypoint(portfolio);
export const MarketData = entrypoint(marketData);
export const Bots = entrypoint(bots);
export const Webhooks = entrypoint(webhooks);

/** The isolate consumes every queue: each batch goes to the worker that consumes its queue. */
export default {
  fetch: edge.fetch,
  queue(batch: MessageBatch, env: never) {
    return batch.queue.startsWith('trade-signals') ? webhooks.queue(batch as MessageBatch<never>, env) : bots.queue(batch as MessageBatch<never>, env);
  },
};
