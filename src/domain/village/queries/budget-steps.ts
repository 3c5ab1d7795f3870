import type { BudgetState, DraftStage } from '../state';

/**
 * The lifecycle command that moves the version in preparation on from its
 * stage (budget-lifecycle.ts), or that elaborates an enacted Perdes version
 * still without its Perkades Penjabaran.
 */
export type BudgetStep =
  | 'SubmitApbdesToBpd'
  | 'RecordBpdAgreement'
  | 'SubmitApbdesForEvaluation'
  | 'RecordApbdesEvaluation'
  | 'EnactApbdes'
  | 'ElaborateApbdes';

const NEXT_STEP: Record<DraftStage, BudgetStep> = {
  draft: 'SubmitApbdesToBpd',
  submittedToBpd: 'RecordBpdAgreement',
  agreedByBpd: 'SubmitApbdesForEvaluation',
  submittedForEvaluation: 'RecordApbdesEvaluation',
  correctionsRequested: 'SubmitApbdesForEvaluation',
  evaluationApproved: 'EnactApbdes',
};

export interface WaitingBudgetStep {
  step: BudgetStep;
  /** The draft's stage, or the enacted version's label for an elaboration. */
  subject: string;
}

export function budgetStepsWaiting(budget: BudgetState): WaitingBudgetStep[] {
  const steps: WaitingBudgetStep[] = [];
  if (budget.draft)
    steps.push({ step: NEXT_STEP[budget.draft.stage], subject: budget.draft.stage });
  const perdes = [...budget.versions]
    .reverse()
    .find((version) => version.enactedBy.document === 'Perdes');
  if (perdes && !perdes.elaboratedBy)
    steps.push({ step: 'ElaborateApbdes', subject: perdes.label });
  return steps;
}
