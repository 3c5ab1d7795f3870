import type { ReferenceData } from '../reference/reference-data';
import type { BudgetState } from '../village/state';

/** What a regency decision needs besides its own state; the app supplies it. */
export interface RegencyContext {
  regencyCode: string;
  fiscalYear: number;
  reference: ReferenceData;
  /**
   * For the camat's evaluation: the budget of the village it names, from that
   * village's stream as this server holds it (its own, or a node's read-only copy).
   */
  evaluatedBudget?: BudgetState;
}
