import fc from 'fast-check';
import { rupiah, sum, toAmountText } from '../../src/domain/shared/money';
import type { BudgetLine } from '../../src/domain/village/lines';
import { budgetLineChanges, totalChanges } from '../../src/domain/village/queries/budget-diff';

const revenue = (lineId: string, amount: string, description = lineId): BudgetLine => ({
  kind: 'revenue',
  lineId,
  account: '4.2.1.01',
  source: 'DDS',
  amount,
  description,
});

const financing = (lineId: string, amount: string): BudgetLine => ({
  kind: 'financing',
  lineId,
  account: '6.1.1.01',
  source: 'DDS',
  amount,
  description: lineId,
  direction: 'receipt',
});

/** A version: up to six lines with distinct ids, each revenue or financing, whole Rupiah amounts. */
const version = fc
  .uniqueArray(
    fc.record({
      lineId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      amount: fc.integer({ min: 1, max: 5_000_000 }).map((value) => `${value}.00`),
      financing: fc.boolean(),
    }),
    { selector: (line) => line.lineId, maxLength: 6 },
  )
  .map((lines) =>
    lines.map((line) =>
      line.financing ? financing(line.lineId, line.amount) : revenue(line.lineId, line.amount),
    ),
  );

const total = (lines: readonly BudgetLine[]) => sum(lines.map((line) => rupiah(line.amount)));

describe('the differences between two versions of the APBDes', () => {
  test('a line added, one removed, one changed, one the same', () => {
    const before = [
      revenue('r-dds', '100000000'),
      revenue('r-pad', '5000000'),
      financing('f', '1'),
    ];
    const after = [
      revenue('r-dds', '120000000'),
      revenue('r-add', '60000000'),
      financing('f', '1'),
    ];
    expect(budgetLineChanges(before, after)).toEqual([
      expect.objectContaining({
        lineId: 'r-add',
        change: 'added',
        before: null,
        after: '60000000',
        difference: '60000000.00',
      }),
      expect.objectContaining({
        lineId: 'r-dds',
        change: 'changed',
        before: '100000000',
        after: '120000000',
        difference: '20000000.00',
        changedFields: ['amount'],
      }),
      expect.objectContaining({
        lineId: 'r-pad',
        change: 'removed',
        before: '5000000',
        after: null,
        difference: '-5000000.00',
      }),
    ]);
  });

  test('a line whose description alone changed is changed with no difference in amount', () => {
    const [change] = budgetLineChanges([revenue('r', '10', 'lama')], [revenue('r', '10', 'baru')]);
    expect(change).toMatchObject({ change: 'changed', difference: '0.00' });
    expect(change!.changedFields).toEqual(['description']);
  });

  test('totals before and after, with their difference', () => {
    expect(
      totalChanges({ revenue: '100.00', surplus: '-5.00' }, { revenue: '80.00', surplus: '5.00' }),
    ).toEqual({
      revenue: { before: '100.00', after: '80.00', difference: '-20.00' },
      surplus: { before: '-5.00', after: '5.00', difference: '10.00' },
    });
  });

  test('the differences add up to the change of the total, and none between a version and itself', () => {
    fc.assert(
      fc.property(version, version, (before, after) => {
        const changes = budgetLineChanges(before, after);
        expect(toAmountText(sum(changes.map((change) => rupiah(change.difference))))).toBe(
          toAmountText(total(after).minus(total(before))),
        );
        const ids = (lines: BudgetLine[]) => new Set(lines.map((line) => line.lineId));
        for (const change of changes) {
          expect(ids(before).has(change.lineId)).toBe(change.change !== 'added');
          expect(ids(after).has(change.lineId)).toBe(change.change !== 'removed');
        }
        expect(budgetLineChanges(after, after)).toEqual([]);
      }),
    );
  });
});
