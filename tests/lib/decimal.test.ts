import { describe, expect, it } from 'vitest';
import { Decimal } from '../../lib/decimal';

describe('Decimal', () => {
  it('adds, subtracts and multiplies exactly, where floats do not', () => {
    expect(Decimal.from('0.1').plus('0.2').toString()).toBe('0.3');
    expect(Decimal.from('1.000000000000000001').minus('0.000000000000000002').toString()).toBe('0.999999999999999999');
    expect(Decimal.from('123456789.123456789').times('1000000.000001').toString()).toBe('123456789123580.245789123456789');
    expect(Decimal.fromUnits(-1500000n, 6).toString()).toBe('-1.5');
  });

  it('divides to a number of fraction digits, rounding half away from zero', () => {
    expect(Decimal.from(2).dividedBy(3).toString()).toBe('0.666666666666666667');
    expect(Decimal.from(-2).dividedBy(3, 2).toString()).toBe('-0.67');
    expect(Decimal.from('1').dividedBy('-8', 2).toString()).toBe('-0.13');
    expect(() => Decimal.from(1).dividedBy(0)).toThrow(RangeError);
  });

  it('compares by value whatever the scale, and picks the smaller of two', () => {
    expect(Decimal.from('1.50').compare('1.5')).toBe(0);
    expect(Decimal.from('-0.1').compare('0')).toBe(-1);
    expect(Decimal.min(Decimal.from('2'), Decimal.from('1.999999999999999999999')).toString()).toBe('1.999999999999999999999');
    expect(Decimal.from('0.125').rounded(2).toString()).toBe('0.13');
  });

  it('reads JSON numbers as written (exponents included) and refuses what is not a decimal', () => {
    expect(Decimal.from(0.1).toString()).toBe('0.1');
    expect(Decimal.from(1e-7).toString()).toBe('0.0000001');
    expect(Decimal.from(1.5e21).toString()).toBe('1500000000000000000000');
    for (const text of ['', '.', '0x10', 'abc', '1.2.3']) expect(() => Decimal.from(text)).toThrow(RangeError);
  });
});
