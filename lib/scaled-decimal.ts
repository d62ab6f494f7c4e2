// Exact decimal arithmetic for money read from exchanges and chains: values are bigints scaled by
// 10^SCALE, so sums and products of order-book levels or balances carry no float error.
import { numberToDecimalText } from './decimal';

/** Fraction digits kept; results of division are rounded half up to this. */
export const SCALE = 18;
const ONE = 10n ** BigInt(SCALE);

/** A decimal as a bigint scaled by 10^SCALE. */
export type Scaled = bigint;

/**
 * The scaled value of a decimal text (`"95000.5"`) or of a number as written (`0.1` is "0.1", its
 * shortest round-trip form, which is how CCXT hands over the exchange's own decimal text).
 */
export function toScaled(value: string | number): Scaled {
  const text = typeof value === 'number' ? numberText(value) : value.trim();
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`not a decimal: ${text}`);
  const [, sign, whole, fraction = ''] = match;
  const digits = BigInt(whole) * ONE + BigInt((fraction + '0'.repeat(SCALE)).slice(0, SCALE) || '0');
  return sign ? -digits : digits;
}

function numberText(value: number): string {
  const text = numberToDecimalText(value);
  if (text === undefined) throw new RangeError(`not a finite number: ${value}`);
  return text;
}

export const multiply = (a: Scaled, b: Scaled): Scaled => (a * b) / ONE;

/** a / b rounded half up at SCALE digits; b must not be 0. */
export function divide(a: Scaled, b: Scaled): Scaled {
  const negative = a < 0n !== b < 0n;
  const [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  const quotient = (x * ONE * 2n + y) / (y * 2n);
  return negative ? -quotient : quotient;
}

/** The decimal text of a scaled value, without trailing zeros (`"1.5"`, `"0"`). */
export function toText(value: Scaled): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(SCALE + 1, '0');
  const whole = digits.slice(0, -SCALE);
  const fraction = digits.slice(-SCALE).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** The JSON number for a scaled value (Hummingbot API's fields are floats), read from its exact text. */
export const toNumber = (value: Scaled): number => Number(toText(value));

export const min = (a: Scaled, b: Scaled): Scaled => (a < b ? a : b);
