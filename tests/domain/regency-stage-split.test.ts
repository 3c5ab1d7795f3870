import fc from 'fast-check';
import { splitAmount } from '../../src/domain/regency/stages';
import { rupiah, sum, toAmountText } from '../../src/domain/shared/money';

/** Percentages in hundredths that add up to 100: what a stage policy may say. */
const percents = fc
  .array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 4 })
  .map((weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    const hundredths = weights.map((weight) => Math.floor((weight * 10_000) / total));
    hundredths[hundredths.length - 1]! += 10_000 - hundredths.reduce((a, b) => a + b, 0);
    return hundredths.map((each) => (each / 100).toFixed(2));
  });

describe('Dana Desa stages derived as percentages of an allocation', () => {
  test('are whole rupiah and sum exactly to the allocation, the remainder in the last stage', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n }), percents, (allocation, split) => {
        const amount = rupiah(allocation.toString());
        const stages = splitAmount('non-earmarked', amount, split);
        const amounts = stages.map((stage) => rupiah(stage.amount));
        expect(amounts.every((each) => each.isInteger() && !each.isNegative())).toBe(true);
        expect(toAmountText(sum(amounts))).toBe(toAmountText(amount));
        expect(stages.map((stage) => stage.percent)).toEqual(split);
        // Every stage but the last is its share rounded down: less than a rupiah below it.
        for (const [index, each] of amounts.slice(0, -1).entries()) {
          const exact = amount.times(split[index]!).dividedBy(100);
          expect(exact.minus(each).greaterThanOrEqualTo(0) && exact.minus(each).lessThan(1)).toBe(
            true,
          );
        }
      }),
    );
  });
});
