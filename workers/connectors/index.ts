import { createWorkerApp } from '../../lib/app';
import { sweepExpiredQuotes } from '../../lib/connectors/quoteStore';
import { mountHealth } from '../../lib/health';
import { log } from '../../lib/log';
import * as ammHandlers from './amm.handlers';
import * as ammRoutes from './amm.routes';
import * as clmmHandlers from './clmm.handlers';
import * as clmmRoutes from './clmm.routes';
import type { ConnectorsEnv } from './env';
import * as poolHandlers from './pools.handlers';
import * as poolRoutes from './pools.routes';
import * as routerHandlers from './router.handlers';
import * as routerRoutes from './router.routes';
import * as tradingClmmHandlers from './trading-clmm.handlers';
import * as tradingClmmRoutes from './trading-clmm.routes';
import * as swapHandlers from './trading-swap.handlers';
import * as swapRoutes from './trading-swap.routes';

const app = createWorkerApp<ConnectorsEnv>({ name: 'connectors', description: 'DEX connectors (router, amm, clmm), pools and unified DEX trading.' });
mountHealth(app, 'connectors', '/connectors', 'Connectors');

app
  .openapi(ammRoutes.poolInfo, ammHandlers.poolInfo)
  .openapi(ammRoutes.positionInfo, ammHandlers.positionInfo)
  .openapi(ammRoutes.quoteLiquidity, ammHandlers.quoteLiquidity)
  .openapi(ammRoutes.quoteSwap, ammHandlers.quoteSwap)
  .openapi(ammRoutes.executeSwap, ammHandlers.executeSwap)
  .openapi(ammRoutes.addLiquidity, ammHandlers.addLiquidity)
  .openapi(ammRoutes.removeLiquidity, ammHandlers.removeLiquidity)
  .openapi(routerRoutes.quoteSwap, routerHandlers.quoteSwap)
  .openapi(routerRoutes.executeQuote, routerHandlers.executeQuote)
  .openapi(routerRoutes.executeSwap, routerHandlers.executeSwap)
  .openapi(clmmRoutes.poolInfo, clmmHandlers.poolInfo)
  .openapi(clmmRoutes.positionInfo, clmmHandlers.positionInfo)
  .openapi(clmmRoutes.positionsOwned, clmmHandlers.positionsOwned)
  .openapi(clmmRoutes.quotePosition, clmmHandlers.quotePosition)
  .openapi(clmmRoutes.quoteSwap, clmmHandlers.quoteSwap)
  .openapi(clmmRoutes.executeSwap, clmmHandlers.executeSwap)
  .openapi(clmmRoutes.openPosition, clmmHandlers.openPosition)
  .openapi(clmmRoutes.addLiquidity, clmmHandlers.addLiquidity)
  .openapi(clmmRoutes.removeLiquidity, clmmHandlers.removeLiquidity)
  .openapi(clmmRoutes.collectFees, clmmHandlers.collectFees)
  .openapi(clmmRoutes.closePosition, clmmHandlers.closePosition)
  .openapi(poolRoutes.listPools, poolHandlers.listPools)
  .openapi(poolRoutes.findPools, poolHandlers.findPools)
  .openapi(poolRoutes.savePoolFromChain, poolHandlers.savePoolFromChain)
  .openapi(poolRoutes.getPool, poolHandlers.getPool)
  .openapi(poolRoutes.addPool, poolHandlers.addPool)
  .openapi(poolRoutes.removePool, poolHandlers.removePool)
  .openapi(swapRoutes.quote, swapHandlers.quote)
  .openapi(swapRoutes.execute, swapHandlers.execute)
  .openapi(tradingClmmRoutes.poolInfo, tradingClmmHandlers.poolInfo)
  .openapi(tradingClmmRoutes.positionInfo, tradingClmmHandlers.positionInfo)
  .openapi(tradingClmmRoutes.positionsOwned, tradingClmmHandlers.positionsOwned)
  .openapi(tradingClmmRoutes.quotePosition, tradingClmmHandlers.quotePosition)
  .openapi(tradingClmmRoutes.open, tradingClmmHandlers.open)
  .openapi(tradingClmmRoutes.add, tradingClmmHandlers.add)
  .openapi(tradingClmmRoutes.remove, tradingClmmHandlers.remove)
  .openapi(tradingClmmRoutes.collectFees, tradingClmmHandlers.collectFees)
  .openapi(tradingClmmRoutes.close, tradingClmmHandlers.close);

export default {
  fetch: app.fetch,
  /** The Cron Trigger (wrangler.toml): expired router quotes are swept. */
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(sweepExpiredQuotes(env).then((swept) => log('info', 'swept expired quotes', { swept })));
  },
} satisfies ExportedHandler<ConnectorsEnv>;
