import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../lib/amount';
import { numberToDecimalText, parseDecimal } from '../../lib/decimal';
import { HttpError } from '../../lib/errors';
import { AmountSchema } from '../../schemas/numbers';

// The one amount contract: what the schema lets through and what the parser makes of it, at 6 decimals
// (USDC) unless the row says otherwise. Every route with an amount uses both.

const UINT256_MAX = 2n ** 256n - 1n;
const U64_MAX = 2n ** 64n - 1n;

const accepted: [input: string | number, baseUnits: bigint, decimals?: number, limit?: 'uint256' | 'u64'][] = [
  [1, 1_000_000n],
  ['1', 1_000_000n],
  [0.1, 100_000n],
  ['0.1', 100_000n],
  ['1.500000', 1_500_000n],
  [1e-6, 1n],
  // A JSON number in exponent form is the number it denotes (JSON.parse has already read it).
  [JSON.parse('1e-7'), 1n, 7],
  [JSON.parse('2.5E+3'), 2_500_000_000n],
  // ...and so is a string in scientific notation, as Python's str(float) writes small and large floats.
  ['1e-07', 1n, 7],
  ['5e-05', 50n],
  ['1.5E-6', 15n, 7],
  ['2.5e+3', 2_500_000_000n],
  ['1e+16', 10n ** 16n, 0],
  ['1E16', 10n ** 16n, 0],
  ['007', 7_000_000n],
  [0.1, 100_000_000_000_000_000n, 18],
  [`${UINT256_MAX}`, UINT256_MAX, 0],
  [`${U64_MAX}`, U64_MAX, 0, 'u64'],
  ['18446744073.709551615', U64_MAX, 9, 'u64'],
];

const refusedBySchema: [input: unknown, reason: RegExp][] = [
  [true, /expected number|Invalid input/],
  [null, /Invalid input|expected/],
  [{}, /Invalid input|expected/],
  [[], /Invalid input|expected/],
  ['', /decimal number such as/],
  [' 1', /decimal number such as/],
  ['1 ', /decimal number such as/],
  ['+1', /decimal number such as/],
  ['-1', /decimal number such as/],
  [-1, /greater than 0/],
  [0, /greater than 0/],
  ['.5', /decimal number such as/],
  ['5.', /decimal number such as/],
  ['1e80', /too large: at most \d+ base units \(uint256\)/],
  ['1e401', /exponent out of range/],
  ['1e-99999999', /exponent out of range/],
  ['1e', /decimal number such as/],
  ['e5', /decimal number such as/],
  ['1e5.5', /decimal number such as/],
  ['-5e-05', /decimal number such as/],
  ['0x10', /decimal number such as/],
  ['1,5', /decimal number such as/],
  ['NaN', /decimal number such as/],
  ['Infinity', /decimal number such as/],
  ['-Infinity', /decimal number such as/],
  ['1'.repeat(101), /at most 100 characters/],
  [`1${'0'.repeat(80)}`, /too large: at most \d+ base units \(uint256\)/],
  [1e80, /too large: at most \d+ base units \(uint256\)/],
];

const refusedByParser: [input: string | number, decimals: number, limit: 'uint256' | 'u64', reason: RegExp][] = [
  ['0', 6, 'uint256', /must be greater than 0/],
  ['0.000', 6, 'uint256', /must be greater than 0/],
  ['0.0000001', 6, 'uint256', /at most 6 decimal places/],
  [1e-7, 6, 'uint256', /at most 6 decimal places/],
  [`${UINT256_MAX}`, 1, 'uint256', /too large: at most 115792089237316195423570985008687907853269984665640564039457584007913129639935 base units \(uint256, 1 decimals\)/],
  ['18446744073.709551616', 9, 'u64', /too large: at most 18446744073709551615 base units \(u64, 9 decimals\)/],
  ['1e-7', 6, 'uint256', /at most 6 decimal places/],
  ['1.5e-6', 6, 'uint256', /at most 6 decimal places/],
  ['0e5', 6, 'uint256', /must be greater than 0/],
  ['0x10', 6, 'uint256', /is not a positive decimal number/],
  ['NaN', 6, 'uint256', /is not a positive decimal number/],
  [Number.POSITIVE_INFINITY, 6, 'uint256', /is not a positive decimal number/],
];

describe('one amount type: AmountSchema then parseAmount', () => {
  it.each(accepted)('accepts %j as %s base units', (input, baseUnits, decimals = 6, limit = 'uint256') => {
    const parsed = AmountSchema.safeParse(input);
    expect(parsed.success).toBe(true);
    expect(parseAmount(parsed.data!, decimals, 'amount', limit)).toBe(baseUnits);
  });

  it.each(refusedBySchema)('refuses %j before any token is known', (input, reason) => {
    const parsed = AmountSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.message).join('; ')).toMatch(reason);
  });

  it.each(refusedByParser)('refuses %j at %i decimals (%s) with a 400', (input, decimals, limit, reason) => {
    let thrown: unknown;
    try {
      parseAmount(input, decimals, 'amount', limit);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HttpError);
    expect((thrown as HttpError).statusCode).toBe(400);
    expect((thrown as HttpError).message).toMatch(reason);
  });
});

describe('exact decimals', () => {
  it('reads JSON numbers as the decimal they denote, exponent forms expanded digit by digit', () => {
    expect(numberToDecimalText(0.1)).toBe('0.1');
    expect(numberToDecimalText(1e-7)).toBe('0.0000001');
    expect(numberToDecimalText(1.5e-10)).toBe('0.00000000015');
    expect(numberToDecimalText(1e21)).toBe('1000000000000000000000');
    expect(numberToDecimalText(1.25e22)).toBe('12500000000000000000000');
    expect(numberToDecimalText(-2.5e-7)).toBe('-0.00000025');
    expect(numberToDecimalText(Number.NaN)).toBeUndefined();
  });

  it('reads scientific notation in strings the same way, exactly', () => {
    expect(parseDecimal('5e-05')!.toString()).toBe('0.00005');
    expect(parseDecimal('1.23456789012345678901e-10')!.toString()).toBe('0.000000000123456789012345678901');
    expect(parseDecimal('1e5')!.toString()).toBe('100000');
    expect(parseDecimal('-2.5E-7')!.toString()).toBe('-0.00000025');
    expect(parseDecimal('0e-3')!.toString()).toBe('0');
  });

  it('adds and compares Postgres numeric and exchange strings without floats', () => {
    const [a, b] = [parseDecimal('0.1')!, parseDecimal('0.2')!];
    expect(a.plus(b).toString()).toBe('0.3');
    expect(parseDecimal('123456789012345678901234567890.000000000000000001')!.plus(parseDecimal('-0.000000000000000001')!).toString()).toBe('123456789012345678901234567890');
    expect(parseDecimal('1.10')!.compare(parseDecimal('1.1')!)).toBe(0);
    expect(parseDecimal('-3')!.compare(parseDecimal('2.5')!)).toBe(-1);
    expect(a.plus(b).toNumber()).toBe(0.3);
    expect(parseDecimal('0x10')).toBeUndefined();
    expect(parseDecimal('')).toBeUndefined();
    expect(parseDecimal('Infinity')).toBeUndefined();
  });
});
