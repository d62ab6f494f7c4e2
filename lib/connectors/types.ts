import type { Address, Hex, PublicClient } from 'viem';
import type { EvmTransactionRequest } from '../chains/ethereum/actions/transactions';
import type { EvmNetwork } from '../chains/ethereum/client';
import type { EvmTransactionOutcome } from '../signer/types';
import type { SwapQuote } from './quote';
import type { TokenList } from '../tokens/registry';
import type { AddLiquidity, AmmPoolInfo, AmmPositionInfo, Amount, QuoteLiquidity, QuoteSwap, RemoveLiquidity, Side, SwapExecute } from '../../schemas/amm';
import type { ClmmAddLiquidity, ClmmPoolInfo, ClmmPositionInfo, ClmmRemoveLiquidity, ClosePosition, CollectFees, OpenPosition, QuotePosition } from '../../schemas/clmm';
import type { Pool } from '../../schemas/pools';
import type { RouterQuoteSwap } from '../../schemas/router';
import type { EvmToken } from '../chains/types';
import type { ClmmContracts } from './spec';
import type { SolanaClient, SolanaNetwork } from '../chains/solana/client';
import type { SolanaTransactionOutcome } from '../signer/types';
import type { ChainToken } from '../chains/types';

export type { AmmContracts, ClmmContracts, ConnectorSpec, RouterContracts, TradingType } from './spec';

// One interface per trading schema; routes are declared once per schema and dispatch to the
// connector named in the path. A connector differs by addresses and fees, not by code.

