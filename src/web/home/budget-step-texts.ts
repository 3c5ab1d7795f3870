import type { BudgetStep, WaitingBudgetStep } from '../../domain/village/queries/budget-steps';
import type { DraftStage } from '../../domain/village/state';

/** Each APBDes draft stage and lifecycle step as the village says it. */
export const STAGE_NAMES: Record<DraftStage, string> = {
  draft: 'rancangan',
  submittedToBpd: 'diajukan ke BPD',
  agreedByBpd: 'disepakati BPD',
  submittedForEvaluation: 'dalam evaluasi camat',
  evaluationApproved: 'evaluasi disetujui',
  correctionsRequested: 'perlu perbaikan hasil evaluasi',
};

const STEP_TEXTS: Record<BudgetStep, (subject: string) => string> = {
  SubmitApbdesToBpd: () => 'Ajukan rancangan APBDes ke BPD',
  RecordBpdAgreement: () => 'Catat kesepakatan BPD atas rancangan APBDes',
  SubmitApbdesForEvaluation: (stage) =>
    `Ajukan rancangan APBDes untuk evaluasi camat (${STAGE_NAMES[stage as DraftStage]})`,
  RecordApbdesEvaluation: () => 'Catat hasil evaluasi rancangan APBDes',
  EnactApbdes: () => 'Tetapkan APBDes dengan Perdes',
  ElaborateApbdes: (label) => `Tetapkan Perkades Penjabaran ${label}`,
};

export const budgetStepText = ({ step, subject }: WaitingBudgetStep): string =>
  STEP_TEXTS[step](subject);
