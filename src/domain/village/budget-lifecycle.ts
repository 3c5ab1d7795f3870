import { DomainError } from '../shared/domain-error';
import { ImpossibleEventError } from '../shared/impossible-event';
import { villageFact, whenOpen, type VillageEvolvers, type VillageHandlers } from './area';
import { requireDraft, updateDraft } from './budget-drafting';
import { checkEvaluation, evaluationFacts } from './apbdes-evaluation';
import { checkBudget } from './budget-rules';
import { latestPerdes, nextVersion, requireStage, stagesBefore } from './budget-stage';
import type { VillageContext } from './context';
import type { VillageEventOf } from './events';
import type {
  BudgetDraft,
  BudgetVersion,
  DraftStage,
  FiscalYearState,
  VillageState,
} from './state';

/**
 * Draft → BPD → agreed → evaluation → approved or corrections → Perdes →
 * Penjabaran (Perkades). The camat's evaluation is recorded on the regency
 * stream; the village takes it in here.
 */
export const lifecycleHandlers: VillageHandlers<
  | 'SubmitApbdesToBpd'
  | 'RecordBpdAgreement'
  | 'SubmitApbdesForEvaluation'
  | 'ReceiveApbdesEvaluation'
  | 'EnactApbdes'
  | 'ElaborateApbdes'
> = {
  SubmitApbdesToBpd: whenOpen<'SubmitApbdesToBpd'>((command, state, fiscalYear, context) => {
    const draft = readyDraft(state, stagesBefore('SubmitApbdesToBpd'), fiscalYear, context);
    if (draft instanceof DomainError) return draft;
    return [villageFact('ApbdesSubmittedToBpd', command.payload, command.payload.date)];
  }),

  RecordBpdAgreement: whenOpen<'RecordBpdAgreement'>((command, state) => {
    const draft = requireStage(state.budget, stagesBefore('RecordBpdAgreement'));
    if (draft instanceof DomainError) return draft;
    return [villageFact('ApbdesAgreedByBpd', command.payload, command.payload.date)];
  }),

  SubmitApbdesForEvaluation: whenOpen<'SubmitApbdesForEvaluation'>(
    (command, state, fiscalYear, context) => {
      const draft = readyDraft(
        state,
        stagesBefore('SubmitApbdesForEvaluation'),
        fiscalYear,
        context,
      );
      if (draft instanceof DomainError) return draft;
      return [villageFact('ApbdesSubmittedForEvaluation', command.payload, command.payload.date)];
    },
  ),

  ReceiveApbdesEvaluation: whenOpen<'ReceiveApbdesEvaluation'>((command, state, _year, context) => {
    const { reference } = command.payload;
    const evaluation = context.evaluations?.find((found) => found.reference === reference);
    if (!evaluation) return new DomainError('EVALUATION_KNOWN', 'reference', reference);
    return checkEvaluation(state.budget, evaluation) ?? evaluationFacts(evaluation);
  }),

  EnactApbdes: whenOpen<'EnactApbdes'>((command, state, fiscalYear, context) => {
    const draft = readyDraft(state, stagesBefore('EnactApbdes'), fiscalYear, context);
    if (draft instanceof DomainError) return draft;
    const version = nextVersion(state.budget, draft.kind);
    return [
      villageFact(
        'ApbdesEnacted',
        { ...command.payload, ...version, kind: draft.kind },
        command.payload.date,
      ),
    ];
  }),

  ElaborateApbdes: whenOpen<'ElaborateApbdes'>((command, state) => {
    const perdes = latestPerdes(state.budget);
    if (!perdes) return new DomainError('BUDGET_LIFECYCLE', 'stage', 'none');
    if (perdes.elaboratedBy)
      return new DomainError('ENACTED_VERSION_IMMUTABLE', 'version', perdes.label);
    return [
      villageFact(
        'ApbdesElaborated',
        { ...command.payload, label: perdes.label },
        command.payload.date,
      ),
    ];
  }),
};

/** The draft at an allowed stage that also satisfies the budget rules: ready to leave the village. */
function readyDraft(
  state: VillageState,
  allowed: readonly DraftStage[],
  fiscalYear: FiscalYearState,
  context: VillageContext,
): BudgetDraft | DomainError {
  const draft = requireStage(state.budget, allowed);
  if (draft instanceof DomainError) return draft;
  return checkBudget(draft.lines, fiscalYear, state.budget, context) ?? draft;
}

function toStage(stage: DraftStage) {
  return (state: VillageState, event: { type: string }) =>
    updateDraft(state, event.type, (draft) => ({ ...draft, stage }));
}

export const lifecycleEvolvers: VillageEvolvers<
  | 'ApbdesSubmittedToBpd'
  | 'ApbdesAgreedByBpd'
  | 'ApbdesSubmittedForEvaluation'
  | 'ApbdesEvaluationApproved'
  | 'ApbdesCorrectionsRequested'
  | 'ApbdesEnacted'
  | 'ApbdesElaborated'
> = {
  ApbdesSubmittedToBpd: toStage('submittedToBpd'),
  ApbdesAgreedByBpd: toStage('agreedByBpd'),
  ApbdesSubmittedForEvaluation: toStage('submittedForEvaluation'),
  ApbdesEvaluationApproved: (state, event) =>
    takenIn(toStage('evaluationApproved')(state, event), event.data.reference),
  ApbdesCorrectionsRequested: (state, event) =>
    takenIn(
      updateDraft(state, event.type, (draft) => ({
        ...draft,
        stage: 'correctionsRequested',
        remarks: event.data.remarks,
      })),
      event.data.reference,
    ),
  ApbdesEnacted: (state, event) => {
    const draft = requireDraft(state, event.type);
    const version: BudgetVersion = {
      label: event.data.label,
      sequence: event.data.sequence,
      kind: event.data.kind,
      enactedBy: { document: 'Perdes', number: event.data.perdesNumber, date: event.data.date },
      elaboratedBy: undefined,
      lines: draft.lines,
    };
    return {
      ...state,
      budget: { ...state.budget, draft: undefined, versions: [...state.budget.versions, version] },
    };
  },
  ApbdesElaborated: (state, event) => {
    if (!state.budget.versions.some((version) => version.label === event.data.label))
      throw new ImpossibleEventError(event.type, {
        id: `tidak ada versi APBDes ${event.data.label}`,
        en: `there is no APBDes version ${event.data.label}`,
      });
    return elaborated(state, event.data);
  },
};

function takenIn(state: VillageState, reference: string): VillageState {
  const evaluationReferences = [...state.budget.evaluationReferences, reference];
  return { ...state, budget: { ...state.budget, evaluationReferences } };
}

function elaborated(
  state: VillageState,
  data: VillageEventOf<'ApbdesElaborated'>['data'],
): VillageState {
  return {
    ...state,
    budget: {
      ...state.budget,
      versions: state.budget.versions.map((version) =>
        version.label === data.label
          ? {
              ...version,
              elaboratedBy: { document: 'Perkades', number: data.perkadesNumber, date: data.date },
            }
          : version,
      ),
    },
  };
}
