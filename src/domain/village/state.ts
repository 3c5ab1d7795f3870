import { PersistentMap } from '../shared/persistent-map';
import { emptyBooks, type BooksState } from './books';
import type { VillageEventOf } from './events';
import type { BudgetLine, BudgetLines } from './lines';

/**
 * The folded village fiscal year: one sub-state per area so that later
 * areas (receipts, SPP, payments, taxes, closing) add their own.
 */
export interface VillageState {
  fiscalYear: FiscalYearState | undefined;
  planning: PlanningState;
  budget: BudgetState;
  books: BooksState;
  /** SPP by number. */
  paymentRequests: PersistentMap<PaymentRequest>;
  closing: ClosingState;
  /** Corrections of the opening figures by id, proposed by the treasurer, verified by the secretary. */
  openingCorrections: PersistentMap<OpeningCorrection>;
}

export interface OpeningCorrection {
  proposal: VillageEventOf<'OpeningCorrectionProposed'>['data'];
  status: 'proposed' | 'verified' | 'returned';
}

export type PaymentRequestStatus =
  | 'drafted'
  | 'submitted'
  | 'returned'
  | 'verified'
  | 'approved'
  | 'rejected'
  /** LS and PBY: paid, done. */
  | 'paid'
  /** UM: panjar given, to be accounted for by SPJ. */
  | 'advanced'
  /** UM: accounted for, remainder returned. */
  | 'closed';

export interface PaymentRequest {
  request: VillageEventOf<'PaymentRequestDrafted'>['data'];
  status: PaymentRequestStatus;
  verifiedBy: string | undefined;
  reasons: readonly string[];
  payment: VillageEventOf<'PaymentRequestPaid'>['data'] | undefined;
  spjId: string | undefined;
}

export interface ClosingState {
  months: PersistentMap<VillageEventOf<'MonthClosed'>['data']>;
  lastClosedMonth: string | undefined;
  year: VillageEventOf<'FiscalYearClosed'>['data'] | undefined;
}

export type FiscalYearState = VillageEventOf<'VillageFiscalYearOpened'>['data'] & {
  /** The date the actual SiLPA was booked after the opening (RecordActualSilpa). */
  silpaRecordedOn?: string;
};

export type Activity = VillageEventOf<'RkpdesActivityPlanned'>['data'];

export interface PlanningState {
  activities: PersistentMap<Activity>;
}

export type DraftStage =
  | 'draft'
  | 'submittedToBpd'
  | 'agreedByBpd'
  | 'submittedForEvaluation'
  | 'evaluationApproved'
  | 'correctionsRequested';

/** The version being prepared: the original APBDes or a Perubahan. */
export interface BudgetDraft {
  kind: 'original' | 'amendment';
  stage: DraftStage;
  lines: BudgetLines;
  remarks: VillageEventOf<'ApbdesCorrectionsRequested'>['data']['remarks'];
}

export interface LegalDocument {
  document: 'Perdes' | 'Perkades';
  number: string;
  date: string;
}

/** An enacted, immutable budget version ("APBDes awal", "Perubahan 1", "Perkades 1", …). */
export interface BudgetVersion {
  label: string;
  sequence: number;
  kind: 'original' | 'amendment' | 'perkades';
  enactedBy: LegalDocument;
  /** Perkades Penjabaran of a Perdes version. */
  elaboratedBy: LegalDocument | undefined;
  lines: BudgetLines;
}

export type AllocationDifference = VillageEventOf<'AllocationDifferenceRecorded'>['data'];

export interface BudgetState {
  draft: BudgetDraft | undefined;
  versions: readonly BudgetVersion[];
  emergencies: number;
  allocationDifferences: PersistentMap<AllocationDifference>;
  /** The references of the camat's evaluations the village has taken in this year, in order. */
  evaluationReferences: readonly string[];
}

export const initialVillageState: VillageState = {
  fiscalYear: undefined,
  planning: { activities: PersistentMap.empty() },
  budget: {
    draft: undefined,
    versions: [],
    emergencies: 0,
    allocationDifferences: PersistentMap.empty(),
    evaluationReferences: [],
  },
  books: emptyBooks,
  paymentRequests: PersistentMap.empty(),
  closing: { months: PersistentMap.empty(), lastClosedMonth: undefined, year: undefined },
  openingCorrections: PersistentMap.empty(),
};

export function latestVersion(budget: BudgetState): BudgetVersion | undefined {
  return budget.versions.at(-1);
}

export function countVersions(budget: BudgetState, kind: BudgetVersion['kind']): number {
  return budget.versions.filter((version) => version.kind === kind).length;
}

export function findVersion(budget: BudgetState, label: string): BudgetVersion | undefined {
  return budget.versions.find((version) => version.label === label);
}

/** Lines with the upserts applied and the removed ids dropped. */
export function withLineChanges(
  lines: BudgetLines,
  upserts: readonly BudgetLine[],
  removedLineIds: readonly string[] = [],
): BudgetLines {
  const kept = removedLineIds.reduce((next, lineId) => next.delete(lineId), lines);
  return upserts.reduce((next, line) => next.set(line.lineId, line), kept);
}
