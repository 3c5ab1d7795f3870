import { DomainError } from '../shared/domain-error';
import { rupiah, toAmountText, ZERO, type Rupiah } from '../shared/money';
import { budgetTotals, unassigned, type BudgetTotals } from './budget-totals';
import { unlessWaived, type VillageContext } from './context';
import type { BudgetLines } from './lines';
import { silpaRecordedOn } from './opening';
import type { BudgetState, FiscalYearState } from './state';

/**
 * The rules a budget version must satisfy before it goes to the BPD, to
 * evaluation, or is enacted (drafts in progress may break them).
 */
export function checkBudget(
  lines: BudgetLines,
  fiscalYear: FiscalYearState,
  budget: BudgetState,
  context: VillageContext,
): DomainError | undefined {
  const totals = budgetTotals(lines, context.reference);
  return [
    checkSilpa(totals, fiscalYear),
    checkSourcesCovered(totals),
    checkBalanced(totals),
    checkAllocations(totals, budget, context),
  ].find((refusal) => unlessWaived(context, refusal));
}

function amounts(a: Rupiah, b: Rupiah) {
  return {
    id: `${toAmountText(a)} > ${toAmountText(b)}`,
    en: `${toAmountText(a)} > ${toAmountText(b)}`,
  };
}

/** Until the actual SiLPA is booked, the budget's SiLPA is an estimate the opening cannot bound. */
function checkSilpa(totals: BudgetTotals, fiscalYear: FiscalYearState): DomainError | undefined {
  if (silpaRecordedOn(fiscalYear) === undefined) return undefined;
  for (const [source, sourceTotals] of totals.bySource) {
    const opening = fiscalYear.silpa.find((entry) => entry.source === source);
    const available = opening ? rupiah(opening.amount) : ZERO;
    if (sourceTotals.silpa.greaterThan(available)) {
      return new DomainError(
        'SILPA_WITHIN_OPENING',
        'silpa.source',
        source,
        amounts(sourceTotals.silpa, available),
      );
    }
  }
  return undefined;
}

function checkSourcesCovered(totals: BudgetTotals): DomainError | undefined {
  for (const [source, t] of totals.bySource) {
    const used = t.spending.plus(t.financingExpenditures);
    const available = t.revenue.plus(t.financingReceipts);
    if (used.greaterThan(available)) {
      return new DomainError(
        'BUDGET_SOURCE_COVERED',
        'spending.source',
        source,
        amounts(used, available),
      );
    }
  }
  return undefined;
}

function checkBalanced(totals: BudgetTotals): DomainError | undefined {
  const rest = unassigned(totals);
  return rest.isZero()
    ? undefined
    : new DomainError('BUDGET_BALANCED', 'surplusDeficitPlusNetFinancing', toAmountText(rest));
}

function checkAllocations(
  totals: BudgetTotals,
  budget: BudgetState,
  context: VillageContext,
): DomainError | undefined {
  for (const source of context.reference.fundSources.values()) {
    if (!source.budgetMatchesAllocation) continue;
    const budgeted = totals.bySource.get(source.code)?.revenue ?? ZERO;
    const allocated = rupiah(context.allocations.get(source.code) ?? '0');
    if (budgeted.equals(allocated)) continue;
    const difference = budget.allocationDifferences.get(source.code);
    const explained =
      difference !== undefined &&
      rupiah(difference.allocatedAmount).equals(allocated) &&
      rupiah(difference.budgetedAmount).equals(budgeted);
    if (!explained) {
      return new DomainError(
        'ALLOCATION_MATCHED',
        `revenue.${source.code}`,
        toAmountText(budgeted),
        {
          id: `pagu kabupaten ${toAmountText(allocated)}`,
          en: `regency allocation ${toAmountText(allocated)}`,
        },
      );
    }
  }
  return undefined;
}
