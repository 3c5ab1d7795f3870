import { apbdesDocumentsProjection } from './apbdes-documents';
import { fundFlowProjection } from './fund-flow';
import { planningTrailProjection } from './planning-trail';
import { projectOutputsProjection } from './project-outputs';
import type { Projection } from '../engine/projection';
import type { ReferenceLookup } from '../folds/reference-lookup';
import type { UnfoldedEventsOf } from '../folds/village-books';
import { regencyMonitoringProjection, type MonitoringDeadlines } from './regency-monitoring';
import { villageLedgerProjection } from './village-ledger';

/**
 * Every read-model projection, as the app registers them with the engine.
 * `unfoldedOf`: where the village books find the events they have not folded yet (default: kept in memory).
 */
export function readModelProjections(
  lookup: ReferenceLookup,
  deadlines?: MonitoringDeadlines,
  unfoldedOf?: UnfoldedEventsOf,
) {
  return {
    apbdesDocuments: apbdesDocumentsProjection(lookup),
    fundFlow: fundFlowProjection(),
    planningTrail: planningTrailProjection(lookup),
    regencyMonitoring: regencyMonitoringProjection(lookup, deadlines),
    villageLedger: villageLedgerProjection(unfoldedOf),
    projectOutputs: projectOutputsProjection(),
  };
}

export type ReadModelProjections = ReturnType<typeof readModelProjections>;

export function projectionList(projections: ReadModelProjections): Projection<unknown>[] {
  return Object.values(projections) as Projection<unknown>[];
}
