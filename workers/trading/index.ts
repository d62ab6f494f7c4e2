import { bodyLimit } from 'hono/body-limit';
import { createWorkerApp } from '../../lib/app';
import { BadRequestError } from '../../lib/errors';
import { mountHealth } from '../../lib/health';
import * as accountHandlers from './accounts.handlers';
import * as accountRoutes from './accounts.routes';
import * as connectorHandlers from './connectors.handlers';
import * as connectorRoutes from './connectors.routes';
import type { TradingEnv } from './env';
import * as walletHandlers from './gateway-wallets.handlers';
import * as walletRoutes from './gateway-wallets.routes';

const app = createWorkerApp<TradingEnv>({ name: 'trading', description: 'Accounts, exchange credentials, the exchange connector catalogue and centralized-exchange trading.' });
mountHealth(app, 'trading', '/trading', 'Trading');

// Credentials and wallet keys are small: bound bodies before they are parsed.
const MAX_BODY_BYTES = 16 * 1024;
app.use(
  '/accounts/*',
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new BadRequestError(`Request body too large (limit ${MAX_BODY_BYTES} bytes)`, 'BODY_TOO_LARGE');
    },
  }),
);

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
  .openapi(connectorRoutes.orderTypes, connectorHandlers.orderTypes);

export { ExchangeSession } from '../../lib/exchanges/session';

export default app;
