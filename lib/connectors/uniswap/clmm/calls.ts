import { encodeFunctionData, type Address, type Hex } from 'viem';
import { withSlippageDown } from '../../quote';
import { positionManagerAbi } from './abi';
import { amountsForLiquidity, type PriceState } from './liquidityMath';
import type { PositionState } from './position';

// Position manager calldata shared by the actions that withdraw from a position.

const MAX_UINT128 = (1n << 128n) - 1n;

/** Withdraws `liquidity` into what the position is owed, with what the burn returns at the pool's price less slippage as minimums. */
export function decreaseLiquidityCall(position: PositionState, pool: PriceState, liquidity: bigint, slippagePct: number, deadline: bigint): Hex {
  const [amount0Min, amount1Min] = amountsForLiquidity(pool, position, liquidity, false).map((amount) => withSlippageDown(amount, slippagePct));
  return encodeFunctionData({ abi: positionManagerAbi, functionName: 'decreaseLiquidity', args: [{ tokenId: position.tokenId, liquidity, amount0Min, amount1Min, deadline }] });
}

/** Pays everything the position is owed (withdrawn liquidity and fees, uncollected ones included) to `recipient`. */
export function collectCall(tokenId: bigint, recipient: Address): Hex {
  return encodeFunctionData({ abi: positionManagerAbi, functionName: 'collect', args: [{ tokenId, recipient, amount0Max: MAX_UINT128, amount1Max: MAX_UINT128 }] });
}

export function burnCall(tokenId: bigint): Hex {
  return encodeFunctionData({ abi: positionManagerAbi, functionName: 'burn', args: [tokenId] });
}

/** Several calls as one transaction: they all happen or none does. */
export function multicall(calls: Hex[]): Hex {
  return encodeFunctionData({ abi: positionManagerAbi, functionName: 'multicall', args: [calls] });
}
