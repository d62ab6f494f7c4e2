import { createWorkerApp } from '../../lib/app';
import { mountHealth } from '../../lib/health';
import * as clmmHandlers from './clmm.handlers';
import * as clmmRoutes from './clmm.routes';
import * as configHandlers from './config.handlers';
import * as configRoutes from './config.routes';
import type { GatewayEnv } from './env';
import { follow } from './follower';
import * as swapHandlers from './swaps.handlers';
import * as swapRoutes from './swaps.routes';

export { TransactionFollower } from './transaction-follower';

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
  .openapi(clmmRoutes.search, clmmHandlers.search)
  .openapi(configRoutes.status, configHandlers.status)
  .openapi(configRoutes.start, configHandlers.start)
  .openapi(configRoutes.stop, configHandlers.stop)
  .openapi(configRoutes.restart, configHandlers.restart)
  .openapi(configRoutes.logs, configHandlers.logs)
  .openapi(configRoutes.listConnectors, configHandlers.listConnectors)
  .openapi(configRoutes.getConnector, configHandlers.getConnector)
  .openapi(configRoutes.updateConnector, configHandlers.updateConnector)
  .openapi(configRoutes.getApiKeys, configHandlers.getApiKeys)
  .openapi(configRoutes.updateApiKeys, configHandlers.updateApiKeys)
  .openapi(configRoutes.listChains, configHandlers.listChains)
  .openapi(configRoutes.listNetworks, configHandlers.listNetworks)
  .openapi(configRoutes.getNetwork, configHandlers.getNetwork)
  .openapi(configRoutes.updateNetwork, configHandlers.updateNetwork)
  .openapi(configRoutes.listTokens, configHandlers.listTokens)
  .openapi(configRoutes.addToken, configHandlers.addToken)
  .openapi(configRoutes.deleteToken, configHandlers.deleteToken)
  .openapi(configRoutes.saveToken, configHandlers.saveToken)
  .openapi(configRoutes.listPools, configHandlers.listPools)
  .openapi(configRoutes.savePool, configHandlers.savePool)
  .openapi(configRoutes.addPool, configHandlers.addPool)
  .openapi(configRoutes.deletePool, configHandlers.deletePool)
  .openapi(configRoutes.legacyListPools, configHandlers.legacyListPools)
  .openapi(configRoutes.legacyAddPool, configHandlers.legacyAddPool)
  .openapi(configRoutes.legacyDeletePool, configHandlers.legacyDeletePool)
  .openapi(configRoutes.createWallet, configHandlers.createWallet)
  .openapi(configRoutes.showPrivateKey, configHandlers.showPrivateKey)
  .openapi(configRoutes.send, configHandlers.send);

export default {
  fetch: app.fetch,
  /** The follower's safety net, every minute. */
  async scheduled(_controller: ScheduledController, env: GatewayEnv, ctx: ExecutionContext) {
    ctx.waitUntil(follow(env));
  },
} satisfies ExportedHandler<GatewayEnv>;
