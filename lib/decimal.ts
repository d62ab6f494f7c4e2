// Exact decimals for money that arrives as text (Postgres `numeric`, exchange payloads) or as a JSON
// number: digits and a scale, never a float, until a response is built.

/** A plain decimal as clients and Postgres write it: digits, an optional fraction, an optional sign. */
export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

/** An exact decimal: `units / 10^scale`. */
export interface Decimal {
  units: bigint;
  scale: number;
}

/**
 * A JSON number as the decimal the client wrote: `0.1` is "0.1" (its shortest round-trip form, which
 * JSON.parse preserves), and an exponent form (`1e-7`, `1e+80`) is expanded digit by digit, never through
 * `toFixed`'s binary expansion. Undefined for NaN and the infinities.
 */
export function numberToDecimalText(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = '', exponentText] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exponentText);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`.replace(/\.?0+$/, '');
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Parses a plain decimal string or a JSON number exactly; undefined for any other form. */
export function parseDecimal(value: string | number): Decimal | undefined {
  const text = typeof value === 'number' ? numberToDecimalText(value) : value;
  if (text === undefined || !DECIMAL_PATTERN.test(text)) return undefined;
  const [whole, fraction = ''] = text.split('.');
  return { units: BigInt(whole + fraction), scale: fraction.length };
}

/** `value` with at least `scale` fraction digits (same number). */
function rescale(value: Decimal, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

export function addDecimals(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

export function compareDecimals(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const [x, y] = [rescale(a, scale), rescale(b, scale)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The canonical text: no trailing fraction zeros, `-0` as `0`. */
export function decimalToString({ units, scale }: Decimal): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  const text = fraction ? `${whole}.${fraction}` : whole;
  return negative && text !== '0' ? `-${text}` : text;
}

/** A float for a response field that the contract types as a JSON number: the one place money becomes one. */
export function decimalToNumber(value: Decimal): number {
  return Number(decimalToString(value));
}
