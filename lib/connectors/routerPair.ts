import type { EvmToken } from '../chains/types';
import type { ChainContext } from './types';

/**
 * The tokens a router request names (unknown ones are a 404). As on Gateway's Uniswap router, the
 * native currency (ETH, or BNB on bsc) stands for its wrapped token: routes hold ERC-20s only.
 */
export function routerPair(context: ChainContext, baseToken: string, quoteToken: string): { base: EvmToken; quote: EvmToken } {
  const native = context.network.nativeCurrencySymbol;
  const token = (given: string) => context.tokens.require(given.toLowerCase() === native.toLowerCase() ? `W${native}` : given);
  return { base: token(baseToken), quote: token(quoteToken) };
}
