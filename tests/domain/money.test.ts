import {
  exactProduct,
  formatRupiah,
  rupiah,
  sum,
  toAmountText,
  wholePercentOf,
} from '../../src/domain/shared/money';

describe('money', () => {
  it('parses rupiah from strings only and keeps at most two decimals', () => {
    expect(toAmountText(rupiah('1500000'))).toBe('1500000.00');
    expect(toAmountText(rupiah('0.1'))).toBe('0.10');
    expect(() => rupiah('1.005')).toThrow(RangeError);
    expect(() => rupiah('1e6')).toThrow(RangeError);
    expect(() => rupiah('1.500.000')).toThrow(RangeError);
  });

  it('sums exactly where floating point would not', () => {
    expect(toAmountText(sum(['0.10', '0.20'].map(rupiah)))).toBe('0.30');
    expect(toAmountText(sum(Array.from({ length: 1000 }, () => rupiah('0.01'))))).toBe('10.00');
  });

  it('multiplies volume × unit price only when the result fits two decimals', () => {
    expect(exactProduct('2.5', rupiah('1250000.50'))?.toFixed(2)).toBe('3125001.25');
    expect(exactProduct('0.333', rupiah('1000.01'))).toBeUndefined();
  });

  it('takes percentages rounded down to whole rupiah', () => {
    expect(toAmountText(wholePercentOf(rupiah('120000000.01'), '60'))).toBe('72000000.00');
    expect(toAmountText(wholePercentOf(rupiah('1000001'), '40'))).toBe('400000.00');
    expect(toAmountText(wholePercentOf(rupiah('999'), '33.5'))).toBe('334.00');
  });

  it('formats whole rupiah with dots for reports', () => {
    expect(formatRupiah(rupiah('1500000'))).toBe('1.500.000');
    expect(formatRupiah(rupiah('2618000000.49'))).toBe('2.618.000.000');
    expect(formatRupiah(rupiah('999.50'))).toBe('1.000');
    expect(formatRupiah(rupiah('-1500000'))).toBe('-1.500.000');
    expect(formatRupiah(rupiah('0'))).toBe('0');
  });
});
