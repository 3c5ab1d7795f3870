import type { ReferenceData } from '../reference/reference-data';
import type { DomainError } from '../shared/domain-error';
import type { PreviousYear } from './carry-over';
import type { ApbdesEvaluation } from './commands';
import type { ProjectPaymentFacts } from './project-gate';

/** What a village decision needs besides its own state; the app supplies it. */
export interface VillageContext {
  villageCode: string;
  fiscalYear: number;
  reference: ReferenceData;
  /** The regency's current allocation per fund source for this village (amount text). */
  allocations: ReadonlyMap<string, string>;
  /** What the regency has transferred to this village, keyed `source|stage` (amount text). */
  transfers: ReadonlyMap<string, string>;
  /** The camat's evaluations of this village's APBDes the regency stream holds, oldest first. */
  evaluations?: readonly ApbdesEvaluation[];
  /** For an opening: the previous fiscal year when the ledger holds it. */
  previousYear?: PreviousYear;
  /**
   * Imported history only, never a user's command (the ledger does not set
   * it): rules whose refusal an import of a past year records as a flagged
   * exception, because the year happened so. Amounts are never changed.
   */
  waivedRules?: ReadonlySet<string>;
  /** For an SPP, when the regency's monitoring policy gates payments on the village's projects. */
  projects?: ProjectPaymentFacts;
}

/** The refusal, unless its rule is waived for imported history. */
export function unlessWaived(
  context: VillageContext,
  refusal: DomainError | undefined,
): DomainError | undefined {
  return refusal && context.waivedRules?.has(refusal.rule) ? undefined : refusal;
}
