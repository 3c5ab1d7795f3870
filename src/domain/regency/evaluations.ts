import { requireVillage } from '../reference/reference-rules';
import { DomainError } from '../shared/domain-error';
import { checkEvaluation, evaluationsNotTakenIn } from '../village/apbdes-evaluation';
import { initialVillageState } from '../village/state';
import { regencyFact, whenOpen, type RegencyEvolvers, type RegencyHandlers } from './area';

/**
 * The camat's evaluation of a village's submitted APBDes draft. It is the
 * regency's fact (one writer per stream: a village node writes the village's
 * stream); the village takes it in by ReceiveApbdesEvaluation. Until it has,
 * no next evaluation of that village is recorded.
 */
export const evaluationHandlers: RegencyHandlers<'RecordApbdesEvaluation'> = {
  RecordApbdesEvaluation: whenOpen<'RecordApbdesEvaluation'>((command, state, context) => {
    const { villageCode, ...evaluation } = command.payload;
    const village = requireVillage(context.reference, 'villageCode', villageCode);
    if (village instanceof DomainError) return village;
    const earlier = state.evaluations.get(villageCode) ?? [];
    if (earlier.some((recorded) => recorded.reference === evaluation.reference))
      return new DomainError('EVALUATION_REFERENCE_UNIQUE', 'reference', evaluation.reference);
    const budget = context.evaluatedBudget ?? initialVillageState.budget;
    const waiting = evaluationsNotTakenIn(earlier, budget)[0];
    if (waiting)
      return new DomainError('EVALUATION_AWAITS_VILLAGE', 'villageCode', villageCode, {
        id: `surat ${waiting.reference}`,
        en: `reference ${waiting.reference}`,
      });
    return (
      checkEvaluation(budget, evaluation) ?? [
        regencyFact('ApbdesEvaluated', command.payload, evaluation.date),
      ]
    );
  }),
};

export const evaluationEvolvers: RegencyEvolvers<'ApbdesEvaluated'> = {
  ApbdesEvaluated: (state, event) => {
    const { villageCode } = event.data;
    const earlier = state.evaluations.get(villageCode) ?? [];
    return { ...state, evaluations: state.evaluations.set(villageCode, [...earlier, event.data]) };
  },
};
