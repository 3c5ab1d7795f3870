import { apply } from '../../src/domain/shared/decider';
import { ImpossibleEventError } from '../../src/domain/shared/impossible-event';
import { PersistentMap } from '../../src/domain/shared/persistent-map';
import { villageCore } from '../../src/domain/village/decider';
import type { VillageEvent } from '../../src/domain/village/events';
import type { BudgetLine } from '../../src/domain/village/lines';
import {
  initialVillageState,
  type Activity,
  type AllocationDifference,
  type BudgetDraft,
  type BudgetVersion,
  type VillageState,
} from '../../src/domain/village/state';

/**
 * The part of a village fiscal year that budget read models need, folded by
 * the domain's own evolvers so that "which lines a version has" is decided in
 * one place only.
 */
export type VillageFold = Pick<VillageState, 'fiscalYear' | 'planning' | 'budget'>;

/** The village events that change the fold (part 1: plan and budget). */
export const VILLAGE_FOLD_EVENT_TYPES: VillageEvent['type'][] = [
  'VillageFiscalYearOpened',
  'RkpdesActivityPlanned',
  'ApbdesDraftStarted',
  'ApbdesAmendmentStarted',
  'ApbdesLineDrafted',
  'ApbdesLineRemoved',
  'ApbdesSubmittedToBpd',
  'ApbdesAgreedByBpd',
  'ApbdesSubmittedForEvaluation',
  'ApbdesEvaluationApproved',
  'ApbdesCorrectionsRequested',
  'ApbdesEnacted',
  'ApbdesElaborated',
  'EmergencyRecorded',
  'PerkadesChangeEnacted',
  'AllocationDifferenceRecorded',
  'ActualSilpaRecorded',
  'OpeningCorrected',
];

export const emptyVillageFold = (): VillageFold => ({
  fiscalYear: initialVillageState.fiscalYear,
  planning: initialVillageState.planning,
  budget: initialVillageState.budget,
});

export function foldVillage(fold: VillageFold, event: VillageEvent): VillageFold {
  const next = apply(villageCore, { ...initialVillageState, ...fold }, event);
  return { fiscalYear: next.fiscalYear, planning: next.planning, budget: next.budget };
}

/** A village event met before its stream opened the year: the first event must open it. */
export function beforeYearOpened(eventType: string): ImpossibleEventError {
  return new ImpossibleEventError(eventType, {
    id: 'tahun anggaran desa belum dibuka',
    en: 'the village fiscal year is not open',
  });
}

/** JSON form of the fold: persistent maps as arrays in their insertion order. */
export interface VillageFoldData {
  fiscalYear: VillageFold['fiscalYear'] | null;
  activities: Activity[];
  draft: (Omit<BudgetDraft, 'lines'> & { lines: BudgetLine[] }) | null;
  versions: (Omit<BudgetVersion, 'lines' | 'elaboratedBy'> & {
    elaboratedBy: BudgetVersion['elaboratedBy'] | null;
    lines: BudgetLine[];
  })[];
  emergencies: number;
  allocationDifferences: AllocationDifference[];
}

const linesFrom = (lines: BudgetLine[]) => PersistentMap.from(lines.map((l) => [l.lineId, l]));

export function serializeVillageFold(fold: VillageFold): VillageFoldData {
  const { draft, versions, emergencies, allocationDifferences } = fold.budget;
  return {
    fiscalYear: fold.fiscalYear ?? null,
    activities: [...fold.planning.activities.values()],
    draft: draft ? { ...draft, lines: [...draft.lines.values()] } : null,
    versions: versions.map((version) => ({
      ...version,
      elaboratedBy: version.elaboratedBy ?? null,
      lines: [...version.lines.values()],
    })),
    emergencies,
    allocationDifferences: [...allocationDifferences.values()],
  };
}

export function deserializeVillageFold(data: VillageFoldData): VillageFold {
  return {
    fiscalYear: data.fiscalYear ?? undefined,
    planning: {
      activities: PersistentMap.from(data.activities.map((a) => [a.activityId, a])),
    },
    budget: {
      draft: data.draft ? { ...data.draft, lines: linesFrom(data.draft.lines) } : undefined,
      versions: data.versions.map((version) => ({
        ...version,
        elaboratedBy: version.elaboratedBy ?? undefined,
        lines: linesFrom(version.lines),
      })),
      emergencies: data.emergencies,
      allocationDifferences: PersistentMap.from(
        data.allocationDifferences.map((d) => [d.source, d]),
      ),
      // Which evaluations the village took in matters to a decision, never to a report: not kept.
      evaluationReferences: [],
    },
  };
}
