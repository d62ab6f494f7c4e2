import type { ConnectorSpec } from '../spec';
import { PANCAKESWAP_ROUTER, PANCAKESWAP_V2, PANCAKESWAP_V3, PANCAKESWAP_V3_POOL_INIT_CODE_HASH } from './addresses';

/** PancakeSwap V2 pairs charge 0.25% (PancakeLibrary: 9975/10000). */
const V2_FEE_BPS = 25n;

/** PancakeSwap's V2, V3 and router contracts (Uniswap's actions run on them, see ../actions.ts). */
export const pancakeswap: ConnectorSpec = {
  chain: 'ethereum',
  // Gateway's pancakeswap.yml default.
  amm: { feeBps: V2_FEE_BPS, networks: PANCAKESWAP_V2 },
  clmm: { poolInitCodeHash: PANCAKESWAP_V3_POOL_INIT_CODE_HASH, networks: PANCAKESWAP_V3 },
  router: { v2FeeBps: V2_FEE_BPS, networks: PANCAKESWAP_ROUTER },
  pools: {},
};
