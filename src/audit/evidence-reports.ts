import { isDeepStrictEqual } from 'node:util';
import { fundFlowProjection } from '../../projections/read-models/fund-flow';
import {
  fundFlowReport,
  type FlowTotals,
  type FundFlowReport,
  type VillageStates,
} from '../reports/fund-flow/fund-flow-report';
import { fullYear } from '../reports/realisation/periods';
import {
  regencyRealisation,
  type RegencyRealisation,
} from '../reports/realisation/regency-realisation';
import {
  villageRealisation,
  type VillageRealisation,
} from '../reports/realisation/village-realisation';
import {
  villageLedger,
  villageLedgerProjection,
} from '../../projections/read-models/village-ledger';
import { projectAt, type Clocks } from '../../projections/engine/two-clocks';
import type { ReferenceData } from '../domain/reference/reference-data';
import type { EventStore, RecordedEvent } from '../eventstore/port';
import { memoryStoreOf } from './bundled-events';
import type { EvidenceScope } from './evidence-manifest';

/** The report figures a bundle carries (reports.json) and verification re-derives. */
export interface EvidenceReports {
  /** Fund-flow totals of the village (or the whole regency), whole and per source. */
  fundFlow: { totals: FlowTotals; bySource: Record<string, FlowTotals> };
  /** Laporan Realisasi APBDes for the whole year: the village's, or the regency's consolidation. */
  realisation: VillageRealisation | RegencyRealisation;
}

export const REPORTS_FILE = 'reports.json';

function fundFlowFigures(
  report: FundFlowReport,
  scope: EvidenceScope,
): EvidenceReports['fundFlow'] {
  const village = report.districts
    .flatMap((d) => d.villages)
    .find((v) => v.villageCode === scope.villageCode);
  const { totals, bySource } = village ?? report;
  return { totals, bySource };
}

function realisationFigures(
  villageStates: VillageStates,
  scope: EvidenceScope,
  reference: ReferenceData,
): EvidenceReports['realisation'] {
  const period = fullYear(scope.fiscalYear);
  const village = scope.villageCode && villageStates(scope.villageCode);
  return village
    ? villageRealisation(village, reference, period)
    : regencyRealisation(villageStates, reference, period);
}

/**
 * The report figures of a village (or the regency) at the given clocks,
 * through the same projections and report builders the API uses.
 */
export async function reportFigures(
  store: EventStore,
  scope: EvidenceScope,
  reference: ReferenceData,
  clocks: Clocks = {},
): Promise<EvidenceReports> {
  const ledgers = await projectAt(store, villageLedgerProjection(), clocks);
  const villageStates: VillageStates = (villageCode) =>
    villageLedger(ledgers, villageCode, scope.fiscalYear)?.fold;
  const flow = await projectAt(store, fundFlowProjection(), clocks);
  const reports: EvidenceReports = {
    fundFlow: fundFlowFigures(fundFlowReport(flow, reference, villageStates), scope),
    realisation: realisationFigures(villageStates, scope, reference),
  };
  // As plain JSON, the form reports.json holds, so figures compare like for like.
  return JSON.parse(JSON.stringify(reports)) as EvidenceReports;
}

/** Report figures from a bundle's events and reference data alone: no server, no database. */
export async function deriveEvidenceReports(
  events: readonly RecordedEvent[],
  scope: EvidenceScope,
  reference: ReferenceData,
): Promise<EvidenceReports> {
  const store = await memoryStoreOf(events);
  try {
    return await reportFigures(store, scope, reference);
  } finally {
    await store.close();
  }
}

/** The path and both values of the first figure that differs, or undefined when none does. */
export function firstDifference(
  recorded: unknown,
  derived: unknown,
  path = '',
): string | undefined {
  if (isDeepStrictEqual(recorded, derived)) return undefined;
  const bothObjects = [recorded, derived].every((v) => v !== null && typeof v === 'object');
  if (!bothObjects) return `${path}: ${JSON.stringify(recorded)} ≠ ${JSON.stringify(derived)}`;
  const keys = new Set([...Object.keys(recorded as object), ...Object.keys(derived as object)]);
  for (const key of keys) {
    const found = firstDifference(
      (recorded as Record<string, unknown>)[key],
      (derived as Record<string, unknown>)[key],
      path ? `${path}.${key}` : key,
    );
    if (found) return found;
  }
  return `${path}: ${JSON.stringify(recorded)} ≠ ${JSON.stringify(derived)}`;
}
