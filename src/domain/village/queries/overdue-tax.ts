import type { Policy } from '../../reference/reference-data';
import { rupiah, toAmountText, ZERO, type Rupiah } from '../../shared/money';
import { balanceOf } from '../books';
import { taxDueDate } from '../calendar';
import type { VillageState } from '../state';

/**
 * Monitored, not enforced: tax withheld and not deposited by its due date.
 * Deposits settle the oldest withholding first; tax carried from last year
 * is due from the first day of the year.
 */
export interface OverdueTax {
  tax: string;
  /** Withheld and not yet deposited. */
  payable: string;
  /** The part of it past its due date. */
  overdue: string;
}

export function overdueTax(state: VillageState, policy: Policy, asOf: string): OverdueTax[] {
  const dueByTax = new Map<string, Rupiah>();
  const depositedByTax = new Map<string, Rupiah>();
  const add = (map: Map<string, Rupiah>, tax: string, amount: Rupiah) =>
    map.set(tax, (map.get(tax) ?? ZERO).plus(amount));
  for (const carried of state.fiscalYear?.taxPayable ?? []) {
    add(dueByTax, carried.tax, rupiah(carried.amount));
  }
  for (const entry of state.books.entries.values()) {
    for (const movement of entry.movements) {
      if (movement.kind !== 'tax') continue;
      if (movement.amount.isNegative()) add(depositedByTax, movement.id, movement.amount.negated());
      else if (taxDueDate(policy, entry.date) < asOf) add(dueByTax, movement.id, movement.amount);
    }
  }
  const taxes = new Set([...dueByTax.keys(), ...depositedByTax.keys()]);
  return [...taxes].map((tax) => {
    const overdue = (dueByTax.get(tax) ?? ZERO).minus(depositedByTax.get(tax) ?? ZERO);
    return {
      tax,
      payable: toAmountText(balanceOf(state.books, 'tax', tax)),
      overdue: toAmountText(overdue.isNegative() ? ZERO : overdue),
    };
  });
}
