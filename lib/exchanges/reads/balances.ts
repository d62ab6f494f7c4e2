import type Exchange from '../../../node_modules/ccxt/js/src/base/Exchange.js';

/** Units held and units free to trade, by token, as exchange decimal text. */
export type GetBalancesReturnType = Record<string, { total: string; available: string }>;

// Binance Simple Earn positions (LDBTC...) and tokens Hummingbot API bans from balances.
const BANNED_TOKENS = new Set(['NAV', 'ARS', 'ETHW', 'ETHF']);

/** The account's non-zero balances on the exchange: one exchange request. */
export async function getBalances(exchange: Exchange): Promise<GetBalancesReturnType> {
  const balance = await exchange.fetchBalance();
  const total = (balance.total ?? {}) as unknown as Record<string, number | undefined>;
  const free = (balance.free ?? {}) as unknown as Record<string, number | undefined>;
  const held: GetBalancesReturnType = {};
  for (const [token, units] of Object.entries(total)) {
    if (!units || BANNED_TOKENS.has(token)) continue;
    held[token] = { total: String(units), available: String(free[token] ?? 0) };
  }
  return held;
}
