import { localnetTokens, localnetUniswapV2Pairs } from '../../chains/ethereum/localnet';
import type { ConnectorDefinition } from '../types';
import type { ShippedPool } from '../../../schemas/pools';
import { UNISWAP_V2 } from './addresses';
import { uniswapV2Amm } from './amm';

const localnetToken = (symbol: string) => localnetTokens.find((token) => token.symbol === symbol)!;

/** The dev deployment's V2 pairs, listed as `BASE-QUOTE` by their names. */
const localnetPools: ShippedPool[] = Object.entries(localnetUniswapV2Pairs).map(([name, pair]) => {
  const [baseSymbol, quoteSymbol] = name.split('-');
  return {
    type: 'amm',
    baseSymbol,
    quoteSymbol,
    baseTokenAddress: localnetToken(baseSymbol).address,
    quoteTokenAddress: localnetToken(quoteSymbol).address,
    feePct: pair.fee / 10_000,
    address: pair.address,
  };
});

export const uniswap: ConnectorDefinition = {
  chain: 'ethereum',
  config: { slippagePct: 1 },
  amm: { actions: uniswapV2Amm, feeBps: 30n, networks: UNISWAP_V2 },
  pools: { localnet: localnetPools },
};
