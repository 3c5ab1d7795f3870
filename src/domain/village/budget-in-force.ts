import { DomainError } from '../shared/domain-error';
import { rupiah, toAmountText, type Rupiah } from '../shared/money';
import { PersistentMap } from '../shared/persistent-map';
import { unlessWaived, type VillageContext } from './context';
import type { BudgetLine, BudgetLines } from './lines';
import type { BudgetState } from './state';

/** The budget a payment is checked against on its business date. */
export interface BudgetAt {
  lines: BudgetLines;
  /** The label of the enacted version in force; undefined before any enactment. */
  label: string | undefined;
}

/**
 * The latest version enacted on or before the date. Before any enactment
 * the lines still being enacted (first version, else the draft) cap the
 * operational kegiatan the policy lets the village pay.
 */
export function budgetAt(budget: BudgetState, date: string): BudgetAt {
  const inForce = budget.versions.filter((version) => version.enactedBy.date <= date).at(-1);
  if (inForce) return { lines: inForce.lines, label: inForce.label };
  const pending = budget.versions[0]?.lines ?? budget.draft?.lines ?? PersistentMap.empty();
  return { lines: pending, label: undefined };
}

export function requireBudgetLine(
  budget: BudgetAt,
  field: string,
  lineId: string,
): BudgetLine | DomainError {
  return budget.lines.get(lineId) ?? new DomainError('LINE_KNOWN', field, lineId);
}

function isOperational(line: BudgetLine, context: VillageContext): boolean {
  return (
    line.kind === 'spending' &&
    context.reference.policy.operationalBeforeEnactment.includes(line.kegiatanCode)
  );
}

/** Realising `realisedAfter` on a line: allowed by the version in force and, but for receipts, within its amount. */
export function checkLineRealisation(
  budget: BudgetAt,
  context: VillageContext,
  lineId: string,
  realisedBefore: Rupiah,
  realisedAfter: Rupiah,
): DomainError | undefined {
  const line = requireBudgetLine(budget, 'lineId', lineId);
  if (line instanceof DomainError) return line;
  if (budget.label === undefined && !isOperational(line, context)) {
    const kegiatan = line.kind === 'spending' ? line.kegiatanCode : line.account;
    return new DomainError('PAYMENT_BEFORE_ENACTMENT', 'lineId', lineId, {
      id: `kegiatan ${kegiatan}`,
      en: `kegiatan ${kegiatan}`,
    });
  }
  // A financing receipt's line is an estimate, like revenue; only spending lines are ceilings.
  if (line.kind === 'financing' && line.direction === 'receipt') return undefined;
  const budgeted = rupiah(line.amount);
  if (!realisedAfter.greaterThan(budgeted)) return undefined;
  const left = toAmountText(budgeted.minus(realisedBefore));
  const version = budget.label ?? '-';
  const overspent = new DomainError('BUDGET_LINE_AVAILABLE', 'lineId', lineId, {
    id: `sisa ${left} pada ${version}`,
    en: `${left} left in ${version}`,
  });
  return unlessWaived(context, overspent);
}
