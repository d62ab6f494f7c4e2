import { uniswapV2Amm } from '../uniswap/amm';
import { uniswapV3Clmm } from '../uniswap/clmm';
import { swapRouter02 } from '../uniswap/router';
import type { ConnectorDefinition } from '../types';
import { PANCAKESWAP_ROUTER, PANCAKESWAP_V2, PANCAKESWAP_V3, PANCAKESWAP_V3_POOL_INIT_CODE_HASH } from './addresses';

/** PancakeSwap V2 pairs charge 0.25% (PancakeLibrary: 9975/10000). */
const V2_FEE_BPS = 25n;

/** Uniswap's V2, V3 and router actions on PancakeSwap's contracts. */
export const pancakeswap: ConnectorDefinition = {
  chain: 'ethereum',
  // Gateway's pancakeswap.yml default.
  config: { slippagePct: 2 },
  amm: { actions: uniswapV2Amm, feeBps: V2_FEE_BPS, networks: PANCAKESWAP_V2 },
  clmm: { actions: uniswapV3Clmm, poolInitCodeHash: PANCAKESWAP_V3_POOL_INIT_CODE_HASH, networks: PANCAKESWAP_V3 },
  router: { actions: swapRouter02, v2FeeBps: V2_FEE_BPS, networks: PANCAKESWAP_ROUTER },
  pools: {},
};
