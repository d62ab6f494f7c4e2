import { maxUint256 } from 'viem';
import { decimalTextOf } from './decimal';
import { BadRequestError, quoteInput } from './errors';

/** The largest base-unit amount each kind of on-chain integer holds. */
export const AMOUNT_LIMITS = { uint256: maxUint256, u64: 2n ** 64n - 1n } as const;
/** How a chain stores token amounts: EVM in uint256, Solana (lamports, SPL) in u64. */
export type AmountLimit = keyof typeof AMOUNT_LIMITS;

/** What the HTTP surface takes as an amount: a JSON number or a decimal string, plain or scientific (see schemas/numbers.ts). */
export type AmountInput = string | number;

/**
 * A human amount (`"1.5"`, `1.5`, `1e-7`, `"5e-05"`) in base units. It must be a positive decimal with no more
 * fraction digits than the token has, and fit the chain's integer (`limit`) once in base units; anything
 * else is a 400 naming the field, decided before any RPC.
 */
export function parseAmount(value: AmountInput, decimals: number, field = 'amount', limit: AmountLimit = 'uint256'): bigint {
  const text = decimalTextOf(value);
  if (text === undefined || text.startsWith('-')) {
    throw new BadRequestError(`${field}: ${quoteInput(value)} is not a positive decimal number`, 'INVALID_AMOUNT');
  }
  const [whole, fraction = ''] = text.split('.');
  if (fraction.replace(/0+$/, '').length > decimals) throw new BadRequestError(`${field}: at most ${decimals} decimal places for this token`, 'INVALID_AMOUNT');
  const amount = BigInt(whole + fraction.padEnd(decimals, '0').slice(0, decimals));
  if (amount <= 0n) throw new BadRequestError(`${field}: must be greater than 0`, 'INVALID_AMOUNT');
  if (amount > AMOUNT_LIMITS[limit]) {
    throw new BadRequestError(`${field}: too large: at most ${AMOUNT_LIMITS[limit]} base units (${limit}, ${decimals} decimals)`, 'AMOUNT_OUT_OF_RANGE', {
      limit: AMOUNT_LIMITS[limit].toString(),
    });
  }
  return amount;
}
