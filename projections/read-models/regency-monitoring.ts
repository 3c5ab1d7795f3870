import type { LegalDocument } from '../../src/domain/village/state';
import { latestVersion } from '../../src/domain/village/state';
import type { ReferenceLookup, VillageIdentity } from '../folds/reference-lookup';
import { villageStreamProjection, type VillageStreamState } from './village-stream-projection';

/**
 * When the APBDes must be enacted: by 31 December of the year before the
 * fiscal year (Permendagri 20/2018: the Perdes APBDes by 31 December).
 * Monitored, never enforced.
 */
export interface MonitoringDeadlines {
  apbdesEnactedBy(fiscalYear: number): string;
}

export const NATIONAL_DEADLINES: MonitoringDeadlines = {
  apbdesEnactedBy: (fiscalYear) => `${fiscalYear - 1}-12-31`,
};

export interface Enactment {
  label: string;
  enactedBy: LegalDocument;
}

/** The regency monitoring view of one village, part 1: when its APBDes and changes were enacted. */
export interface VillageMonitoring {
  identity: VillageIdentity;
  apbdesDeadline: string;
  /** The original APBDes (Perdes), once enacted. */
  apbdes: (Enactment & { onTime: boolean; daysLate: number }) | null;
  /** Perubahan and Perkades changes, in order. */
  changes: Enactment[];
  /** Imported Siskeudes rows booked despite Kasdesa's rules (ImportedHistoryFlagged). */
  importedExceptions: number;
}

export type RegencyMonitoringState = VillageStreamState<VillageMonitoring>;

const DAY_MS = 86_400_000;

/** Whole days from one plain date to another (dates are ISO, so this needs no clock). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function regencyMonitoringProjection(
  lookup: ReferenceLookup,
  deadlines: MonitoringDeadlines = NATIONAL_DEADLINES,
) {
  return villageStreamProjection<VillageMonitoring>(
    {
      name: 'regency-monitoring',
      version: 2,
      extraEventTypes: ['ImportedHistoryFlagged'],
      initial: (identity) => ({
        identity,
        apbdesDeadline: deadlines.apbdesEnactedBy(identity.fiscalYear),
        apbdes: null,
        changes: [],
        importedExceptions: 0,
      }),
      react(model, event, fold) {
        if (event.type === 'ImportedHistoryFlagged')
          return { ...model, importedExceptions: model.importedExceptions + 1 };
        if (event.type !== 'ApbdesEnacted' && event.type !== 'PerkadesChangeEnacted') return model;
        const version = latestVersion(fold.budget)!;
        const enactment = { label: version.label, enactedBy: version.enactedBy };
        if (version.kind !== 'original')
          return { ...model, changes: [...model.changes, enactment] };
        const daysLate = Math.max(0, daysBetween(model.apbdesDeadline, version.enactedBy.date));
        return { ...model, apbdes: { ...enactment, onTime: daysLate === 0, daysLate } };
      },
    },
    lookup,
  );
}
