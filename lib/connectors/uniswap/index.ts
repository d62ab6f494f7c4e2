import { localnetTokens, localnetUniswapV2Pairs, localnetUniswapV3Pools } from '../../chains/ethereum/localnet';
import type { ConnectorSpec } from '../spec';
import type { PoolType, ShippedPool } from '../../../schemas/pools';
import { UNISWAP_ROUTER, UNISWAP_V2, UNISWAP_V3, UNISWAP_V3_POOL_INIT_CODE_HASH } from './addresses';

const localnetToken = (symbol: string) => localnetTokens.find((token) => token.symbol === symbol)!;

/** The dev deployment's pools of one type, listed as `BASE-QUOTE` by their names (`BASE-QUOTE-FEE` for V3). */
const listed = (type: PoolType, pools: Record<string, { address: string; fee: number }>): ShippedPool[] =>
  Object.entries(pools).map(([name, pool]) => {
    const [baseSymbol, quoteSymbol] = name.split('-');
    return {
      type,
      baseSymbol,
      quoteSymbol,
      baseTokenAddress: localnetToken(baseSymbol).address,
      quoteTokenAddress: localnetToken(quoteSymbol).address,
      feePct: pool.fee / 10_000,
      address: pool.address,
    };
  });

/** The dev deployment's V2 pairs and V3 pools. */
const localnetPools: ShippedPool[] = [...listed('amm', localnetUniswapV2Pairs), ...listed('clmm', localnetUniswapV3Pools)];

/** Uniswap V2 pairs charge 0.3%, in Router02 and in SwapRouter02 alike. */
const V2_FEE_BPS = 30n;

export const uniswap: ConnectorSpec = {
  chain: 'ethereum',
  // Gateway's uniswap.yml default.
  amm: { feeBps: V2_FEE_BPS, networks: UNISWAP_V2 },
  clmm: { poolInitCodeHash: UNISWAP_V3_POOL_INIT_CODE_HASH, networks: UNISWAP_V3 },
  router: { v2FeeBps: V2_FEE_BPS, networks: UNISWAP_ROUTER },
  pools: { localnet: localnetPools },
};
