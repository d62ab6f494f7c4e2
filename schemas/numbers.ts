import { z } from '@hono/zod-openapi';
import { parseDecimal } from '../lib/decimal';

// Numbers as the HTTP surface takes them, never coerced: a JSON number, or a plain decimal string
// (digits, an optional fraction; what query strings carry). `true`, `null`, hex (`0x10`), exponent
// strings (`1e80`), blanks and signs other than a leading minus are refused with a 400.

/** A plain decimal: digits with an optional fraction, nothing else (no exponent, no hex, no blanks). */
const PLAIN_DECIMAL = /^\d+(\.\d+)?$/;
const SIGNED_DECIMAL = /^-?\d+(\.\d+)?$/;
/** Longest decimal string taken: far beyond any uint256 in base units, far below a costly one. */
const DECIMAL_MAX_LENGTH = 100;

const decimalString = (pattern: RegExp) =>
  z
    .string()
    .max(DECIMAL_MAX_LENGTH, `at most ${DECIMAL_MAX_LENGTH} characters`)
    .regex(pattern, 'must be a plain decimal number (digits and an optional fraction, no exponent)');

/** The largest amount any chain's integer holds (EVM uint256); the chain's own limit is checked with the token's decimals. */
const UINT256_MAX = 2n ** 256n - 1n;

/** The whole part of an amount (exponent forms of JSON numbers expanded exactly). */
function wholePart(value: string | number): bigint {
  const decimal = parseDecimal(value);
  return decimal ? decimal.units / 10n ** BigInt(decimal.scale) : 0n;
}

/**
 * A token amount in human units: a JSON number (`0.1`, `1e-7`) or a decimal string (`"0.1"`). It stays
 * text or number here; `parseAmount` (lib/amount.ts) turns it into base units exactly against the
 * token's decimals and the chain's integer size.
 */
export const AmountSchema = z
  .union([z.number().positive('must be greater than 0'), decimalString(PLAIN_DECIMAL)])
  // Refused before any token is looked up or any node is asked: nothing on any chain holds more.
  .refine((value) => wholePart(value) <= UINT256_MAX, `too large: at most ${UINT256_MAX} base units (uint256) even for a token with 0 decimals`)
  .openapi({
    description: 'Human units (e.g. 0.1 WETH): a JSON number, or a decimal string such as "0.1" (no exponent, no hex)',
    example: 0.1,
  });

/**
 * A number that is not money (a percentage, a price): a JSON number, or a decimal string where a query
 * string carries it; `number` holds the range checks.
 */
export const decimalNumber = <T extends z.ZodNumber>(number: T) =>
  z.union([z.number(), decimalString(SIGNED_DECIMAL).transform(Number)]).pipe(number);

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
