import type { Address, PublicClient } from 'viem';
import type { EvmTransactionRequest } from '../chains/ethereum/actions/transactions';
import type { EvmNetwork } from '../chains/ethereum/client';
import type { EvmTransactionOutcome } from '../signer/types';
import type { TokenList } from '../tokens/registry';
import type { AddLiquidity, AmmPoolInfo, AmmPositionInfo, Amount, QuoteLiquidity, QuoteSwap, RemoveLiquidity, Side, SwapExecute } from '../../schemas/amm';
import type { ShippedPool } from '../../schemas/pools';
import type { Token } from '../../schemas/tokens';

// One interface per trading schema; routes are declared once per schema and dispatch to the
// connector named in the path. A connector differs by addresses and fees, not by code.

export type TradingType = 'router' | 'amm' | 'clmm';

/** Where an action runs: the network, a client that batches calls made in the same tick, the token list. */
export interface ChainContext {
  network: EvmNetwork;
  client: PublicClient;
  tokens: TokenList;
}

/** A wallet Colibri signs for: reads use its address, transactions go through its signer. */
export interface Wallet {
  address: Address;
  /** Simulates, signs, sends and waits; a transaction that would fail is refused with a 400. */
  send(request: EvmTransactionRequest, kind: string): Promise<EvmTransactionOutcome>;
}

/** A Uniswap V2-style deployment on one network. */
export interface AmmDeployment {
  /** `dex/amm`: the spender alias a wallet approves for this deployment's router. */
  spender: string;
  factory: Address;
  router: Address;
  /** LP fee in basis points (Uniswap V2: 30 = 0.3%, PancakeSwap V2: 25). */
  feeBps: bigint;
}

export interface AmmContext extends ChainContext {
  dex: AmmDeployment;
}

/** A pool and its two tokens, oriented as the client trades it (price = quote per base). */
export interface PoolPair {
  pool: Address;
  base: Token;
  quote: Token;
}

export interface SwapParameters extends PoolPair {
  /** Human units of base: spent (SELL) or received (BUY). */
  amount: Amount;
  side: Side;
  /** 0-100. */
  slippagePct: number;
}

export interface QuoteLiquidityParameters extends PoolPair {
  /** Human units; at least one of the two. */
  baseTokenAmount?: Amount;
  quoteTokenAmount?: Amount;
}

export interface AddLiquidityParameters extends PoolPair {
  baseTokenAmount: Amount;
  quoteTokenAmount: Amount;
  slippagePct: number;
  wallet: Wallet;
}

export interface RemoveLiquidityParameters extends PoolPair {
  /** Share of the wallet's LP tokens to burn, 0-100. */
  percentageToRemove: number;
  slippagePct: number;
  wallet: Wallet;
}

/** Gateway's `amm` schema: constant-product pools (Uniswap V2 and its forks). Amounts in and out are human units. */
export interface AmmConnector {
  poolInfo(context: AmmContext, pair: PoolPair): Promise<AmmPoolInfo>;
  positionInfo(context: AmmContext, pair: PoolPair, owner: Address): Promise<AmmPositionInfo>;
  quoteLiquidity(context: AmmContext, parameters: QuoteLiquidityParameters): Promise<QuoteLiquidity>;
  quoteSwap(context: AmmContext, parameters: SwapParameters): Promise<QuoteSwap>;
  executeSwap(context: AmmContext, parameters: SwapParameters & { wallet: Wallet }): Promise<SwapExecute>;
  addLiquidity(context: AmmContext, parameters: AddLiquidityParameters): Promise<AddLiquidity>;
  removeLiquidity(context: AmmContext, parameters: RemoveLiquidityParameters): Promise<RemoveLiquidity>;
}

/** A V2 deployment's contracts on one network. */
export interface AmmContracts {
  factory: Address;
  router: Address;
}

/** What a connector folder exports: its chain, its schemas with their addresses per network, its shipped pools. */
export interface ConnectorDefinition {
  chain: 'ethereum';
  /** Its config namespace's defaults. */
  config: { slippagePct: number };
  amm?: {
    actions: AmmConnector;
    feeBps: bigint;
    /** A network is served when it has contracts here. */
    networks: Record<string, AmmContracts>;
  };
  /** Pools listed in /pools by default, per network. */
  pools: Record<string, ShippedPool[]>;
}
