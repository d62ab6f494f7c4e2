import { isAddressEqual, type Address, type ContractFunctionParameters } from 'viem';
import { throwTransportFailure } from '../../../chains/ethereum/client';
import { BadRequestError, ForbiddenError, NotFoundError, quoteInput } from '../../../errors';
import type { ClmmPositionInfo } from '../../../../schemas/clmm';
import { uintValues, type UintRead } from '../../reads';
import type { ClmmContext, PoolPair } from '../../types';
import { positionManagerAbi } from './abi';
import { amountsForLiquidity, feesOwed, type TickRange } from './liquidityMath';
import { humanAmounts, inOrder, poolAddress, type PoolState } from './pool';
import { humanPrice, tickPrice, type Orientation } from './prices';

/** A position NFT as the position manager records it. */
export interface PositionState extends TickRange {
  tokenId: bigint;
  owner: Address;
  pool: Address;
  token0: Address;
  token1: Address;
  liquidity: bigint;
  feeGrowthInsideLast: [bigint, bigint];
  tokensOwed: [bigint, bigint];
  /** The extra reads' values, in order. */
  values: bigint[];
}

/** A position's pool and tokens, oriented as its pool is listed in /pools (token0 as base when unlisted). */
export type PositionPair = PoolPair & Orientation;

/** The token id a request names (`positionAddress`); a 400 when it is not one. */
export function parseTokenId(positionAddress: string): bigint {
  if (!/^\d{1,78}$/.test(positionAddress.trim())) throw new BadRequestError(`positionAddress: ${quoteInput(positionAddress)} is not a position NFT token id (a whole number)`, 'INVALID_POSITION');
  return BigInt(positionAddress.trim());
}

/** The position and its owner plus `reads` in ONE `eth_call`; a 404 for a token id the position manager never minted or burned. */
export async function readPosition(context: ClmmContext, positionAddress: string, reads: UintRead[] = []): Promise<PositionState> {
  const tokenId = parseTokenId(positionAddress);
  const manager = context.dex.positionManager;
  const contracts: ContractFunctionParameters[] = [
    { address: manager, abi: positionManagerAbi, functionName: 'positions', args: [tokenId] },
    { address: manager, abi: positionManagerAbi, functionName: 'ownerOf', args: [tokenId] },
    ...reads,
  ];
  const results = await context.client.multicall({ batchSize: 0, allowFailure: true, contracts });
  throwTransportFailure(results);
  const [position, owner, ...extra] = results;
  if (position.status !== 'success' || owner.status !== 'success') {
    throw new NotFoundError(`Position ${tokenId} not found on ${context.dex.spender} (ethereum-${context.network.name})`, 'POSITION_NOT_FOUND');
  }
  const [, , token0, token1, fee, tickLower, tickUpper, liquidity, growth0, growth1, owed0, owed1] = position.result as readonly [
    bigint, Address, Address, Address, number, number, number, bigint, bigint, bigint, bigint, bigint,
  ];
  return {
    tokenId,
    owner: owner.result as Address,
    pool: poolAddress(context.dex, token0, token1, fee),
    token0,
    token1,
    tickLower,
    tickUpper,
    liquidity,
    feeGrowthInsideLast: [growth0, growth1],
    tokensOwed: [owed0, owed1],
    values: uintValues(extra),
  };
}

/** Refuses (403) to act on a position the wallet does not own. */
export function requireOwner(position: PositionState, wallet: Address): void {
  if (!isAddressEqual(position.owner, wallet)) {
    throw new ForbiddenError(`Position ${position.tokenId} is not owned by ${wallet} (owner: ${position.owner})`, 'POSITION_NOT_OWNED');
  }
}

/** Whether the token list knows both of the position's tokens (its amounts need their decimals). */
export function hasKnownTokens(context: ClmmContext, position: PositionState): boolean {
  return Boolean(context.tokens.find(position.token0) && context.tokens.find(position.token1));
}

/** A position's pool and tokens as the client reads them (unknown tokens are a 404). */
export function positionPair(context: ClmmContext, position: PositionState): PositionPair {
  const [token0, token1] = [position.token0, position.token1].map((address) => context.tokens.require(address));
  const listed = context.pools.find((pool) => isAddressEqual(pool.address as Address, position.pool));
  const baseIs0 = !listed || isAddressEqual(listed.baseTokenAddress as Address, position.token0);
  const [base, quote] = inOrder(baseIs0, token0, token1);
  return { pool: position.pool, base, quote, baseIs0 };
}

/** What a position holds at the pool's price and the fees collect would pay now, with its range's prices (`pool` read with the position's range). */
export function describePosition(position: PositionState, pool: PoolState, pair: PositionPair): ClmmPositionInfo {
  const { base, quote, baseIs0 } = pair;
  const held = amountsForLiquidity(pool, position, position.liquidity, false);
  const growth = pool.feeGrowthInside!;
  const fees = [0, 1].map((i) => feesOwed(position.tokensOwed[i], position.liquidity, growth[i], position.feeGrowthInsideLast[i]));
  const [baseTokenAmount, quoteTokenAmount] = humanAmounts(pair, inOrder(baseIs0, ...held));
  const [baseFeeAmount, quoteFeeAmount] = humanAmounts(pair, inOrder(baseIs0, fees[0], fees[1]));
  // A base that is token1 prices inversely: the upper tick is the lower price.
  const [lowerPrice, upperPrice] = [tickPrice(position.tickLower, pair), tickPrice(position.tickUpper, pair)].sort((a, b) => a - b);
  return {
    address: position.tokenId.toString(),
    poolAddress: position.pool,
    baseTokenAddress: base.address,
    quoteTokenAddress: quote.address,
    baseTokenAmount,
    quoteTokenAmount,
    baseFeeAmount,
    quoteFeeAmount,
    lowerBinId: position.tickLower,
    upperBinId: position.tickUpper,
    lowerPrice,
    upperPrice,
    price: humanPrice(pool.sqrtPriceX96, pair),
  };
}
