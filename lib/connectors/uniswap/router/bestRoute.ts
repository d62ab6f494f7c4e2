import type { Address, ContractFunctionParameters } from 'viem';
import { parseAmount } from '../../../amount';
import { throwTransportFailure } from '../../../chains/ethereum/client';
import { BadRequestError, NotFoundError } from '../../../errors';
import { priceImpactPct, swapDirection, swapLimits } from '../../quote';
import type { UintRead } from '../../reads';
import type { RouteLeg, RouteQuote, RouterContext, RouterSwapParameters } from '../../types';
import { quoterV2Abi } from './abi';
import { candidateRoutes } from './candidates';
import { v3Path } from './path';
import { legPrice, readPoolStates, routePrice, v2LegAmount, type PoolStates } from './poolStates';

/**
 * A route being priced from its fixed end (amount in for SELL, amount out for BUY) towards the other:
 * `amount` has gone through the legs before `v3`; `v3` (at most one run of V3 legs) waits for the
 * quoter; the legs in `rest` follow it.
 */
interface Pricing {
  legs: RouteLeg[];
  amount: bigint;
  v3: RouteLeg[];
  rest: RouteLeg[];
}

/**
 * The best of the direct and one-hop routes over the connector's listed pools, equal to what
 * SwapRouter02 then does: SELL the most out for `amount` in, BUY the least in for `amount` out.
 * At most TWO RPC requests: the pools' state with `reads` (their values are returned), then every V3
 * quote (QuoterV2 on encoded paths) in one multicall; V2 legs are reserves maths.
 */
export async function bestRoute(context: RouterContext, parameters: RouterSwapParameters, reads: UintRead[] = []): Promise<{ quote: RouteQuote; values: bigint[] }> {
  const { side, base, quote, slippagePct } = parameters;
  const { tokenIn, tokenOut, exactIn } = swapDirection(side, base, quote);
  const amount = parseAmount(parameters.amount, base.decimals);
  // BUY: the limits are on the amount asked for, which `minAmountOut` carries (the router's exact-out argument).
  const routeOf = (legs: RouteLeg[], amountIn: bigint, amountOut: bigint, impact: number): RouteQuote => ({
    side,
    base,
    quote,
    tokenIn,
    tokenOut,
    amountIn,
    amountOut,
    slippagePct,
    ...swapLimits(side, amountIn, exactIn ? amountOut : amount, slippagePct),
    priceImpactPct: impact,
    legs,
    routePath: routePath(context, [tokenIn.address, ...legs.map((leg) => leg.tokenOut)]),
  });
  // Gateway answers a token against itself (ETH/WETH, USDC/USDC) at price 1, with nothing to route.
  if (tokenIn.address.toLowerCase() === tokenOut.address.toLowerCase()) return { quote: routeOf([], amount, amount, 0), values: [] };

  const pair = `${base.symbol}-${quote.symbol} on ${context.dex.spender} (ethereum-${context.network.name})`;
  const routes = candidateRoutes(context.pools, tokenIn.address, tokenOut.address, { exactIn, v2Pairs: context.dex.v2FeeBps !== undefined });
  if (routes.length === 0) throw new NotFoundError(`No route found for ${pair}: no listed pool connects them directly or through one token`, 'ROUTE_NOT_FOUND');

  const states = await readPoolStates(context, routes, reads);
  const pricings = routes.filter((legs) => legs.every((leg) => legPrice(states, leg))).flatMap((legs) => startPricing(context, states, legs, amount, exactIn));
  const quoted = await quoteV3Legs(context, pricings, exactIn);
  const priced = pricings.flatMap((pricing, index) => {
    const total = finishPricing(context, states, pricing, quoted[index], exactIn);
    return total === undefined ? [] : [{ legs: pricing.legs, total }];
  });
  if (priced.length === 0) throw new BadRequestError(`Insufficient liquidity: no route for ${pair} can fill ${parameters.amount} ${base.symbol}`, 'INSUFFICIENT_LIQUIDITY');
  // SELL: the most out; BUY: the least in. A tie goes to the fewer legs, which cost less gas.
  const better = (next: (typeof priced)[number], chosen: (typeof priced)[number]) =>
    next.total === chosen.total ? next.legs.length < chosen.legs.length : exactIn ? next.total > chosen.total : next.total < chosen.total;
  const best = priced.reduce((chosen, next) => (better(next, chosen) ? next : chosen));
  const [amountIn, amountOut] = exactIn ? [amount, best.total] : [best.total, deliveredOut(context, states, best.legs, best.total, amount)];
  if (amountOut === 0n) throw new BadRequestError(`amount: ${parameters.amount} ${base.symbol} buys nothing (rounds to 0 ${tokenOut.symbol})`, 'INVALID_AMOUNT');
  const quoteOfBest = routeOf(best.legs, amountIn, amountOut, priceImpactPct(amountIn, amountOut, routePrice(states, best.legs)));
  return { quote: quoteOfBest, values: states.values };
}

