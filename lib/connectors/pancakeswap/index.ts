import { uniswapV2Amm } from '../uniswap/amm';
import type { ConnectorDefinition } from '../types';
import { PANCAKESWAP_V2 } from './addresses';

/** Uniswap's V2 actions on PancakeSwap's contracts; its pairs charge 0.25% (PancakeLibrary: 9975/10000). */
export const pancakeswap: ConnectorDefinition = {
  chain: 'ethereum',
  config: { slippagePct: 1 },
  amm: { actions: uniswapV2Amm, feeBps: 25n, networks: PANCAKESWAP_V2 },
  pools: {},
};
