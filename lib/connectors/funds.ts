import { formatUnits, type Address } from 'viem';
import { BadRequestError } from '../errors';
import type { EvmToken } from '../chains/types';

/** The spender may not move enough of the token: the client must approve it (by alias) first. */
export class InsufficientAllowanceError extends BadRequestError {
  constructor(token: EvmToken, allowance: bigint, required: bigint, spender: { alias: string; address: Address }) {
    super(
      `Insufficient allowance for ${token.symbol}: ${formatUnits(allowance, token.decimals)} approved to ${spender.alias} (${spender.address}), ` +
        `${formatUnits(required, token.decimals)} required. Approve it with POST /chains/ethereum/approve {"spender":"${spender.alias}","token":"${token.symbol}"}`,
      'INSUFFICIENT_ALLOWANCE',
      { spender: spender.alias, spenderAddress: spender.address, token: token.symbol },
    );
  }
}

export class InsufficientBalanceError extends BadRequestError {
  constructor(token: EvmToken, balance: bigint, required: bigint) {
    super(`Insufficient ${token.symbol} balance. Available: ${formatUnits(balance, token.decimals)}, Required: ${formatUnits(required, token.decimals)}`, 'INSUFFICIENT_BALANCE');
  }
}

/** Refuses, before anything is signed, a transaction the wallet cannot fund or has not approved. */
export function requireFunds(token: EvmToken, required: bigint, held: { balance: bigint; allowance: bigint }, spender: { alias: string; address: Address }): void {
  if (held.balance < required) throw new InsufficientBalanceError(token, held.balance, required);
  if (held.allowance < required) throw new InsufficientAllowanceError(token, held.allowance, required, spender);
}
