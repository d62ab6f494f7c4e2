// Exact decimals for the local exchange: every price, quantity and balance is a bigint counting
// 10^-18 units, so locking, filling and releasing never drift the way floats do.

export const SCALE = 10n ** 18n;
const DECIMALS = 18;

/** Binance's published pattern for DECIMAL parameters. */
export const DECIMAL_PATTERN = /^([0-9]{1,20})(\.[0-9]{1,20})?$/;

/** Parses "12.345" exactly; undefined when the text is not a plain non-negative decimal. */
export function parseDecimal(text: string): bigint | undefined {
  if (!DECIMAL_PATTERN.test(text)) return undefined;
  const [whole, fraction = ''] = text.split('.');
  if (fraction.replace(/0+$/, '').length > DECIMALS) return undefined;
  return BigInt(whole) * SCALE + BigInt(fraction.slice(0, DECIMALS).padEnd(DECIMALS, '0'));
}

/** A decimal literal from source code; throws on a typo. */
export function dec(text: string): bigint {
  const value = text.startsWith('-') ? parseDecimal(text.slice(1)) : parseDecimal(text);
  if (value === undefined) throw new Error(`not a decimal: ${text}`);
  return text.startsWith('-') ? -value : value;
}

/** Exact text with at least `minDecimals` places (Binance pads to 8), more only when the value needs them. */
export function formatDecimal(value: bigint, minDecimals = 8): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = abs / SCALE;
  let fraction = (abs % SCALE).toString().padStart(DECIMALS, '0').replace(/0+$/, '');
  if (fraction.length < minDecimals) fraction = fraction.padEnd(minDecimals, '0');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Number of significant decimal places, e.g. 3 for 0.001. */
export function decimalPlaces(value: bigint): number {
  const fraction = ((value < 0n ? -value : value) % SCALE).toString().padStart(DECIMALS, '0').replace(/0+$/, '');
  return fraction.length;
}

export function mul(a: bigint, b: bigint): bigint {
  return (a * b) / SCALE;
}

/** a / b truncated towards zero at 18 decimals. */
export function div(a: bigint, b: bigint): bigint {
  return (a * SCALE) / b;
}

/** Largest multiple of `step` not above `value`. */
export function floorTo(value: bigint, step: bigint): bigint {
  return (value / step) * step;
}

/** Binance keeps commissions and wallet movements at 8 decimals: truncated towards zero. */
export function toEightDecimals(value: bigint): bigint {
  const unit = 10n ** 10n;
  return (value / unit) * unit;
}

export function roundTo(value: bigint, step: bigint): bigint {
  return ((value + step / 2n) / step) * step;
}

export function minOf(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

export function absOf(a: bigint): bigint {
  return a < 0n ? -a : a;
}

/** Decimal from a float, for the simulated market only (never for balances). */
export function fromFloat(value: number, step: bigint): bigint {
  return roundTo(BigInt(Math.round(value * 1e9)) * 10n ** 9n, step);
}

export function toFloat(value: bigint): number {
  return Number(value) / 1e18;
}
