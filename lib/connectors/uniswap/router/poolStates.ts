import type { Address, ContractFunctionParameters } from 'viem';
import { throwTransportFailure } from '../../../chains/ethereum/client';
import { uintValues, type UintRead } from '../../reads';
import type { RouteLeg, RouterContext } from '../../types';
import { pairAbi } from '../amm/abi';
import { getAmountIn, getAmountOut } from '../amm/pair';
import { v3PoolAbi } from './abi';

const Q192 = 1n << 192n;

/** A spot price as a fraction: tokenOut per tokenIn, in base units. */
export interface Price {
  numerator: bigint;
  denominator: bigint;
}

/** The pools of the candidate routes as one block saw them, and the extra reads' values. */
export interface PoolStates {
  /** Per pool, token1 per token0: V2 reserves as `reserve1/reserve0`, V3 as `sqrtPriceX96² / 2^192`. */
  prices: Map<Address, Price>;
  values: bigint[];
}

/**
 * Phase one of a route quote: every V2 pair's reserves and every V3 pool's `slot0` plus `reads` (block
 * time, balance, allowance...) in ONE `eth_call`. A pool that does not answer is left out (its routes
 * are dropped); a failed extra read throws.
 */
export async function readPoolStates(context: RouterContext, routes: RouteLeg[][], reads: UintRead[]): Promise<PoolStates> {
  const pools = [...new Map(routes.flat().map((leg) => [leg.pool, leg])).values()];
  const contracts: ContractFunctionParameters[] = [
    ...pools.map((leg) => (leg.protocol === 'v2' ? { address: leg.pool, abi: pairAbi, functionName: 'getReserves' } : { address: leg.pool, abi: v3PoolAbi, functionName: 'slot0' })),
    ...reads,
  ];
  const results = await context.client.multicall({ batchSize: 0, allowFailure: true, contracts });
  throwTransportFailure(results);
  const prices = new Map<Address, Price>();
  pools.forEach((leg, index) => {
    const result = results[index];
    if (result.status !== 'success') return;
    const [first, second] = result.result as readonly bigint[];
    prices.set(leg.pool, leg.protocol === 'v2' ? { numerator: second, denominator: first } : { numerator: first * first, denominator: Q192 });
  });
  return { prices, values: uintValues(results.slice(pools.length)) };
}

/** Uniswap orders a pool's tokens by address. */
const isToken0 = (token: Address, other: Address) => token.toLowerCase() < other.toLowerCase();

/** A leg's spot price in its direction (for V2, the reserves out over in), or undefined when its pool did not answer. */
export function legPrice(states: PoolStates, leg: RouteLeg): Price | undefined {
  const price = states.prices.get(leg.pool);
  if (!price) return undefined;
  return isToken0(leg.tokenIn, leg.tokenOut) ? price : { numerator: price.denominator, denominator: price.numerator };
}

/** The route's spot price: its legs' prices multiplied. */
export function routePrice(states: PoolStates, legs: RouteLeg[]): Price {
  return legs.reduce<Price>(
    (product, leg) => {
      const price = legPrice(states, leg)!;
      return { numerator: product.numerator * price.numerator, denominator: product.denominator * price.denominator };
    },
    { numerator: 1n, denominator: 1n },
  );
}

/**
 * A V2 leg by the reserves (UniswapV2Library maths, as SwapRouter02 computes it): what `amount` in buys
 * (exact in) or what buying `amount` costs (exact out); undefined when the pair cannot fill it.
 */
export function v2LegAmount(states: PoolStates, leg: RouteLeg, amount: bigint, exactIn: boolean, feeBps: bigint): bigint | undefined {
  const reserves = legPrice(states, leg);
  if (!reserves || reserves.numerator === 0n || reserves.denominator === 0n) return undefined;
  const { numerator: reserveOut, denominator: reserveIn } = reserves;
  if (exactIn) return getAmountOut(amount, reserveIn, reserveOut, feeBps);
  return amount < reserveOut ? getAmountIn(amount, reserveIn, reserveOut, feeBps) : undefined;
}
