import { BadRequestError, NotFoundError } from '../errors';
import { requireConnector, type ConnectorName } from './registry';
import type { EvmConnectorSpec } from './spec';
import type { AmmConnector, AmmDeployment, ClmmConnector, ClmmDeployment, ConnectorActions, ConnectorSpec, RouterConnector, RouterDeployment, SolanaRouterConnector, TradingType } from './types';
import { uniswapV2Amm } from './uniswap/amm';
import { uniswapV3Clmm } from './uniswap/clmm';
import { swapRouter02 } from './uniswap/router';
import { jupiterRouter } from './jupiter/router';

/** Uniswap's V2, V3 and SwapRouter02 actions: PancakeSwap runs them on its own contracts. */
const uniswapActions: ConnectorActions = { amm: uniswapV2Amm, clmm: uniswapV3Clmm, router: swapRouter02 };

/** Each registered connector's actions (only the connectors worker bundles DEX code). */
const CONNECTOR_ACTIONS: Record<ConnectorName, ConnectorActions> = { uniswap: uniswapActions, pancakeswap: uniswapActions, jupiter: { solanaRouter: jupiterRouter } };

/** A connector's spec and actions for one EVM schema: a 404 when it has no such schema (or is no EVM connector). */
function requireSchema<T extends TradingType>(name: string, type: T): { spec: EvmConnectorSpec; actions: NonNullable<ConnectorActions[T]> } {
  const spec = requireConnector(name);
  const actions = CONNECTOR_ACTIONS[name as ConnectorName][type];
  if (spec.chain !== 'ethereum' || !spec[type] || !actions) throw new NotFoundError(`Connector ${name} has no ${type} schema`, 'UNKNOWN_CONNECTOR');
  return { spec, actions };
}

function unsupported(name: string, type: string, chain: string, network: string, networks: Record<string, unknown>): BadRequestError {
  return new BadRequestError(`${name}/${type} is not available on ${chain}-${network} (networks: ${Object.keys(networks).sort().join(', ')})`, 'UNSUPPORTED_NETWORK');
}

/** A connector's AMM actions and its deployment on `network`: a 404 for no such AMM, a 400 for a network it does not serve. */
export function requireAmm(name: string, network: string): { chain: ConnectorSpec['chain']; actions: AmmConnector; dex: AmmDeployment } {
  const { spec, actions } = requireSchema(name, 'amm');
  const amm = spec.amm!;
  const contracts = amm.networks[network];
  if (!contracts) throw unsupported(name, 'amm', spec.chain, network, amm.networks);
  return { chain: spec.chain, actions, dex: { spender: `${name}/amm`, feeBps: amm.feeBps, ...contracts } };
}

/** A connector's router actions and its deployment on `network`: a 404 for no such router, a 400 for a network it does not serve. */
export function requireRouter(name: string, network: string): { chain: ConnectorSpec['chain']; actions: RouterConnector; dex: RouterDeployment } {
  const { spec, actions } = requireSchema(name, 'router');
  const router = spec.router!;
  const contracts = router.networks[network];
  if (!contracts) throw unsupported(name, 'router', spec.chain, network, router.networks);
  const dex = { spender: `${name}/router`, router: contracts.swapRouter02, quoter: contracts.quoterV2 };
  return { chain: spec.chain, actions, dex: contracts.v2Pairs ? { ...dex, v2FeeBps: router.v2FeeBps } : dex };
}

/** A connector's CLMM actions and its deployment on `network`: a 404 for no such CLMM, a 400 for a network it does not serve. */
export function requireClmm(name: string, network: string): { chain: ConnectorSpec['chain']; actions: ClmmConnector; dex: ClmmDeployment } {
  const { spec, actions } = requireSchema(name, 'clmm');
  const clmm = spec.clmm!;
  const contracts = clmm.networks[network];
  if (!contracts) throw unsupported(name, 'clmm', spec.chain, network, clmm.networks);
  return { chain: spec.chain, actions, dex: { spender: `${name}/clmm`, swapSpender: `${name}/clmm/swap`, poolInitCodeHash: clmm.poolInitCodeHash, ...contracts } };
}

/** A Solana connector's router actions on `network`: a 404 for no such router, a 400 for a network it does not serve. */
export function requireSolanaRouter(name: string, network: string): { actions: SolanaRouterConnector; apiUrl: string } {
  const spec = requireConnector(name);
  const actions = CONNECTOR_ACTIONS[name as ConnectorName].solanaRouter;
  if (spec.chain !== 'solana' || !spec.router || !actions) throw new NotFoundError(`Connector ${name} has no router schema on solana`, 'UNKNOWN_CONNECTOR');
  if (!spec.router.networks[network]) throw unsupported(name, 'router', spec.chain, network, spec.router.networks);
  return { actions, apiUrl: spec.router.apiUrl };
}
