import { describe, expect, it } from 'vitest';
import { lineTax, percentToMillionths } from '../../src/stripe/tax-math.ts';

describe('lineTax', () => {
  it('reads percentages exactly', () => {
    expect(percentToMillionths('8.875')).toBe(88_750);
    expect(percentToMillionths('19.0')).toBe(190_000);
  });

  it('adds exclusive tax, rounding halves up', () => {
    expect(lineTax(2000, '8.875', 'exclusive')).toEqual({ tax: 178, taxable: 2000 });
    expect(lineTax(1234, '10.0', 'exclusive')).toEqual({ tax: 123, taxable: 1234 });
    expect(lineTax(5, '10.0', 'exclusive')).toEqual({ tax: 1, taxable: 5 });
  });

  it('takes inclusive tax out of the price, so taxable + tax is the price', () => {
    expect(lineTax(11900, '19.0', 'inclusive')).toEqual({ tax: 1900, taxable: 10000 });
    expect(lineTax(10000, '8.875', 'inclusive')).toEqual({ tax: 815, taxable: 9185 });
    expect(lineTax(99_999_999, '21.0', 'inclusive').taxable).toBe(82_644_627);
  });

  it('charges nothing at a zero rate', () => {
    expect(lineTax(5000, '0.0', 'exclusive')).toEqual({ tax: 0, taxable: 5000 });
  });
});
