import { z } from '@hono/zod-openapi';
import { decimalTextOf, parseDecimal } from '../lib/decimal';

// Numbers as the HTTP surface takes them, never coerced: a JSON number, or a decimal string (what query
// strings and Python clients carry): digits, an optional fraction, an optional exponent as Python's
// str(float) writes small and large numbers (`5e-05`, `1e+16`), expanded exactly to plain decimal text.
// `true`, `null`, hex (`0x10`), `NaN`, `Infinity`, blanks and signs other than a leading minus are
// refused with a 400.

const UNSIGNED_NUMBER = /^\d+(\.\d+)?([eE][+-]?\d+)?$/;
const SIGNED_NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
/** Longest decimal string taken: far beyond any uint256 in base units, far below a costly one. */
const DECIMAL_MAX_LENGTH = 100;

/**
 * A number written as a string (`"0.1"`, `"5e-05"`); {@link expandedDecimal} turns it into plain decimal
 * text. Signed only where a negative number means something. (Kept a plain string schema, so that in a
 * union with `z.number()` its own reason is the one reported.)
 */
export const decimalString = (options: { signed?: boolean; maxLength?: number; trim?: boolean } = {}) => {
  const maxLength = options.maxLength ?? DECIMAL_MAX_LENGTH;
  const pattern = options.signed ? SIGNED_NUMBER : UNSIGNED_NUMBER;
  const string = options.trim ? z.string().trim() : z.string();
  return string
    .max(maxLength, `at most ${maxLength} characters`)
    .regex(pattern, 'must be a decimal number such as 0.1 or 5e-05 (no hex, no blanks)')
    .refine((value) => !pattern.test(value) || decimalTextOf(value) !== undefined, 'exponent out of range');
};

/** A JSON number as it is, a {@link decimalString} as plain decimal text (`"5e-05"` → `"0.00005"`). */
export const expandedDecimal = <T extends string | number>(value: T): T => (typeof value === 'string' ? decimalTextOf(value)! : value) as T;

/** The largest amount any chain's integer holds (EVM uint256); the chain's own limit is checked with the token's decimals. */
const UINT256_MAX = 2n ** 256n - 1n;

/** The whole part of an amount (exponent forms expanded exactly). */
function wholePart(value: string | number): bigint {
  const decimal = parseDecimal(value);
  return decimal ? decimal.units / 10n ** BigInt(decimal.scale) : 0n;
}

/**
 * A token amount in human units: a JSON number (`0.1`, `1e-7`) or a decimal string (`"0.1"`, `"1e-07"`,
 * expanded to `"0.0000001"`). It stays text or number here; `parseAmount` (lib/amount.ts) turns it into base units exactly against the
 * token's decimals and the chain's integer size.
 */
export const AmountSchema = z
  .union([z.number().positive('must be greater than 0'), decimalString()])
  .transform(expandedDecimal)
  // Refused before any token is looked up or any node is asked: nothing on any chain holds more.
  .refine((value) => wholePart(value) <= UINT256_MAX, `too large: at most ${UINT256_MAX} base units (uint256) even for a token with 0 decimals`)
  .openapi({
    description: 'Human units (e.g. 0.1 WETH): a JSON number, or a decimal string such as "0.1" or "1e-07" (no hex)',
    example: 0.1,
  });

/**
 * A number that is not money (a percentage, a price): a JSON number, or a decimal string where a query
 * string carries it; `number` holds the range checks.
 */
export const decimalNumber = <T extends z.ZodNumber>(number: T) =>
  z.union([z.number(), decimalString({ signed: true })]).transform(Number).pipe(number);

/** C0 control characters and DEL: never part of a name, a symbol or an identifier, and refused by Postgres (NUL). */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** A string that is stored or shown: bounded, and without control characters. */
export const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max, `at most ${max} characters`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'must not contain control characters');

export type Amount = z.infer<typeof AmountSchema>;
