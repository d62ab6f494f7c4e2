import { parseAbi, type Address } from 'viem';
import { localnetContracts, localnetUniswapV3Pools } from '../../lib/chains/ethereum/localnet';
import { api } from '../support/http';
import { call } from './chain';

// The V3 contracts' own answers, read straight from anvil (uncounted), to check Colibri's clmm answers against.

export const V3_POOLS = localnetUniswapV3Pools;
const POSITION_MANAGER = localnetContracts.uniswapV3.nonfungiblePositionManager;

const quoterAbi = parseAbi([
  'struct QuoteExactInputSingleParams { address tokenIn; address tokenOut; uint256 amountIn; uint24 fee; uint160 sqrtPriceLimitX96; }',
  'function quoteExactInputSingle(QuoteExactInputSingleParams params) returns (uint256 amountOut, uint160 sqrtPriceX96After, uint32 initializedTicksCrossed, uint256 gasEstimate)',
  'struct QuoteExactOutputSingleParams { address tokenIn; address tokenOut; uint256 amount; uint24 fee; uint160 sqrtPriceLimitX96; }',
  'function quoteExactOutputSingle(QuoteExactOutputSingleParams params) returns (uint256 amountIn, uint160 sqrtPriceX96After, uint32 initializedTicksCrossed, uint256 gasEstimate)',
]);
const poolAbi = parseAbi(['function slot0() view returns (uint160 sqrtPriceX96, int24 tick, uint16, uint16, uint16, uint8, bool)']);
const positionManagerAbi = parseAbi([
  'function positions(uint256 tokenId) view returns (uint96 nonce, address operator, address token0, address token1, uint24 fee, int24 tickLower, int24 tickUpper, uint128 liquidity, uint256 feeGrowthInside0LastX128, uint256 feeGrowthInside1LastX128, uint128 tokensOwed0, uint128 tokensOwed1)',
  'function ownerOf(uint256 tokenId) view returns (address)',
]);

/** QuoterV2 `quoteExactInputSingle`: what `amountIn` buys in the pool of that fee. */
export async function quoteExactIn(tokenIn: Address, tokenOut: Address, fee: number, amountIn: bigint): Promise<bigint> {
  const params = { tokenIn, tokenOut, amountIn, fee, sqrtPriceLimitX96: 0n };
  return ((await call(localnetContracts.uniswapV3.quoterV2, quoterAbi, 'quoteExactInputSingle', [params])) as bigint[])[0];
}

/** QuoterV2 `quoteExactOutputSingle`: what buying `amountOut` costs in the pool of that fee. */
export async function quoteExactOut(tokenIn: Address, tokenOut: Address, fee: number, amountOut: bigint): Promise<bigint> {
  const params = { tokenIn, tokenOut, amount: amountOut, fee, sqrtPriceLimitX96: 0n };
  return ((await call(localnetContracts.uniswapV3.quoterV2, quoterAbi, 'quoteExactOutputSingle', [params])) as bigint[])[0];
}

export async function slot0(pool: Address): Promise<{ sqrtPriceX96: bigint; tick: number }> {
  const [sqrtPriceX96, tick] = (await call(pool, poolAbi, 'slot0')) as [bigint, number];
  return { sqrtPriceX96, tick };
}

/** The position manager's record of a position NFT. */
export async function position(tokenId: string | bigint): Promise<{ tickLower: number; tickUpper: number; liquidity: bigint; owner: Address }> {
  const record = (await call(POSITION_MANAGER, positionManagerAbi, 'positions', [BigInt(tokenId)])) as readonly unknown[];
  const owner = (await call(POSITION_MANAGER, positionManagerAbi, 'ownerOf', [BigInt(tokenId)])) as Address;
  return { tickLower: record[5] as number, tickUpper: record[6] as number, liquidity: record[7] as bigint, owner };
}

/** Approves a clmm spender (`uniswap/clmm`: the position manager, `uniswap/clmm/swap`: the SwapRouter) through Colibri. */
export async function approveClmm(symbol: string, spender: 'uniswap/clmm' | 'uniswap/clmm/swap', amount?: string): Promise<void> {
  const response = await api('/chains/ethereum/approve', { body: { network: 'localnet', spender, token: symbol, ...(amount ? { amount } : {}) } });
  if (response.status !== 200) throw new Error(`approve ${symbol} to ${spender}: ${await response.text()}`);
}
