import { parseUnits } from 'viem';
import { BadRequestError } from '../errors';

/**
 * A human amount (`"1.5"`, `1.5`) in base units. It must be a positive decimal with no more fraction
 * digits than the token has; anything else is a 400 naming the field.
 */
export function parseAmount(value: string | number, decimals: number, field = 'amount'): bigint {
  const text = typeof value === 'number' ? numberText(value, decimals) : value.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) throw new BadRequestError(`${field}: '${value}' is not a positive number`, 'INVALID_AMOUNT');
  const fraction = text.split('.')[1] ?? '';
  if (fraction.length > decimals) throw new BadRequestError(`${field}: at most ${decimals} decimal places for this token`, 'INVALID_AMOUNT');
  const amount = parseUnits(text, decimals);
  if (amount <= 0n) throw new BadRequestError(`${field}: must be greater than 0`, 'INVALID_AMOUNT');
  return amount;
}

/**
 * A JSON number as the decimal the client wrote: `0.1` is "0.1" (its shortest round-trip form), not
 * the binary expansion `toFixed` gives ("0.100000000000000006" at 18 decimals). Exponent forms fall back to `toFixed`.
 */
function numberText(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return 'NaN';
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(Math.min(decimals, 20)).replace(/\.?0+$/, '') : text;
}
