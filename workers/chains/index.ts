import { createWorkerApp } from '../../lib/app';
import { mountHealth } from '../../lib/health';
import * as configHandlers from './config.handlers';
import * as configRoutes from './config.routes';
import * as ethereumHandlers from './ethereum.handlers';
import * as ethereumRoutes from './ethereum.routes';
import type { ChainsEnv } from './env';
import * as solanaHandlers from './solana.handlers';
import * as solanaRoutes from './solana.routes';
import * as tokenHandlers from './tokens.handlers';
import * as tokenRoutes from './tokens.routes';
import * as walletHandlers from './wallet.handlers';
import * as walletRoutes from './wallet.routes';

const app = createWorkerApp<ChainsEnv>({ name: 'chains', description: 'Gateway chains (Ethereum-family, Solana), wallets, tokens and config.' });
mountHealth(app, 'chains', '/chains', 'Chains');

app
  .openapi(configRoutes.getConfig, configHandlers.getConfig)
  .openapi(configRoutes.updateConfig, configHandlers.updateConfig)
  .openapi(configRoutes.listChains, configHandlers.listChains)
  .openapi(configRoutes.listConnectors, configHandlers.listConnectors)
  .openapi(configRoutes.listNamespaces, configHandlers.listNamespaces)
  .openapi(configRoutes.restart, configHandlers.restart)
  .openapi(tokenRoutes.listTokens, tokenHandlers.listTokens)
  .openapi(tokenRoutes.getToken, tokenHandlers.getToken)
  .openapi(tokenRoutes.addToken, tokenHandlers.addToken)
  .openapi(tokenRoutes.removeToken, tokenHandlers.removeToken)
  .openapi(tokenRoutes.saveTokenByAddress, tokenHandlers.saveTokenByAddress)
  .openapi(walletRoutes.listWallets, walletHandlers.listWallets)
  .openapi(walletRoutes.addWallet, walletHandlers.addWallet)
  .openapi(walletRoutes.createWallet, walletHandlers.createWallet)
  .openapi(walletRoutes.addHardwareWallet, walletHandlers.addHardwareWallet)
  .openapi(walletRoutes.removeWallet, walletHandlers.removeWallet)
  .openapi(walletRoutes.setDefaultWallet, walletHandlers.setDefaultWallet)
  .openapi(walletRoutes.showPrivateKey, walletHandlers.showPrivateKey)
  .openapi(walletRoutes.send, walletHandlers.send)
  .openapi(ethereumRoutes.status, ethereumHandlers.status)
  .openapi(ethereumRoutes.estimateGas, ethereumHandlers.estimateGas)
  .openapi(ethereumRoutes.balances, ethereumHandlers.balances)
  .openapi(ethereumRoutes.poll, ethereumHandlers.poll)
  .openapi(ethereumRoutes.allowances, ethereumHandlers.allowances)
  .openapi(ethereumRoutes.approve, ethereumHandlers.approve)
  .openapi(ethereumRoutes.wrap, ethereumHandlers.wrap)
  .openapi(ethereumRoutes.unwrap, ethereumHandlers.unwrap)
  .openapi(solanaRoutes.status, solanaHandlers.status)
  .openapi(solanaRoutes.estimateGas, solanaHandlers.estimateGas)
  .openapi(solanaRoutes.balances, solanaHandlers.balances)
  .openapi(solanaRoutes.poll, solanaHandlers.poll)
  .openapi(solanaRoutes.wrap, solanaHandlers.wrap)
  .openapi(solanaRoutes.unwrap, solanaHandlers.unwrap);

export { Signer } from '../../lib/signer/signer';
export { SettingsVersion } from '../../lib/config/settings-version';

export default app;
