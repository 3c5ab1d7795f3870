import { DomainError } from '../shared/domain-error';
import type { RuleId } from '../shared/rules';
import {
  countVersions,
  latestVersion,
  type BudgetDraft,
  type BudgetState,
  type BudgetVersion,
  type DraftStage,
} from './state';

/** The draft when it is at one of the allowed stages; otherwise the rule that forbids the step. */
export function requireStage(
  budget: BudgetState,
  allowed: readonly DraftStage[],
  rule: RuleId = 'BUDGET_LIFECYCLE',
): BudgetDraft | DomainError {
  const { draft } = budget;
  if (!draft) {
    const latest = latestVersion(budget);
    return latest
      ? new DomainError('ENACTED_VERSION_IMMUTABLE', 'version', latest.label)
      : new DomainError('BUDGET_LIFECYCLE', 'stage', 'none');
  }
  return allowed.includes(draft.stage) ? draft : new DomainError(rule, 'stage', draft.stage);
}

/** No version may be in preparation (a new draft, amendment or Perkades change would race it). */
export function requireNoDraft(budget: BudgetState): DomainError | undefined {
  return budget.draft
    ? new DomainError('BUDGET_LIFECYCLE', 'stage', budget.draft.stage)
    : undefined;
}

/** The latest enacted version, which amendments and Perkades changes start from. */
export function requireEnacted(budget: BudgetState): BudgetVersion | DomainError {
  return latestVersion(budget) ?? new DomainError('BUDGET_LIFECYCLE', 'stage', 'none');
}

const LABELS: Record<BudgetVersion['kind'], (count: number) => string> = {
  original: () => 'APBDes awal',
  amendment: (count) => `Perubahan ${count}`,
  perkades: (count) => `Perkades ${count}`,
};

/** The label and sequence the next version of a kind will carry ("Perubahan 1", "Perkades 2", …). */
export function nextVersion(budget: BudgetState, kind: BudgetVersion['kind']) {
  return {
    label: LABELS[kind](countVersions(budget, kind) + 1),
    sequence: budget.versions.length + 1,
  };
}

/** The lifecycle commands that move a version in preparation from one stage to the next. */
export type LifecycleStep =
  | 'SubmitApbdesToBpd'
  | 'RecordBpdAgreement'
  | 'SubmitApbdesForEvaluation'
  | 'RecordApbdesEvaluation'
  | 'EnactApbdes';

/** The step each stage waits for: corrections go back to the camat once the lines are fixed. */
export const NEXT_STEP: Record<DraftStage, LifecycleStep> = {
  draft: 'SubmitApbdesToBpd',
  submittedToBpd: 'RecordBpdAgreement',
  agreedByBpd: 'SubmitApbdesForEvaluation',
  submittedForEvaluation: 'RecordApbdesEvaluation',
  correctionsRequested: 'SubmitApbdesForEvaluation',
  evaluationApproved: 'EnactApbdes',
};

/** The stages from which a step may be taken. */
export function stagesBefore(step: LifecycleStep): DraftStage[] {
  return (Object.keys(NEXT_STEP) as DraftStage[]).filter((stage) => NEXT_STEP[stage] === step);
}

/** The latest version a Perdes enacted: the one a Perkades Penjabaran elaborates. */
export function latestPerdes(budget: BudgetState): BudgetVersion | undefined {
  return [...budget.versions].reverse().find((version) => version.enactedBy.document === 'Perdes');
}
