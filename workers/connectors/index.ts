import { createWorkerApp } from '../../lib/app';
import { mountHealth } from '../../lib/health';
import * as ammHandlers from './amm.handlers';
import * as ammRoutes from './amm.routes';
import type { ConnectorsEnv } from './env';
import * as poolHandlers from './pools.handlers';
import * as poolRoutes from './pools.routes';
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
  .openapi(poolRoutes.listPools, poolHandlers.listPools)
  .openapi(poolRoutes.getPool, poolHandlers.getPool)
  .openapi(poolRoutes.addPool, poolHandlers.addPool)
  .openapi(poolRoutes.removePool, poolHandlers.removePool)
  .openapi(swapRoutes.quote, swapHandlers.quote)
  .openapi(swapRoutes.execute, swapHandlers.execute);

export default app;
