import { createWorkerApp } from '../../lib/app';
import { mountHealth } from '../../lib/health';
import * as clmmHandlers from './clmm.handlers';
import * as clmmRoutes from './clmm.routes';
import type { GatewayEnv } from './env';
import { follow } from './follower';
import * as swapHandlers from './swaps.handlers';
import * as swapRoutes from './swaps.routes';

const app = createWorkerApp<GatewayEnv>({
  name: 'gateway',
  description: "Hummingbot API's /gateway routes: swaps and CLMM positions through Colibri's own DEX connectors, with their history in Postgres.",
});
mountHealth(app, 'gateway', '/gateway', 'Gateway');

app
  .openapi(swapRoutes.quote, swapHandlers.quote)
  .openapi(swapRoutes.execute, swapHandlers.execute)
  .openapi(swapRoutes.status, swapHandlers.status)
  .openapi(swapRoutes.search, swapHandlers.search)
  .openapi(swapRoutes.summary, swapHandlers.summary)
  .openapi(clmmRoutes.poolInfo, clmmHandlers.poolInfo)
  .openapi(clmmRoutes.pools, clmmHandlers.pools)
  .openapi(clmmRoutes.open, clmmHandlers.open)
  .openapi(clmmRoutes.add, clmmHandlers.add)
  .openapi(clmmRoutes.remove, clmmHandlers.remove)
  .openapi(clmmRoutes.collectFees, clmmHandlers.collectFees)
  .openapi(clmmRoutes.close, clmmHandlers.close)
  .openapi(clmmRoutes.positionsOwned, clmmHandlers.positionsOwned)
  .openapi(clmmRoutes.events, clmmHandlers.events)
  .openapi(clmmRoutes.search, clmmHandlers.search);

export default {
  fetch: app.fetch,
  /** The follower, every minute. */
  async scheduled(_controller: ScheduledController, env: GatewayEnv, ctx: ExecutionContext) {
    ctx.waitUntil(follow(env));
  },
} satisfies ExportedHandler<GatewayEnv>;
