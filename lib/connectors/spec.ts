import type { Address, Hex } from 'viem';
import type { Chain } from '../config/chains';
import type { ConnectorConfig } from '../../schemas/config';
import type { ShippedPool } from '../../schemas/pools';

// What a connector IS, as plain data: its chain, its config defaults and, per schema, its contracts per
// network. Config, spender aliases and pool lists read only this, so the workers that need them (chains)
// never bundle a DEX's code; the actions live apart (lib/connectors/actions.ts).

export type TradingType = 'router' | 'amm' | 'clmm';

/** A V2 deployment's contracts on one network. */
export interface AmmContracts {
  factory: Address;
  router: Address;
}

/** A router deployment's contracts on one network. */
export interface RouterContracts {
  swapRouter02: Address;
  quoterV2: Address;
  /** Whether V2 pairs are routed: only where the router's `factoryV2` is the factory of the connector's listed V2 pairs. */
  v2Pairs: boolean;
}

/** A V3 deployment's contracts on one network. */
export interface ClmmContracts {
  /** Deploys the pools: the factory itself for Uniswap, a separate PoolDeployer for PancakeSwap. */
  poolDeployer: Address;
  /** NonfungiblePositionManager: positions are its NFTs. */
  positionManager: Address;
  quoterV2: Address;
  /** v3-periphery SwapRouter; where the DEX deployed none, the network quotes but does not swap. */
  swapRouter?: Address;
}

/** A connector of the EVM schemas (Uniswap and its forks). */
export interface EvmConnectorSpec {
  chain: Extract<Chain, 'ethereum'>;
  /** Its config namespace's defaults. */
  config: ConnectorConfig;
  amm?: {
    /** LP fee in basis points (Uniswap V2: 30 = 0.3%, PancakeSwap V2: 25). */
    feeBps: bigint;
    /** A network is served when it has contracts here. */
    networks: Record<string, AmmContracts>;
  };
  router?: {
    /** Fee of the V2 pairs it routes, in basis points. */
    v2FeeBps: bigint;
    networks: Record<string, RouterContracts>;
  };
  clmm?: {
    /** keccak256 of its pools' creation code (the same on every network). */
    poolInitCodeHash: Hex;
    networks: Record<string, ClmmContracts>;
  };
  /** Pools listed in /pools by default, per network. */
  pools: Record<string, ShippedPool[]>;
}

/**
 * A Solana connector. Its router is an aggregator's HTTP API (Jupiter): the networks it serves, with no
 * contracts to name. It has no EVM schemas.
 */
export interface SolanaConnectorSpec {
  chain: Extract<Chain, 'solana'>;
  config: ConnectorConfig;
  router?: {
    /** Its API's published base URL; EXCHANGE_BASE_URLS may point the connector at a stand-in instead. */
    apiUrl: string;
    networks: Record<string, object>;
  };
  amm?: never;
  clmm?: never;
  pools: Record<string, ShippedPool[]>;
}

export type ConnectorSpec = EvmConnectorSpec | SolanaConnectorSpec;
