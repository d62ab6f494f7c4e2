import { parseAbi } from 'viem';

/**
 * The SwapRouter02 calls Colibri sends (PancakeSwap's Smart Router has the same signatures): every swap
 * is one `multicall(deadline, calls)`; V3 structs carry no deadline of their own.
 */
export const swapRouter02Abi = parseAbi([
  'function multicall(uint256 deadline, bytes[] data) payable returns (bytes[] results)',
  'function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to) payable returns (uint256 amountOut)',
  'function swapTokensForExactTokens(uint256 amountOut, uint256 amountInMax, address[] path, address to) payable returns (uint256 amountIn)',
  'struct ExactInputParams { bytes path; address recipient; uint256 amountIn; uint256 amountOutMinimum; }',
  'function exactInput(ExactInputParams params) payable returns (uint256 amountOut)',
  'struct ExactOutputParams { bytes path; address recipient; uint256 amountOut; uint256 amountInMaximum; }',
  'function exactOutput(ExactOutputParams params) payable returns (uint256 amountIn)',
]);

/** QuoterV2 over encoded paths: it runs the swaps and reverts, so it is called with `eth_call` only. */
export const quoterV2Abi = parseAbi([
  'function quoteExactInput(bytes path, uint256 amountIn) returns (uint256 amountOut, uint160[] sqrtPriceX96AfterList, uint32[] initializedTicksCrossedList, uint256 gasEstimate)',
  'function quoteExactOutput(bytes path, uint256 amountOut) returns (uint256 amountIn, uint160[] sqrtPriceX96AfterList, uint32[] initializedTicksCrossedList, uint256 gasEstimate)',
]);

/** A V3 pool's current price, for the route's price impact (only the leading outputs: PancakeSwap's slot0 differs after them). */
export const v3PoolAbi = parseAbi(['function slot0() view returns (uint160 sqrtPriceX96, int24 tick)']);
