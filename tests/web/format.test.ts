import { formatDate, formatMonth, formatRupiah, formatRupiahCell } from '../../src/web/format';

// Intl separates the symbol from the digits with a no-break space.
const NBSP = '\u00a0';

describe('formatRupiah', () => {
  test.each([
    ['1234567', `Rp${NBSP}1.234.567`],
    ['0', `Rp${NBSP}0`],
    ['1234567.50', `Rp${NBSP}1.234.567,50`],
    ['-2500', `-Rp${NBSP}2.500`],
    ['-0.25', `-Rp${NBSP}0,25`],
    ['98765432109876543.21', `Rp${NBSP}98.765.432.109.876.543,21`],
  ])('%s → %s', (amount, shown) => {
    expect(formatRupiah(amount)).toBe(shown);
  });
});

describe('formatRupiahCell: a report cell, negatives in brackets', () => {
  test.each([
    ['1234567', `Rp${NBSP}1.234.567`],
    ['0.00', `Rp${NBSP}0`],
    ['-0.00', `Rp${NBSP}0`],
    ['-1234567', `(Rp${NBSP}1.234.567)`],
    ['-2500.50', `(Rp${NBSP}2.500,50)`],
  ])('%s → %s', (amount, shown) => {
    expect(formatRupiahCell(amount)).toBe(shown);
  });
});

describe('formatDate', () => {
  test.each([
    ['2025-03-04', '04/03/2025'],
    ['2025-12-31T23:30:00.000Z', '31/12/2025'],
  ])('%s → %s', (date, shown) => {
    expect(formatDate(date)).toBe(shown);
  });
});

describe('formatMonth', () => {
  test.each([
    ['2025-03', 'Maret 2025'],
    ['2025-12', 'Desember 2025'],
  ])('%s → %s', (month, shown) => {
    expect(formatMonth(month)).toBe(shown);
  });
});
