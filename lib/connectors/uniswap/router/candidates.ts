import { getAddress, isAddressEqual, type Address } from 'viem';
import type { Pool } from '../../../../schemas/pools';
import type { RouteLeg } from '../../types';

/** A listed pool as routes see it: either direction of a leg. */
interface Edge {
  protocol: RouteLeg['protocol'];
  pool: Address;
  tokens: [Address, Address];
  fee: number;
}

/** The listed pools routes may use: V3 pools (`clmm`) always, V2 pairs (`amm`) where the router routes them. */
function edges(pools: Pool[], v2Pairs: boolean): Edge[] {
  return pools.flatMap((pool): Edge[] => {
    const tokens: [Address, Address] = [getAddress(pool.baseTokenAddress), getAddress(pool.quoteTokenAddress)];
    if (isAddressEqual(...tokens) || (pool.type === 'amm' && !v2Pairs)) return [];
    // A V3 fee tier is in hundredths of a basis point: 0.05% is 500.
    return [{ protocol: pool.type === 'amm' ? 'v2' : 'v3', pool: getAddress(pool.address), tokens, fee: pool.type === 'amm' ? 0 : Math.round(pool.feePct * 10_000) }];
  });
}

const otherToken = (edge: Edge, token: Address) => (isAddressEqual(edge.tokens[0], token) ? edge.tokens[1] : edge.tokens[0]);
const leg = (edge: Edge, tokenIn: Address): RouteLeg => ({ protocol: edge.protocol, pool: edge.pool, tokenIn, tokenOut: otherToken(edge, tokenIn), fee: edge.fee });

/**
 * Every direct and one-hop route from `tokenIn` to `tokenOut` over the listed pools. An exact-out route
 * keeps to one protocol: SwapRouter02 chains a V2 and a V3 swap only exact-in (the second one spends
 * what the first left in the router), as the Uniswap SDK's mixed routes do.
 */
export function candidateRoutes(pools: Pool[], tokenIn: Address, tokenOut: Address, options: { exactIn: boolean; v2Pairs: boolean }): RouteLeg[][] {
  const all = edges(pools, options.v2Pairs);
  const from = (token: Address) => all.filter((edge) => edge.tokens.some((held) => isAddressEqual(held, token)));
  return from(tokenIn).flatMap((first) => {
    const middle = otherToken(first, tokenIn);
    if (isAddressEqual(middle, tokenOut)) return [[leg(first, tokenIn)]];
    return from(middle)
      .filter((second) => isAddressEqual(otherToken(second, middle), tokenOut) && (options.exactIn || second.protocol === first.protocol))
      .map((second) => [leg(first, tokenIn), leg(second, middle)]);
  });
}
