import type { TokenList } from '../../lib/tokens/registry';
import { NotFoundError } from '../../lib/errors';
import type { Chain } from '../../lib/config/chains';
import type { ChainToken } from '../../lib/chains/types';

/** What a balances request asks for, read as Gateway reads `tokens` (symbols or addresses). */
export interface BalanceQuery<C extends Chain, A> {
  /** No tokens named: the native balance plus every listed token actually held. */
  everything: boolean;
  nativeRequested: boolean;
  tokens: ChainToken<C>[];
  /** Addresses outside the list, read by address. */
  unlisted: A[];
}

/**
 * Sorts the requested tokens into the native currency (by symbol, or a list entry carrying its symbol),
 * listed tokens, and addresses outside the list (`asAddress` says which inputs are addresses). Any
 * other name is a 404.
 */
export function balanceQuery<C extends Chain, A>(list: TokenList<C>, native: string, requested: string[] | undefined, asAddress: (input: string) => A | undefined): BalanceQuery<C, A> {
  const isNative = (symbol: string) => symbol.toLowerCase() === native.toLowerCase();
  const inputs = (requested ?? []).map((token) => token.trim()).filter(Boolean);
  const query: BalanceQuery<C, A> = { everything: inputs.length === 0, nativeRequested: inputs.length === 0, tokens: [], unlisted: [] };
  for (const input of inputs) {
    const token = list.find(input);
    const address = token ? undefined : asAddress(input);
    if (isNative(input) || (token && isNative(token.symbol))) query.nativeRequested = true;
    else if (token) query.tokens.push(token);
    else if (address !== undefined) query.unlisted.push(address);
    else throw new NotFoundError(`Token ${input} not found in ${list.chain}/${list.network}`, 'TOKEN_NOT_FOUND');
  }
  if (query.everything) query.tokens = list.all().filter((token) => !isNative(token.symbol));
  return query;
}

/** Gateway's answer: with no tokens named, the native balance and the held tokens; else exactly those named (zeros included). */
export function selectBalances(found: Record<string, number>, native: string, query: BalanceQuery<Chain, unknown>): Record<string, number> {
  return Object.fromEntries(Object.entries(found).filter(([symbol, amount]) => (symbol === native ? query.nativeRequested : !query.everything || amount > 0)));
}
