import { latestPerdes, NEXT_STEP, type LifecycleStep } from '../budget-stage';
import type { BudgetState } from '../state';

/**
 * The lifecycle command that moves the version in preparation on from its
 * stage, or that elaborates an enacted Perdes version still without its
 * Perkades Penjabaran.
 */
export type BudgetStep = LifecycleStep | 'ElaborateApbdes';

export interface WaitingBudgetStep {
  step: BudgetStep;
  /** The draft's stage, or the enacted version's label for an elaboration. */
  subject: string;
}

export function budgetStepsWaiting(budget: BudgetState): WaitingBudgetStep[] {
  const steps: WaitingBudgetStep[] = [];
  if (budget.draft)
    steps.push({ step: NEXT_STEP[budget.draft.stage], subject: budget.draft.stage });
  const perdes = latestPerdes(budget);
  if (perdes && !perdes.elaboratedBy)
    steps.push({ step: 'ElaborateApbdes', subject: perdes.label });
  return steps;
}

/** Whether the version in preparation waits for the camat's evaluation. */
export const waitsForEvaluation = (budget: BudgetState): boolean =>
  budgetStepsWaiting(budget).some(({ step }) => step === 'RecordApbdesEvaluation');
