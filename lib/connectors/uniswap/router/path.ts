import { encodePacked, type Address, type Hex } from 'viem';
import type { RouteLeg } from '../../types';

/** A V2 segment's token path for the router: `[tokenIn, ..., tokenOut]`. */
export function v2Path(legs: RouteLeg[]): Address[] {
  return [legs[0].tokenIn, ...legs.map((leg) => leg.tokenOut)];
}

/**
 * A V3 segment's path as QuoterV2 and SwapRouter02 read it: `tokenIn, fee, token, fee, ..., tokenOut`
 * packed, written from the output backwards for exact-out swaps.
 */
export function v3Path(legs: RouteLeg[], exactIn: boolean): Hex {
  const hops: (Address | number)[] = [legs[0].tokenIn, ...legs.flatMap((leg) => [leg.fee, leg.tokenOut])];
  const ordered = exactIn ? hops : hops.reverse();
  return encodePacked(
    ordered.map((_, index) => (index % 2 === 0 ? 'address' : 'uint24')),
    ordered,
  );
}

/** Consecutive legs on one protocol: each is one router call. */
export function segments(legs: RouteLeg[]): RouteLeg[][] {
  return legs.reduce<RouteLeg[][]>((groups, leg) => {
    const last = groups.at(-1);
    if (last && last[0].protocol === leg.protocol) last.push(leg);
    else groups.push([leg]);
    return groups;
  }, []);
}
