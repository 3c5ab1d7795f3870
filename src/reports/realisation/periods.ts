import { ZERO, type Rupiah } from '../../domain/shared/money';
import { balancesOf, type MovementKind } from '../../domain/village/books';
import type { VillageView } from '../../../projections/folds/village-books';

/** A report's period: both ends inclusive, as `YYYY-MM-DD`. */
export interface Period {
  from: string;
  to: string;
}

export const fullYear = (fiscalYear: number): Period => ({
  from: `${fiscalYear}-01-01`,
  to: `${fiscalYear}-12-31`,
});

export const semesterOne = (fiscalYear: number): Period => ({
  from: `${fiscalYear}-01-01`,
  to: `${fiscalYear}-06-30`,
});

/**
 * Σ of one kind of the domain's movements per id, over entries dated within
 * the period. A period covering the whole year is the domain's balance itself
 * (no need to fold the year's entries).
 */
export function movementsWithin(
  state: VillageView,
  kind: MovementKind,
  period: Period,
): Map<string, Rupiah> {
  const year = fullYear(state.fiscalYear!.fiscalYear);
  if (period.from <= year.from && period.to >= year.to)
    return new Map(balancesOf(state.books, kind));
  const totals = new Map<string, Rupiah>();
  for (const entry of state.whole().books.entries.values()) {
    if (entry.date < period.from || entry.date > period.to) continue;
    for (const movement of entry.movements) {
      if (movement.kind === kind)
        totals.set(movement.id, (totals.get(movement.id) ?? ZERO).plus(movement.amount));
    }
  }
  return totals;
}
