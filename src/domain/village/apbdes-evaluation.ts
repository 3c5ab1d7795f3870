import { DomainError } from '../shared/domain-error';
import { villageFact, type VillageDecision } from './area';
import { requireStage, stagesBefore } from './budget-stage';
import type { ApbdesEvaluation } from './commands';
import type { BudgetState } from './state';

/**
 * The rules of the camat's evaluation of a submitted APBDes draft, checked
 * where the camat records it (the regency stream, over the village's stream as
 * the regency holds it) and again where the village takes it in.
 */
export function checkEvaluation(
  budget: BudgetState,
  evaluation: ApbdesEvaluation,
): DomainError | undefined {
  if (budget.evaluationReferences.includes(evaluation.reference))
    return new DomainError('EVALUATION_REFERENCE_UNIQUE', 'reference', evaluation.reference);
  const draft = requireStage(budget, stagesBefore('RecordApbdesEvaluation'));
  if (draft instanceof DomainError) return draft;
  if (evaluation.outcome === 'approved') return undefined;
  const { remarks } = evaluation;
  if (remarks.length === 0) return new DomainError('CORRECTION_REMARKS', 'remarks', '[]');
  const unknown = remarks.findIndex((remark) => !draft.lines.has(remark.lineId));
  return unknown >= 0
    ? new DomainError('LINE_KNOWN', `remarks[${unknown}].lineId`, remarks[unknown]?.lineId ?? '')
    : undefined;
}

/** The village's fact of an evaluation it takes in: approved, or corrections per line. */
export function evaluationFacts({
  date,
  reference,
  outcome,
  remarks,
}: ApbdesEvaluation): VillageDecision {
  return outcome === 'approved'
    ? [villageFact('ApbdesEvaluationApproved', { date, reference }, date)]
    : [villageFact('ApbdesCorrectionsRequested', { date, reference, remarks }, date)];
}

/** The evaluations the regency recorded for the village that the village has not taken in yet. */
export function evaluationsNotTakenIn(
  evaluations: readonly ApbdesEvaluation[],
  budget: BudgetState,
): ApbdesEvaluation[] {
  return evaluations.filter(
    (evaluation) => !budget.evaluationReferences.includes(evaluation.reference),
  );
}
