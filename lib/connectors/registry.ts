import type { Chain } from '../config/chains';
import { NotFoundError } from '../errors';
import { jupiter } from './jupiter';
import { pancakeswap } from './pancakeswap';
import type { ConnectorSpec, EvmConnectorSpec, TradingType } from './spec';
import { uniswap } from './uniswap';

const CONNECTORS = { uniswap, pancakeswap, jupiter } satisfies Record<string, ConnectorSpec>;

export type ConnectorName = keyof typeof CONNECTORS;

/**
 * Every DEX connector by name, as plain data (see spec.ts): adding one is a folder under lib/connectors,
 * a line here, and a line binding its actions in actions.ts.
 */
export const CONNECTOR_REGISTRY: Readonly<Record<string, ConnectorSpec>> = CONNECTORS;

const TRADING_TYPES: TradingType[] = ['router', 'amm', 'clmm'];

/** The schemas a connector implements, in Gateway's order. */
export function tradingTypes(connector: ConnectorSpec): TradingType[] {
  return TRADING_TYPES.filter((type) => type in connector);
}

/** The networks any of its schemas serves. */
export function connectorNetworks(connector: ConnectorSpec): string[] {
  return [...new Set([connector.amm, connector.router, connector.clmm].flatMap((schema) => Object.keys(schema?.networks ?? {})))].sort();
}

/** What `/config/connectors` lists of each connector. */
export function connectorSummaries(): { name: string; chain: Chain; tradingTypes: TradingType[]; networks: string[] }[] {
  return Object.entries(CONNECTOR_REGISTRY).map(([name, connector]) => ({ name, chain: connector.chain, tradingTypes: tradingTypes(connector), networks: connectorNetworks(connector) }));
}

export function requireConnector(name: string): ConnectorSpec {
  const connector = CONNECTOR_REGISTRY[name];
  if (!connector) throw new NotFoundError(`Connector ${name} not found (known: ${Object.keys(CONNECTOR_REGISTRY).join(', ')})`, 'UNKNOWN_CONNECTOR');
  return connector;
}

/** A connector of the EVM schemas: a 404 for one of another chain, which has no `type` schema of that kind. */
export function requireEvmConnector(name: string, type: TradingType): EvmConnectorSpec {
  const connector = requireConnector(name);
  if (connector.chain !== 'ethereum') throw new NotFoundError(`Connector ${name} has no ${type} schema on ethereum`, 'UNKNOWN_CONNECTOR');
  return connector;
}
