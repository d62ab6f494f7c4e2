import { bodyLimit } from 'hono/body-limit';
import { createWorkerApp } from '../../lib/app';
import { BadRequestError } from '../../lib/errors';
import { mountHealth } from '../../lib/health';
import * as accountHandlers from './accounts.handlers';
import * as accountRoutes from './accounts.routes';
import * as connectorHandlers from './connectors.handlers';
import * as connectorRoutes from './connectors.routes';
import type { TradingEnv } from './env';
import * as orderHandlers from './orders.handlers';
import * as orderRoutes from './orders.routes';
import * as positionHandlers from './positions.handlers';
import * as positionRoutes from './positions.routes';
import * as walletHandlers from './gateway-wallets.handlers';
import * as walletRoutes from './gateway-wallets.routes';

const app = createWorkerApp<TradingEnv>({ name: 'trading', description: 'Accounts, exchange credentials, the exchange connector catalogue and centralized-exchange trading.' });
mountHealth(app, 'trading', '/trading', 'Trading');

// Credentials, wallet keys, orders and filters are small: bound bodies before they are parsed.
const MAX_BODY_BYTES = 16 * 1024;
const boundedBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new BadRequestError(`Request body too large (limit ${MAX_BODY_BYTES} bytes)`, 'BODY_TOO_LARGE');
  },
});
app.use('/accounts/*', boundedBody);
app.use('/trading/*', boundedBody);

app
  .openapi(accountRoutes.listAccounts, accountHandlers.listAccounts)
  .openapi(walletRoutes.listGatewayWallets, walletHandlers.listGatewayWallets)
  .openapi(walletRoutes.addGatewayWallet, walletHandlers.addGatewayWallet)
  .openapi(walletRoutes.setDefaultGatewayWallet, walletHandlers.setDefaultGatewayWallet)
  .openapi(walletRoutes.removeGatewayWallet, walletHandlers.removeGatewayWallet)
  .openapi(accountRoutes.listCredentials, accountHandlers.listCredentials)
  .openapi(accountRoutes.addAccount, accountHandlers.addAccount)
  .openapi(accountRoutes.deleteAccount, accountHandlers.deleteAccount)
  .openapi(accountRoutes.addCredential, accountHandlers.addCredential)
  .openapi(accountRoutes.deleteCredential, accountHandlers.deleteCredential)
  .openapi(connectorRoutes.listConnectors, connectorHandlers.listConnectors)
  .openapi(connectorRoutes.configMap, connectorHandlers.configMap)
  .openapi(connectorRoutes.tradingRules, connectorHandlers.tradingRules)
  .openapi(connectorRoutes.orderTypes, connectorHandlers.orderTypes)
  .openapi(orderRoutes.placeOrder, orderHandlers.placeOrder)
  .openapi(orderRoutes.cancelOrder, orderHandlers.cancelOrder)
  .openapi(orderRoutes.activeOrders, orderHandlers.activeOrders)
  .openapi(orderRoutes.searchOrders, orderHandlers.searchOrdersHandler)
  .openapi(orderRoutes.searchTrades, orderHandlers.searchTradesHandler)
  .openapi(positionRoutes.positions, positionHandlers.positions)
  .openapi(positionRoutes.getPositionMode, positionHandlers.getPositionMode)
  .openapi(positionRoutes.setPositionMode, positionHandlers.setPositionMode)
  .openapi(positionRoutes.setLeverage, positionHandlers.setLeverage)
  .openapi(positionRoutes.fundingPayments, positionHandlers.fundingPayments);

export { ExchangeSession } from '../../lib/exchanges/session';

export default app;
