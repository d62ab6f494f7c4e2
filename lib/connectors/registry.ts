import { BadRequestError, NotFoundError } from '../errors';
import { pancakeswap } from './pancakeswap';
import type { AmmConnector, AmmDeployment, ConnectorDefinition, TradingType } from './types';
import { uniswap } from './uniswap';

/** Every DEX connector by name: adding one is a folder under lib/connectors and a line here. */
export const CONNECTOR_REGISTRY: Record<string, ConnectorDefinition> = { uniswap, pancakeswap };

const TRADING_TYPES: TradingType[] = ['router', 'amm', 'clmm'];

/** The schemas a connector implements, in Gateway's order. */
export function tradingTypes(connector: ConnectorDefinition): TradingType[] {
  return TRADING_TYPES.filter((type) => type in connector);
}

/** The networks its schemas serve (only `amm` so far). */
export function connectorNetworks(connector: ConnectorDefinition): string[] {
  return Object.keys(connector.amm?.networks ?? {}).sort();
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
