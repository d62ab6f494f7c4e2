// Typed ABI fragments for the calls the localnet seeding and its tests make. The full ABIs in the
// npm artifacts are untyped JSON, so viem could not check arguments or infer results from them.
import { parseAbi } from 'viem';

export const testErc20Abi = parseAbi(['function mint(address to, uint256 amount)']);

export const weth9Abi = parseAbi(['function deposit() payable']);

export const uniswapV2FactoryAbi = parseAbi(['function getPair(address, address) view returns (address)']);

/** The token getters Uniswap V2 pairs and V3 pools share. */
export const poolTokensAbi = parseAbi([
  'function token0() view returns (address)',
  'function token1() view returns (address)',
]);

export const uniswapV2PairAbi = parseAbi([
  'function getReserves() view returns (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast)',
]);

export const uniswapV2RouterAbi = parseAbi([
  'function addLiquidity(address tokenA, address tokenB, uint256 amountADesired, uint256 amountBDesired, uint256 amountAMin, uint256 amountBMin, address to, uint256 deadline) returns (uint256 amountA, uint256 amountB, uint256 liquidity)',
  'function getAmountsOut(uint256 amountIn, address[] path) view returns (uint256[] amounts)',
  'function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline) returns (uint256[] amounts)',
]);

export const uniswapV3FactoryAbi = parseAbi([
  'function enableFeeAmount(uint24 fee, int24 tickSpacing)',
  'function getPool(address, address, uint24) view returns (address)',
]);

export const uniswapV3PoolAbi = parseAbi([
  'function fee() view returns (uint24)',
  'function slot0() view returns (uint160 sqrtPriceX96, int24 tick, uint16 observationIndex, uint16 observationCardinality, uint16 observationCardinalityNext, uint8 feeProtocol, bool unlocked)',
]);

export const nonfungiblePositionManagerAbi = parseAbi([
  'function createAndInitializePoolIfNecessary(address token0, address token1, uint24 fee, uint160 sqrtPriceX96) payable returns (address pool)',
  'struct MintParams { address token0; address token1; uint24 fee; int24 tickLower; int24 tickUpper; uint256 amount0Desired; uint256 amount1Desired; uint256 amount0Min; uint256 amount1Min; address recipient; uint256 deadline; }',
  'function mint(MintParams params) payable returns (uint256 tokenId, uint128 liquidity, uint256 amount0, uint256 amount1)',
  'function tokenURI(uint256 tokenId) view returns (string)',
]);

export const quoterV2Abi = parseAbi([
  'struct QuoteExactInputSingleParams { address tokenIn; address tokenOut; uint256 amountIn; uint24 fee; uint160 sqrtPriceLimitX96; }',
  'function quoteExactInputSingle(QuoteExactInputSingleParams params) returns (uint256 amountOut, uint160 sqrtPriceX96After, uint32 initializedTicksCrossed, uint256 gasEstimate)',
]);

/** SwapRouter02's wiring: the factories it computes V2 pair and V3 pool addresses from. */
export const swapRouter02Abi = parseAbi([
  'function factoryV2() view returns (address)',
  'function factory() view returns (address)',
  'function WETH9() view returns (address)',
]);
