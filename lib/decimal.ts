/**
 * An exact decimal: an integer and a count of fraction digits. Sums, differences and products are
 * exact; a quotient is rounded half away from zero to a chosen number of digits. Money read from
 * Postgres `numeric` columns and from the chain stays exact through the arithmetic built on it.
 */
export class Decimal {
  private constructor(
    readonly units: bigint,
    readonly scale: number,
  ) {}

  static readonly ZERO = new Decimal(0n, 0);

  /** `"12.5"`, `"-0.001"`, a JSON number (its shortest round-trip form, exponents included) or a bigint. */
  static from(value: string | number | bigint | Decimal): Decimal {
    if (value instanceof Decimal) return value;
    if (typeof value === 'bigint') return new Decimal(value, 0);
    const text = String(value).trim().toLowerCase();
    const match = /^(-?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/.exec(text);
    if (!match || (match[2] === '' && (match[3] ?? '') === '')) throw new RangeError(`Not a decimal: ${value}`);
    const [, sign, whole, fraction = '', exponent = '0'] = match;
    const digits = BigInt(`${sign}${whole || '0'}${fraction}`);
    const scale = fraction.length - Number(exponent);
    return scale >= 0 ? new Decimal(digits, scale) : new Decimal(digits * 10n ** BigInt(-scale), 0);
  }

  /** The smaller of the two (either when equal). */
  static min(a: Decimal, b: Decimal): Decimal {
    return a.compare(b) <= 0 ? a : b;
  }

  /** Base units of a token with `decimals` as its human amount. */
  static fromUnits(units: bigint, decimals: number): Decimal {
    return new Decimal(units, decimals);
  }

  private rescale(scale: number): bigint {
    return this.units * 10n ** BigInt(scale - this.scale);
  }

  plus(other: Decimal | string | number): Decimal {
    const b = Decimal.from(other);
    const scale = Math.max(this.scale, b.scale);
    return new Decimal(this.rescale(scale) + b.rescale(scale), scale);
  }

  minus(other: Decimal | string | number): Decimal {
    return this.plus(Decimal.from(other).negated());
  }

  times(other: Decimal | string | number): Decimal {
    const b = Decimal.from(other);
    return new Decimal(this.units * b.units, this.scale + b.scale);
  }

  /** This divided by `other`, rounded half away from zero to `digits` fraction digits. */
  dividedBy(other: Decimal | string | number, digits = 18): Decimal {
    const b = Decimal.from(other);
    if (b.units === 0n) throw new RangeError('Division by zero');
    // (u1/10^s1) / (u2/10^s2) = u1 * 10^(s2 + digits - s1) / u2, in units of 10^-digits.
    const shift = b.scale + digits - this.scale;
    let numerator = shift >= 0 ? this.units * 10n ** BigInt(shift) : this.units;
    let denominator = shift >= 0 ? b.units : b.units * 10n ** BigInt(-shift);
    if (denominator < 0n) [numerator, denominator] = [-numerator, -denominator];
    const quotient = numerator / denominator;
    const remainder = numerator % denominator;
    const away = 2n * (remainder < 0n ? -remainder : remainder) >= denominator ? (numerator < 0n ? -1n : 1n) : 0n;
    return new Decimal(quotient + away, digits);
  }

  /** Rounded half away from zero to `digits` fraction digits. */
  rounded(digits: number): Decimal {
    return digits >= this.scale ? this : this.dividedBy(1, digits);
  }

  negated(): Decimal {
    return new Decimal(-this.units, this.scale);
  }

  isZero(): boolean {
    return this.units === 0n;
  }

  isPositive(): boolean {
    return this.units > 0n;
  }

  compare(other: Decimal | string | number): number {
    const difference = this.minus(other).units;
    return difference === 0n ? 0 : difference > 0n ? 1 : -1;
  }

  /** Plain notation without trailing zeros: `"1.5"`, `"-0.000001"`, `"42"`. */
  toString(): string {
    const negative = this.units < 0n;
    const digits = (negative ? -this.units : this.units).toString().padStart(this.scale + 1, '0');
    const whole = digits.slice(0, digits.length - this.scale);
    const fraction = digits.slice(digits.length - this.scale).replace(/0+$/, '');
    return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
  }

  /** The nearest float: what JSON clients that read numbers receive. */
  toNumber(): number {
    return Number(this.toString());
  }
}

/** A plain decimal as clients and Postgres write it: digits, an optional fraction, an optional sign. */
export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

/** A decimal in scientific notation, as JavaScript and Python write floats: `1e-7`, `5e-05`, `1.5E+16`. */
const SCIENTIFIC = /^(-?)(\d+)(?:\.(\d+))?[eE]([+-]?\d+)$/;
/** Beyond any float (Python's and JavaScript's stop at about 1e308): a longer expansion is refused, never built. */
const MAX_EXPONENT = 400;

/** `text` in scientific notation as a plain decimal, digit by digit; plain decimals unchanged; undefined for anything else. */
function expandScientific(text: string): string | undefined {
  if (DECIMAL_PATTERN.test(text)) return text;
  const match = SCIENTIFIC.exec(text);
  if (!match || Math.abs(Number(match[4])) > MAX_EXPONENT) return undefined;
  const [, sign, whole, fraction = '', exponentText] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exponentText);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`.replace(/\.?0+$/, '') || '0';
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * A JSON number as the decimal the client wrote: `0.1` is "0.1" (its shortest round-trip form, which
 * JSON.parse preserves), and an exponent form (`1e-7`, `1e+80`) is expanded digit by digit, never through
 * `toFixed`'s binary expansion. Undefined for NaN and the infinities.
 */
export function numberToDecimalText(value: number): string | undefined {
  return Number.isFinite(value) ? expandScientific(String(value)) : undefined;
}

/**
 * A number as clients write it, as plain decimal text: a JSON number, a plain decimal string (`"0.00005"`),
 * or a string in scientific notation (`"5e-05"`, what Python's `str(float)` writes), expanded exactly.
 * Undefined for anything else (`"0x10"`, `"NaN"`, `"Infinity"`, `""`, blanks).
 */
export function decimalTextOf(value: string | number): string | undefined {
  return typeof value === 'number' ? numberToDecimalText(value) : expandScientific(value);
}

/** Parses a number as clients write it (see {@link decimalTextOf}) exactly; undefined for any other form. */
export function parseDecimal(value: string | number): Decimal | undefined {
  const text = decimalTextOf(value);
  return text === undefined ? undefined : Decimal.from(text);
}
