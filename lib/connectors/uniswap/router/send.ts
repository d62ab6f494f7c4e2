import type { Address } from 'viem';
import { BadRequestError } from '../../../errors';
import type { SwapExecute } from '../../../../schemas/amm';
import type { EvmToken } from '../../../chains/types';
import { requireFunds } from '../../funds';
import { deadlineFrom, read, type UintRead } from '../../reads';
import { swapResult } from '../../swapResult';
import type { RouteQuote, RouterContext, Wallet } from '../../types';
import { swapCall } from './swapCall';

/** What a swap reads beside its quote, in this order: the block time, the wallet's balance and its allowance to the router. */
export function walletReads(context: RouterContext, tokenIn: EvmToken, owner: Address): UintRead[] {
  const token = tokenIn.address;
  return [read.blockTimestamp(), read.balance(token, owner), read.allowance(token, owner, context.dex.router)];
}

/** Refuses, before anything is signed, a route with nothing to swap or a wallet that cannot pay or has not approved the router. */
export function requireSwappable(context: RouterContext, quote: RouteQuote, held: { balance: bigint; allowance: bigint }): void {
  if (quote.legs.length === 0) throw new BadRequestError(`Nothing to swap: ${quote.base.symbol} and ${quote.quote.symbol} are the same token`, 'SAME_TOKEN');
  requireFunds(quote.tokenIn, quote.maxAmountIn, held, { alias: context.dex.spender, address: context.dex.router });
}

/** Sends the route through the router with a deadline from chain time; balance changes come from the receipt. */
export async function sendRoute(context: RouterContext, quote: RouteQuote, wallet: Wallet, now: bigint): Promise<SwapExecute> {
  const data = swapCall(quote, wallet.address, deadlineFrom(now));
  const outcome = await wallet.send({ to: context.dex.router, data }, 'swap');
  return swapResult(context.client, outcome, wallet.address, quote);
}
