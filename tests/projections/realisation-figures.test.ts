import { figures } from '../../src/reports/realisation/figures';
import { rupiah, ZERO } from '../../src/domain/shared/money';

describe('a realisation row: Anggaran, Realisasi, Lebih/(Kurang) and %', () => {
  test.each([
    ['200000000', '150000000', '50000000.00', '75.00'],
    ['300000000', '100000000', '200000000.00', '33.33'],
    ['300000000', '200000000', '100000000.00', '66.67'],
    ['100000000', '125000000.50', '-25000000.50', '125.00'],
    ['8000000', '1', '7999999.00', '0.00'],
    ['8000000', '400', '7999600.00', '0.01'],
    ['1000', '0', '1000.00', '0.00'],
  ])(
    'budget %s, realised %s: Lebih/(Kurang) %s, %s %%',
    (budget, realised, difference, percent) => {
      expect(figures(rupiah(budget), rupiah(realised))).toEqual({
        budget: rupiah(budget).toFixed(2),
        realised: rupiah(realised).toFixed(2),
        difference,
        percent,
      });
    },
  );

  test('nothing budgeted: 0 % as the published reports show it, the whole realisation over budget', () => {
    expect(figures(ZERO, rupiah('5000'))).toEqual({
      budget: '0.00',
      realised: '5000.00',
      difference: '-5000.00',
      percent: '0.00',
    });
  });
});
