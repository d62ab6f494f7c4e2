import { encodeFunctionData, encodePacked, erc20Abi, parseAbi, type Address, type Hex } from 'viem';
import { localnetContracts, localnetUniswapV2Pairs, localnetUniswapV3Pools } from '../../lib/chains/ethereum/localnet';
import { anvil } from '../support/chain';
import { api } from '../support/http';
import { balanceOf, call, token } from './chain';

// The router's counterpart on the chain, read and moved straight through anvil (uncounted).

export const SWAP_ROUTER02 = localnetContracts.uniswapRouter.swapRouter02;
export const V2 = localnetUniswapV2Pairs;
export const V3 = localnetUniswapV3Pools;

/** anvil's account #9: it provided all the seeded liquidity and holds the LP tokens and positions. */
const PROVIDER: Address = '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720';
/** anvil's account #2: someone else trading. */
const TRADER: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

const quoterAbi = parseAbi([
  'function quoteExactInput(bytes path, uint256 amountIn) returns (uint256 amountOut, uint160[] sqrtPriceX96AfterList, uint32[] initializedTicksCrossedList, uint256 gasEstimate)',
  'function quoteExactOutput(bytes path, uint256 amountOut) returns (uint256 amountIn, uint160[] sqrtPriceX96AfterList, uint32[] initializedTicksCrossedList, uint256 gasEstimate)',
]);
const pairAbi = parseAbi(['function burn(address to) returns (uint256 amount0, uint256 amount1)']);
const positionManagerAbi = parseAbi([
  'function positions(uint256 tokenId) view returns (uint96 nonce, address operator, address token0, address token1, uint24 fee, int24 tickLower, int24 tickUpper, uint128 liquidity, uint256 feeGrowthInside0LastX128, uint256 feeGrowthInside1LastX128, uint128 tokensOwed0, uint128 tokensOwed1)',
  'struct DecreaseLiquidityParams { uint256 tokenId; uint128 liquidity; uint256 amount0Min; uint256 amount1Min; uint256 deadline; }',
  'function decreaseLiquidity(DecreaseLiquidityParams params) payable returns (uint256 amount0, uint256 amount1)',
]);
const swapRouterAbi = parseAbi([
  'struct ExactInputParams { bytes path; address recipient; uint256 amountIn; uint256 amountOutMinimum; }',
  'function exactInput(ExactInputParams params) payable returns (uint256 amountOut)',
]);

/** A V3 path `[token, fee, token, ...]` packed, as QuoterV2 reads it. */
const packed = (path: (Address | number)[]) => encodePacked(path.map((_, index) => (index % 2 ? 'uint24' : 'address')), path);

/** QuoterV2 `quoteExactInput` on `path` (in the swap's order): what `amountIn` buys. */
export async function quoteExactInput(path: (Address | number)[], amountIn: bigint): Promise<bigint> {
  return ((await call(localnetContracts.uniswapRouter.quoterV2, quoterAbi, 'quoteExactInput', [packed(path), amountIn])) as bigint[])[0];
}

/** QuoterV2 `quoteExactOutput` on `path` (in the swap's order): what buying `amountOut` costs. */
export async function quoteExactOutput(path: (Address | number)[], amountOut: bigint): Promise<bigint> {
  return ((await call(localnetContracts.uniswapRouter.quoterV2, quoterAbi, 'quoteExactOutput', [packed([...path].reverse()), amountOut])) as bigint[])[0];
}

/** A transaction from one of anvil's unlocked accounts, awaited; throws if it reverted. */
async function send(from: Address, to: Address, data: Hex, value = 0n): Promise<void> {
  const hash = await anvil<Hex>('eth_sendTransaction', [{ from, to, data, value: `0x${value.toString(16)}`, gas: '0x1000000' }]);
  let receipt: { status: string } | null = null;
  while (!receipt) receipt = await anvil<{ status: string } | null>('eth_getTransactionReceipt', [hash]);
  if (receipt.status !== '0x1') throw new Error(`transaction to ${to} from ${from} reverted`);
}

/**
 * Leaves a ten-thousandth of the seeded liquidity in both direct USDC-DAI pools (the V2 pair and the
 * V3 0.01% pool, position #3), so trading USDC for DAI is cheaper through WETH.
 */
export async function thinUsdcDaiPools(): Promise<void> {
  const pair = V2['USDC-DAI'].address;
  const lpTokens = await balanceOf(pair, PROVIDER);
  await send(PROVIDER, pair, encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [pair, lpTokens - lpTokens / 10_000n] }));
  await send(PROVIDER, pair, encodeFunctionData({ abi: pairAbi, functionName: 'burn', args: [PROVIDER] }));
  const manager = localnetContracts.uniswapV3.nonfungiblePositionManager;
  const position = (await call(manager, positionManagerAbi, 'positions', [3n])) as readonly unknown[];
  if (position[4] !== V3['USDC-DAI-100'].fee) throw new Error('position #3 is not the USDC-DAI 0.01% one');
  const liquidity = position[7] as bigint;
  const params = { tokenId: 3n, liquidity: liquidity - liquidity / 10_000n, amount0Min: 0n, amount1Min: 0n, deadline: 2n ** 40n };
  await send(PROVIDER, manager, encodeFunctionData({ abi: positionManagerAbi, functionName: 'decreaseLiquidity', args: [params] }));
}

/** Someone else sells `wethIn` WETH for USDC in the V3 0.05% pool (through SwapRouter02): its price moves. */
export async function sellWethInV3Pool(wethIn: bigint): Promise<void> {
  const weth = token('WETH').address;
  await send(TRADER, weth, '0xd0e30db0', wethIn); // deposit()
  await send(TRADER, weth, encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [SWAP_ROUTER02, wethIn] }));
  const params = { path: packed([weth, 500, token('USDC').address]), recipient: TRADER, amountIn: wethIn, amountOutMinimum: 0n };
  await send(TRADER, SWAP_ROUTER02, encodeFunctionData({ abi: swapRouterAbi, functionName: 'exactInput', args: [params] }));
}

/** Approves SwapRouter02 for a token through Colibri, by a router spender alias. */
export async function approveSwapRouter(symbol: string, amount?: string, spender = 'uniswap/router'): Promise<void> {
  const response = await api('/chains/ethereum/approve', { body: { network: 'localnet', spender, token: symbol, ...(amount ? { amount } : {}) } });
  if (response.status !== 200) throw new Error(`approve ${symbol}: ${await response.text()}`);
}
