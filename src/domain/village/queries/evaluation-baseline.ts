import { apply } from '../../shared/decider';
import { villageCore } from '../decider';
import type { VillageEvent } from '../events';
import type { BudgetLines } from '../lines';
import { initialVillageState, latestVersion, type DraftStage, type VillageState } from '../state';

/** The version of the APBDes a draft with the camat is compared with. */
export interface EvaluationBaseline {
  /** `returned`: the draft as submitted before the camat asked for corrections; `enacted`: a version in force. */
  kind: 'returned' | 'enacted';
  label: string;
  fiscalYear: number;
  lines: BudgetLines;
}

/** Stages at which the draft's lines are the ones last submitted to the camat. */
const AS_SUBMITTED: readonly DraftStage[] = ['submittedForEvaluation', 'evaluationApproved'];

/**
 * The draft's lines at each submission to the camat since the version in
 * preparation began, folded with the stream's own evolvers (the state keeps
 * only the draft's present lines).
 */
export function submissionsToCamat(events: Iterable<VillageEvent>): BudgetLines[] {
  let state = initialVillageState;
  let submissions: BudgetLines[] = [];
  for (const event of events) {
    state = apply(villageCore, state, event);
    const { draft } = state.budget;
    if (!draft) submissions = [];
    else if (event.type === 'ApbdesSubmittedForEvaluation')
      submissions = [...submissions, draft.lines];
  }
  return submissions;
}

/**
 * What the draft is compared with: its previous submission the camat
 * returned, else the latest version enacted this year (an amendment's
 * starting point), else the latest version of the previous year; undefined
 * when there is none (every line is new).
 */
export function evaluationBaseline(
  state: VillageState,
  fiscalYear: number,
  submissions: readonly BudgetLines[],
  previousYear: VillageState | undefined,
): EvaluationBaseline | undefined {
  const stage = state.budget.draft?.stage;
  const earlier =
    stage !== undefined && AS_SUBMITTED.includes(stage) ? submissions.slice(0, -1) : submissions;
  const returned = earlier.at(-1);
  if (returned)
    return {
      kind: 'returned',
      label: `Pengajuan ke-${earlier.length} yang dikembalikan untuk perbaikan`,
      fiscalYear,
      lines: returned,
    };
  const enacted = latestVersion(state.budget);
  if (enacted) return { kind: 'enacted', label: enacted.label, fiscalYear, lines: enacted.lines };
  const before = previousYear && latestVersion(previousYear.budget);
  return (
    before && {
      kind: 'enacted',
      label: before.label,
      fiscalYear: fiscalYear - 1,
      lines: before.lines,
    }
  );
}
