// Wallet tokens no exchange lists, priced by a DEX quote on their own network: the connectors
// worker's unified swap quote, which goes to the network's default swap provider.
import { Decimal } from '../decimal';
import { isStablecoin, type TokenPrices } from './prices';

export interface ConnectorsEnv {
  /** The connectors worker: DEX quotes. */
  CONNECTORS: Fetcher;
}

/** The stablecoins a token is quoted against on its network, in this order (each counts as 1 USDT). */
export const DEX_QUOTE_TOKENS = ['USDC', 'USDT'];

/** What selling one `token` fetches in `quoteToken` on the network's default swap provider; undefined when it cannot quote. */
async function quotePrice(env: ConnectorsEnv, chainNetwork: string, token: string, quoteToken: string): Promise<string | undefined> {
  const query = new URLSearchParams({ chainNetwork, baseToken: token, quoteToken, amount: '1', side: 'SELL' });
  const response = await env.CONNECTORS.fetch(`https://connectors.internal/trading/swap/quote?${query}`);
  if (!response.ok) return undefined;
  const { price } = await response.json<{ price: number }>();
  return Number.isFinite(price) && price > 0 ? String(price) : undefined;
}

/**
 * Prices `tokens` held on `chainNetwork` (`ethereum-localnet`) from a DEX quote of one token
 * against the first of DEX_QUOTE_TOKENS the provider can route to, all tokens at once. A token
 * without a pool, or on a network without a swap provider, stays unpriced.
 */
export async function getDexPrices(env: ConnectorsEnv, chainNetwork: string, tokens: Iterable<string>): Promise<TokenPrices> {
  const prices: TokenPrices = new Map();
  await Promise.all(
    [...tokens]
      .filter((token) => !isStablecoin(token))
      .map(async (token) => {
        for (const quoteToken of DEX_QUOTE_TOKENS) {
          const price = await quotePrice(env, chainNetwork, token, quoteToken);
          if (price !== undefined) return void prices.set(token, Decimal.from(price));
        }
      }),
  );
  return prices;
}
