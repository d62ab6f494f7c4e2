import { encodeAbiParameters, formatUnits, getContractAddress, isAddressEqual, keccak256, type Address, type ContractFunctionParameters } from 'viem';
import { throwTransportFailure } from '../../../chains/ethereum/client';
import { BadRequestError, NotFoundError } from '../../../errors';
import { poolTokensAbi } from '../../poolTokens';
import { uintValues, type UintRead } from '../../reads';
import type { ClmmContext, ClmmDeployment, PoolPair } from '../../types';
import { poolAbi } from './abi';
import { feeGrowthInside, type PriceState, type TickRange } from './liquidityMath';
import type { Orientation } from './prices';

/** A V3 pool read in one multicall. */
export interface PoolState extends PriceState {
  pool: Address;
  token0: Address;
  token1: Address;
  /** Hundredths of a basis point (3000 = 0.3%). */
  fee: number;
  tickSpacing: number;
  /** Read with a range: the fee growth inside it, per token (Q128). */
  feeGrowthInside?: [bigint, bigint];
  /** The extra reads' values, in order. */
  values: bigint[];
}

/** The address the deployment's pool for two tokens (in order) and a fee has: CREATE2 from its deployer, no RPC. */
export function poolAddress(dex: ClmmDeployment, token0: Address, token1: Address, fee: number): Address {
  const salt = keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'address' }, { type: 'uint24' }], [token0, token1, fee]));
  return getContractAddress({ opcode: 'CREATE2', from: dex.poolDeployer, salt, bytecodeHash: dex.poolInitCodeHash });
}

/**
 * A pool's tokens, fee, spacing and price, with a range also the fee growth inside it, plus `reads`
 * (balances, allowances, the block time...) in ONE `eth_call`. A 404 when the address is not a pool
 * of this deployment (checked against its CREATE2 address, so quotes and swaps use the same pool).
 */
export async function readPool(context: ClmmContext, pool: Address, options: { range?: TickRange; reads?: UintRead[] } = {}): Promise<PoolState> {
  const { range, reads = [] } = options;
  const call = (functionName: string, args?: readonly unknown[]) => ({ address: pool, abi: poolAbi, functionName, args }) as ContractFunctionParameters;
  const rangeCalls = range ? [call('feeGrowthGlobal0X128'), call('feeGrowthGlobal1X128'), call('ticks', [range.tickLower]), call('ticks', [range.tickUpper])] : [];
  const contracts: ContractFunctionParameters[] = [
    { address: pool, abi: poolTokensAbi, functionName: 'token0' },
    { address: pool, abi: poolTokensAbi, functionName: 'token1' },
    call('fee'),
    call('tickSpacing'),
    call('slot0'),
    ...rangeCalls,
    ...reads,
  ];
  const results = await context.client.multicall({ batchSize: 0, allowFailure: true, contracts });
  throwTransportFailure(results);
  const core = results.slice(0, 5 + rangeCalls.length);
  const notFound = () => new NotFoundError(`Pool ${pool} not found on ${context.dex.spender} (ethereum-${context.network.name}): not one of its V3 pools`, 'POOL_NOT_FOUND');
  if (core.some((result) => result.status !== 'success')) throw notFound();
  const [token0, token1, fee, tickSpacing, slot0, ...growth] = core.map((result) => result.result) as [Address, Address, number, number, readonly [bigint, number], ...unknown[]];
  if (!isAddressEqual(poolAddress(context.dex, token0, token1, fee), pool)) throw notFound();
  const [sqrtPriceX96, tick] = slot0;
  const state: PoolState = { pool, token0, token1, fee, tickSpacing, sqrtPriceX96, tick, values: uintValues(results.slice(core.length)) };
  if (range) {
    const [global0, global1, lower, upper] = growth as [bigint, bigint, readonly bigint[], readonly bigint[]];
    // ticks(): liquidityGross, liquidityNet, feeGrowthOutside0X128, feeGrowthOutside1X128
    state.feeGrowthInside = [feeGrowthInside(tick, range, global0, lower[2], upper[2]), feeGrowthInside(tick, range, global1, lower[3], upper[3])];
  }
  return state;
}

/** Which of the pool's tokens is the pair's base; a 400 when the pool holds other tokens. */
export function orient(state: PoolState, pair: PoolPair): Orientation {
  const { base, quote } = pair;
  const is = (token: Address, held: Address) => isAddressEqual(token, held);
  const [baseAddress, quoteAddress] = [base.address, quote.address];
  const baseIs0 = is(baseAddress, state.token0) && is(quoteAddress, state.token1);
  if (!baseIs0 && !(is(baseAddress, state.token1) && is(quoteAddress, state.token0))) {
    throw new BadRequestError(`Pool ${state.pool} holds ${state.token0}/${state.token1}, not ${base.symbol}/${quote.symbol}`, 'POOL_TOKEN_MISMATCH');
  }
  return { base, quote, baseIs0 };
}

/** A pair of values in token order as base then quote, or the reverse: the same swap both ways. */
export function inOrder<T>(baseIs0: boolean, first: T, second: T): [T, T] {
  return baseIs0 ? [first, second] : [second, first];
}

/** Base then quote amounts in human units. */
export function humanAmounts(pair: Orientation, [base, quote]: [bigint, bigint]): [number, number] {
  return [Number(formatUnits(base, pair.base.decimals)), Number(formatUnits(quote, pair.quote.decimals))];
}