/** Where an action runs: the network, a client that batches calls made in the same tick, the token list. */
export interface ChainContext {
  network: EvmNetwork;
  client: PublicClient;
  tokens: TokenList<'ethereum'>;
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
  base: EvmToken;
  quote: EvmToken;
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

/** A SwapRouter02-style deployment on one network: V2 pairs and V3 pools behind one router. */
export interface RouterDeployment {
  /** `dex/router`: the spender alias a wallet approves for the router. */
  spender: string;
  /** SwapRouter02 (or a fork): the spender, and where swaps are sent. */
  router: Address;
  /** QuoterV2: quotes the V3 legs. */
  quoter: Address;
  /** Fee of V2 legs in basis points; absent where the router does not route V2 pairs. */
  v2FeeBps?: bigint;
}

/** One pool a route goes through, in the direction of the swap. */
export interface RouteLeg {
  protocol: 'v2' | 'v3';
  pool: Address;
  tokenIn: Address;
  tokenOut: Address;
  /** V3 fee tier in hundredths of a basis point (500 = 0.05%); 0 for V2 legs. */
  fee: number;
}

/** A router quote: the swap quote, the pair as the client named it, and the route it goes through. */
export interface RouteQuote extends SwapQuote {
  base: EvmToken;
  quote: EvmToken;
  /** Empty when base and quote are the same token (price 1, nothing to swap). */
  legs: RouteLeg[];
  /** Gateway's form: `100% via USDC -> WETH -> DAI`. */
  routePath: string;
}

/** Where router quotes wait for execute-quote: stored with an expiry, each used once. */
export interface QuoteStore<Quote = RouteQuote, WalletAddress extends string = Address> {
  save(quote: Quote, walletAddress?: WalletAddress): Promise<{ id: string; expiresAt: Date }>;
  /**
   * Marks the quote used; a 400 `Quote not found or expired` (code QUOTE_NOT_FOUND, QUOTE_EXPIRED or
   * QUOTE_USED) otherwise. `retried`: it was already claimed, by a request with this Idempotency-Key.
   */
  claim(id: string, idempotencyKey?: string): Promise<{ quote: Quote; walletAddress?: WalletAddress; retried: boolean }>;
  /** Makes a claimed quote usable again, for a first claim refused before anything was signed. */
  release(id: string): Promise<void>;
  /** The wallet a quote was made for, without claiming it (undefined: none, or no such quote). */
  walletFor(id: string): Promise<WalletAddress | undefined>;
}

export interface RouterContext extends ChainContext {
  dex: RouterDeployment;
  /** The connector's listed pools on the network: V2 pairs (`amm`) and V3 pools (`clmm`) routes may go through. */
  pools: Pool[];
  quotes: QuoteStore;
}

export interface RouterSwapParameters {
  base: EvmToken;
  quote: EvmToken;
  /** Human units of base: spent (SELL) or received (BUY). */
  amount: Amount;
  side: Side;
  /** 0-100. */
  slippagePct: number;
}

export interface ExecuteQuoteParameters {
  quoteId: string;
  /** The wallet that signs, given the one the quote was made for (if any). */
  wallet: (quotedFor?: Address) => Wallet;
  idempotencyKey?: string;
}

/** Gateway's `router` schema: the best route across a DEX's pools, through its router. Amounts in and out are human units. */
export interface RouterConnector {
  /** Finds the best route and stores it for `executeQuote`. */
  quoteSwap(context: RouterContext, parameters: RouterSwapParameters & { walletAddress?: Address }): Promise<RouterQuoteSwap>;
  executeQuote(context: RouterContext, parameters: ExecuteQuoteParameters): Promise<SwapExecute>;
  /** Quotes and swaps in one request (the quote is not stored). */
  executeSwap(context: RouterContext, parameters: RouterSwapParameters & { wallet: Wallet }): Promise<SwapExecute>;
}

// Solana: the same router contract over a Solana chain context. An aggregator's router (Jupiter) quotes
// over its HTTP API and hands back a transaction its other parties have signed; the wallet signs it.

export type SolanaToken = ChainToken<'solana'>;

/** Where a Solana action runs: the network, a client for this request, the token list. */
export interface SolanaChainContext {
  network: SolanaNetwork;
  client: SolanaClient;
  tokens: TokenList<'solana'>;
}

/** A Solana wallet Colibri signs for: a transaction built elsewhere, paid by it, goes through its signer. */
export interface SolanaWallet {
  address: string;
  /** Signs the serialized (base64) transaction as it is, sends it and waits for it. */
  sendPrebuilt(transaction: string, kind: string): Promise<SolanaTransactionOutcome>;
}

export interface SolanaRouterContext extends SolanaChainContext {
  /** The aggregator API's base URL (its published host, or a stand-in's). */
  apiUrl: string;
  /** Stored quotes as JSON: the connector checks its own shape when reading one back. */
  quotes: QuoteStore<Record<string, unknown>, string>;
}

export interface SolanaSwapParameters {
  base: SolanaToken;
  quote: SolanaToken;
  /** Human units of base: spent (SELL) or received (BUY). */
  amount: Amount;
  side: Side;
  /** 0-100. */
  slippagePct: number;
}

/** Gateway's `router` schema on Solana; the same answers as RouterConnector. */
export interface SolanaRouterConnector {
  quoteSwap(context: SolanaRouterContext, parameters: SolanaSwapParameters & { walletAddress?: string }): Promise<RouterQuoteSwap>;
  executeQuote(context: SolanaRouterContext, parameters: { quoteId: string; wallet: (quotedFor?: string) => SolanaWallet; idempotencyKey?: string }): Promise<SwapExecute>;
  executeSwap(context: SolanaRouterContext, parameters: SolanaSwapParameters & { wallet: SolanaWallet }): Promise<SwapExecute>;
}

/** A Uniswap V3-style deployment on one network, with its spender aliases. */
export interface ClmmDeployment extends ClmmContracts {
  /** `dex/clmm`: the alias a wallet approves for the position manager (open, add liquidity). */
  spender: string;
  /** `dex/clmm/swap`: the alias a wallet approves for the SwapRouter. */
  swapSpender: string;
  /** keccak256 of the pool creation code: with `poolDeployer`, a pool's address (CREATE2) needs no RPC. */
  poolInitCodeHash: Hex;
}

export interface ClmmContext extends ChainContext {
  dex: ClmmDeployment;
  /** The connector's listed `clmm` pools on the network: a position reads base/quote as its pool is listed. */
  pools: Pool[];
}

/** A position as requests name it: its NFT's token id (Gateway's `positionAddress`), and the wallet that must own it. */
export interface PositionParameters {
  positionAddress: string;
  wallet: Wallet;
}

export interface PositionRangeParameters extends PoolPair {
  /** Quote per base, human units; rounded to the pool's tick spacing. */
  lowerPrice: number;
  upperPrice: number;
  /** Human units; at least one of the two. */
  baseTokenAmount?: Amount;
  quoteTokenAmount?: Amount;
}

export interface OpenPositionParameters extends PositionRangeParameters {
  slippagePct: number;
  wallet: Wallet;
}

export interface AddPositionLiquidityParameters extends PositionParameters {
  /** Human units; at least one of the two. */
  baseTokenAmount?: Amount;
  quoteTokenAmount?: Amount;
  slippagePct: number;
}

export interface RemovePositionLiquidityParameters extends PositionParameters {
  /** Share of the position's liquidity to withdraw, 0-100. */
  percentageToRemove: number;
  slippagePct: number;
}

/** Gateway's `clmm` schema: concentrated-liquidity pools and positions (Uniswap V3 and its forks). Amounts in and out are human units. */
export interface ClmmConnector {
  poolInfo(context: ClmmContext, pair: PoolPair): Promise<ClmmPoolInfo>;
  positionInfo(context: ClmmContext, positionAddress: string): Promise<ClmmPositionInfo>;
  positionsOwned(context: ClmmContext, owner: Address): Promise<ClmmPositionInfo[]>;
  quotePosition(context: ClmmContext, parameters: PositionRangeParameters): Promise<QuotePosition>;
  quoteSwap(context: ClmmContext, parameters: SwapParameters): Promise<QuoteSwap>;
  executeSwap(context: ClmmContext, parameters: SwapParameters & { wallet: Wallet }): Promise<SwapExecute>;
  openPosition(context: ClmmContext, parameters: OpenPositionParameters): Promise<OpenPosition>;
  addLiquidity(context: ClmmContext, parameters: AddPositionLiquidityParameters): Promise<ClmmAddLiquidity>;
  removeLiquidity(context: ClmmContext, parameters: RemovePositionLiquidityParameters): Promise<ClmmRemoveLiquidity>;
  collectFees(context: ClmmContext, parameters: PositionParameters): Promise<CollectFees>;
  closePosition(context: ClmmContext, parameters: PositionParameters & { slippagePct: number }): Promise<ClosePosition>;
}

/** A connector's actions per schema (connectors/<dex>/), bound to its spec by the registry of actions. */
export interface ConnectorActions {
  amm?: AmmConnector;
  router?: RouterConnector;
  clmm?: ClmmConnector;
  /** The router of a Solana connector (its spec's `router`). */
  solanaRouter?: SolanaRouterConnector;
}
