import { BadRequestError, NotFoundError } from '../errors';
import { pancakeswap } from './pancakeswap';
import type { AmmConnector, AmmDeployment, ClmmConnector, ClmmDeployment, ConnectorDefinition, RouterConnector, RouterDeployment, TradingType } from './types';
import { uniswap } from './uniswap';

/** Every DEX connector by name: adding one is a folder under lib/connectors and a line here. */
export const CONNECTOR_REGISTRY: Record<string, ConnectorDefinition> = { uniswap, pancakeswap };

const TRADING_TYPES: TradingType[] = ['router', 'amm', 'clmm'];

/** The schemas a connector implements, in Gateway's order. */
export function tradingTypes(connector: ConnectorDefinition): TradingType[] {
  return TRADING_TYPES.filter((type) => type in connector);
}

/** The networks any of its schemas serves. */
export function connectorNetworks(connector: ConnectorDefinition): string[] {
  return [...new Set([connector.amm, connector.router, connector.clmm].flatMap((schema) => Object.keys(schema?.networks ?? {})))].sort();
}

export function requireConnector(name: string): ConnectorDefinition {
  const connector = CONNECTOR_REGISTRY[name];
  if (!connector) throw new NotFoundError(`Connector ${name} not found (known: ${Object.keys(CONNECTOR_REGISTRY).join(', ')})`, 'UNKNOWN_CONNECTOR');
  return connector;
}

/** A connector's AMM actions and its deployment on `network`: a 404 for no such AMM, a 400 for a network it does not serve. */
export function requireAmm(name: string, network: string): { actions: AmmConnector; dex: AmmDeployment } {
  const amm = requireConnector(name).amm;
  if (!amm) throw new NotFoundError(`Connector ${name} has no amm schema`, 'UNKNOWN_CONNECTOR');
  const contracts = amm.networks[network];
  if (!contracts) {
    throw new BadRequestError(`${name}/amm is not available on ethereum-${network} (networks: ${Object.keys(amm.networks).sort().join(', ')})`, 'UNSUPPORTED_NETWORK');
  }
  return { actions: amm.actions, dex: { spender: `${name}/amm`, feeBps: amm.feeBps, ...contracts } };
}

/** A connector's router actions and its deployment on `network`: a 404 for no such router, a 400 for a network it does not serve. */
export function requireRouter(name: string, network: string): { actions: RouterConnector; dex: RouterDeployment } {
  const router = requireConnector(name).router;
  if (!router) throw new NotFoundError(`Connector ${name} has no router schema`, 'UNKNOWN_CONNECTOR');
  const contracts = router.networks[network];
  if (!contracts) {
    throw new BadRequestError(`${name}/router is not available on ethereum-${network} (networks: ${Object.keys(router.networks).sort().join(', ')})`, 'UNSUPPORTED_NETWORK');
  }
  const dex = { spender: `${name}/router`, router: contracts.swapRouter02, quoter: contracts.quoterV2 };
  return { actions: router.actions, dex: contracts.v2Pairs ? { ...dex, v2FeeBps: router.v2FeeBps } : dex };
}

/** A connector's CLMM actions and its deployment on `network`: a 404 for no such CLMM, a 400 for a network it does not serve. */
export function requireClmm(name: string, network: string): { actions: ClmmConnector; dex: ClmmDeployment } {
  const clmm = requireConnector(name).clmm;
  if (!clmm) throw new NotFoundError(`Connector ${name} has no clmm schema`, 'UNKNOWN_CONNECTOR');
  const contracts = clmm.networks[network];
  if (!contracts) {
    throw new BadRequestError(`${name}/clmm is not available on ethereum-${network} (networks: ${Object.keys(clmm.networks).sort().join(', ')})`, 'UNSUPPORTED_NETWORK');
  }
  return { actions: clmm.actions, dex: { spender: `${name}/clmm`, swapSpender: `${name}/clmm/swap`, poolInitCodeHash: clmm.poolInitCodeHash, ...contracts } };
}
