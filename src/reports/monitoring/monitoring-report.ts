import type { ReferenceData } from '../../domain/reference/reference-data';
import { executionMonitoring, type ExecutionMonitoring } from './execution-monitoring';
import { NO_PROJECTS, projectCountsByVillage, type ProjectCounts } from './project-counts';
import type { VillageStates } from '../fund-flow/fund-flow-report';
import { villageIdentity, type VillageIdentity } from '../../../projections/folds/reference-lookup';
import {
  NATIONAL_DEADLINES,
  type MonitoringDeadlines,
  type RegencyMonitoringState,
  type VillageMonitoring,
} from '../../../projections/read-models/regency-monitoring';
import type { ProjectOutputsState } from '../../../projections/read-models/project-outputs';
import { villageModel } from '../../../projections/read-models/village-stream-projection';

/** onTime/late once enacted; before that, pending until the deadline and overdue after it. */
export type ApbdesStatus = 'onTime' | 'late' | 'pending' | 'overdue';

export interface VillageMonitoringRow extends VillageMonitoring {
  status: ApbdesStatus;
  /** Execution as of the date; null when the village's year has no ledger yet. */
  execution: ExecutionMonitoring | null;
  /** The village's physical projects of the year: behind schedule, without photos, suspected duplicates. */
  projects: ProjectCounts;
}

export interface StatusCounts {
  villages: number;
  onTime: number;
  late: number;
  pending: number;
  overdue: number;
}

export interface DistrictMonitoring {
  districtCode: string;
  districtName: string;
  villages: VillageMonitoringRow[];
  counts: StatusCounts;
}

export interface MonitoringReport {
  regency: { code: string; name: string };
  fiscalYear: number;
  /** The business date the statuses are judged at. */
  asOf: string;
  districts: DistrictMonitoring[];
  counts: StatusCounts;
}

function statusOf(model: VillageMonitoring, asOf: string): ApbdesStatus {
  if (model.apbdes) return model.apbdes.onTime ? 'onTime' : 'late';
  return asOf > model.apbdesDeadline ? 'overdue' : 'pending';
}

function countStatuses(rows: VillageMonitoringRow[]): StatusCounts {
  const counts: StatusCounts = {
    villages: rows.length,
    onTime: 0,
    late: 0,
    pending: 0,
    overdue: 0,
  };
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

/** Every village of the regency (from reference data), with or without events. */
export function monitoringReport(
  state: RegencyMonitoringState,
  reference: ReferenceData,
  asOf: string,
  deadlines: MonitoringDeadlines = NATIONAL_DEADLINES,
  villages: VillageStates = () => undefined,
  projects?: ProjectOutputsState,
): MonitoringReport {
  const { fiscalYear } = reference;
  const projectCounts = projects
    ? projectCountsByVillage(projects, fiscalYear, asOf)
    : new Map<string, ProjectCounts>();
  const rowOf = (identity: VillageIdentity): VillageMonitoringRow => {
    const model = villageModel(state, identity.villageCode, fiscalYear) ?? {
      identity,
      apbdesDeadline: deadlines.apbdesEnactedBy(fiscalYear),
      apbdes: null,
      changes: [],
      importedExceptions: 0,
    };
    const ledger = villages(identity.villageCode);
    return {
      ...model,
      status: statusOf(model, asOf),
      execution: ledger?.fiscalYear ? executionMonitoring(ledger, reference, asOf) : null,
      projects: projectCounts.get(identity.villageCode) ?? NO_PROJECTS,
    };
  };
  const districts = [...reference.districts.values()].map((district) => {
    const villages = [...reference.villages.values()]
      .filter((village) => village.districtCode === district.code)
      .map((village) => rowOf(villageIdentity(reference, village.code, fiscalYear)));
    return {
      districtCode: district.code,
      districtName: district.name,
      villages,
      counts: countStatuses(villages),
    };
  });
  return {
    regency: reference.regency,
    fiscalYear,
    asOf,
    districts,
    counts: countStatuses(districts.flatMap((district) => district.villages)),
  };
}