/** Legs in the order they are priced: the swap's order for exact in, backwards from the output for exact out. */
const pricingOrder = (legs: RouteLeg[], exactIn: boolean) => (exactIn ? legs : [...legs].reverse());

/** Prices the V2 legs before the first V3 leg; a route those legs cannot fill is dropped. */
function startPricing(context: RouterContext, states: PoolStates, legs: RouteLeg[], amount: bigint, exactIn: boolean): Pricing[] {
  const ordered = pricingOrder(legs, exactIn);
  const firstV3 = ordered.findIndex((leg) => leg.protocol === 'v3');
  const head = firstV3 < 0 ? ordered : ordered.slice(0, firstV3);
  const tail = firstV3 < 0 ? [] : ordered.slice(firstV3);
  const afterV3 = tail.findIndex((leg) => leg.protocol === 'v2');
  const reached = throughV2(context, states, head, amount, exactIn);
  if (reached === undefined) return [];
  return [{ legs, amount: reached, v3: afterV3 < 0 ? tail : tail.slice(0, afterV3), rest: afterV3 < 0 ? [] : tail.slice(afterV3) }];
}

function throughV2(context: RouterContext, states: PoolStates, legs: RouteLeg[], amount: bigint, exactIn: boolean): bigint | undefined {
  return legs.reduce<bigint | undefined>((reached, leg) => (reached === undefined ? undefined : v2LegAmount(states, leg, reached, exactIn, context.dex.v2FeeBps!)), amount);
}

/** Every route's V3 run through QuoterV2 in ONE multicall (no request when no route has one); undefined where it cannot fill. */
async function quoteV3Legs(context: RouterContext, pricings: Pricing[], exactIn: boolean): Promise<(bigint | undefined)[]> {
  const calls = pricings.flatMap(({ v3, amount }): ContractFunctionParameters[] => {
    if (v3.length === 0) return [];
    // Back in the swap's order: the path encoding reverses it again for exact out.
    const path = v3Path(pricingOrder(v3, exactIn), exactIn);
    return [{ address: context.dex.quoter, abi: quoterV2Abi, functionName: exactIn ? 'quoteExactInput' : 'quoteExactOutput', args: [path, amount] }];
  });
  if (calls.length === 0) return pricings.map(() => undefined);
  const results = await context.client.multicall({ batchSize: 0, allowFailure: true, contracts: calls });
  throwTransportFailure(results);
  let next = 0;
  return pricings.map(({ v3 }) => {
    if (v3.length === 0) return undefined;
    const result = results[next++];
    return result.status === 'success' ? (result.result as readonly bigint[])[0] : undefined;
  });
}

/** The route's other end: the V3 run's quote (when it has one), then the V2 legs after it. */
function finishPricing(context: RouterContext, states: PoolStates, pricing: Pricing, v3Quote: bigint | undefined, exactIn: boolean): bigint | undefined {
  if (pricing.v3.length > 0 && v3Quote === undefined) return undefined;
  return throughV2(context, states, pricing.rest, v3Quote ?? pricing.amount, exactIn);
}

/**
 * What an exact-out route delivers for the amount in it costs. SwapRouter02 prices V2 legs from the
 * balances it moves, so a V2 route delivers what that amount buys: the amount asked for or a few wei
 * more. A V3 route delivers exactly the amount asked for.
 */
function deliveredOut(context: RouterContext, states: PoolStates, legs: RouteLeg[], amountIn: bigint, asked: bigint): bigint {
  return legs[0].protocol === 'v2' ? throughV2(context, states, legs, amountIn, true)! : asked;
}

/** Gateway's route description: `100% via USDC -> WETH -> DAI` (symbols from the token list, else addresses). */
function routePath(context: RouterContext, tokens: Address[]): string {
  return `100% via ${tokens.map((address) => context.tokens.find(address)?.symbol ?? address).join(' -> ')}`;
}
