import { apbdesDocumentsProjection } from './apbdes-documents';
import { fundFlowProjection } from './fund-flow';
import { planningTrailProjection } from './planning-trail';
import { projectOutputsProjection } from './project-outputs';
import type { Projection } from '../engine/projection';
import type { ReferenceLookup } from '../folds/reference-lookup';
import { regencyMonitoringProjection, type MonitoringDeadlines } from './regency-monitoring';
import { villageLedgerProjection } from './village-ledger';

/** Every read-model projection, as the app registers them with the engine. */
export function readModelProjections(lookup: ReferenceLookup, deadlines?: MonitoringDeadlines) {
  return {
    apbdesDocuments: apbdesDocumentsProjection(lookup),
    fundFlow: fundFlowProjection(),
    planningTrail: planningTrailProjection(lookup),
    regencyMonitoring: regencyMonitoringProjection(lookup, deadlines),
    villageLedger: villageLedgerProjection(),
    projectOutputs: projectOutputsProjection(),
  };
}

export type ReadModelProjections = ReturnType<typeof readModelProjections>;

export function projectionList(projections: ReadModelProjections): Projection<unknown>[] {
  return Object.values(projections) as Projection<unknown>[];
}
