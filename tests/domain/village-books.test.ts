import fc from 'fast-check';
import {
  applyMovements,
  balanceOf,
  emptyBooks,
  movement,
  type Movement,
} from '../../src/domain/village/books';
import { rupiah } from '../../src/domain/shared/money';

describe('the books move balances', () => {
  test('one entry moving a key twice moves it by both (two SPP lines of one source, two withholdings of one tax)', () => {
    const books = applyMovements(
      emptyBooks,
      [
        movement('cash', 'bank', '-1900'),
        movement('source', 'DDS', '-1000'),
        movement('source', 'DDS', '-1100'),
        movement('tax', 'PPN', '100'),
        movement('tax', 'PPN', '100'),
      ],
      '2025-03-17',
    );
    expect(balanceOf(books, 'source', 'DDS').toFixed(2)).toBe('-2100.00');
    expect(balanceOf(books, 'tax', 'PPN').toFixed(2)).toBe('200.00');
    expect(balanceOf(books, 'cash', 'bank').toFixed(2)).toBe('-1900.00');
  });

  test('any movements, in one entry or one at a time, leave each balance at the sum of its amounts', () => {
    const movements = fc.array(
      fc.record({
        kind: fc.constantFrom('source' as const, 'tax' as const, 'line' as const),
        id: fc.constantFrom('a', 'b'),
        sen: fc.integer({ min: -1_000_000, max: 1_000_000 }),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(movements, (drawn) => {
        const moved: Movement[] = drawn.map(({ kind, id, sen }) =>
          movement(kind, id, rupiah(String(sen)).div(100)),
        );
        const together = applyMovements(emptyBooks, moved, '2025-01-02');
        const oneByOne = moved.reduce(
          (books, each) => applyMovements(books, [each], '2025-01-02'),
          emptyBooks,
        );
        for (const { kind, id } of drawn) {
          const expected = drawn
            .filter((each) => each.kind === kind && each.id === id)
            .reduce((total, each) => total + each.sen, 0);
          expect(balanceOf(together, kind, id).times(100).toFixed(0)).toBe(String(expected));
          expect(balanceOf(oneByOne, kind, id).eq(balanceOf(together, kind, id))).toBe(true);
        }
      }),
    );
  });
});
