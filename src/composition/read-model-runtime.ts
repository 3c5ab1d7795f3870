import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CheckpointStore } from '../../projections/engine/checkpoint-store';
import { openProjectionDatabase } from '../../projections/engine/projection-database';
import { ProjectionEngine } from '../../projections/engine/projection-engine';
import { projectionList, readModelProjections } from '../../projections/read-models/read-models';
import { referenceLookup } from '../../projections/folds/reference-lookup';
import { storedEvents } from '../../projections/folds/unfolded-events';
import {
  DEFAULT_REFERENCE_ROOT,
  loadReferenceData,
  type ReferenceCatalog,
} from '../app/load-reference-data';
import type { Config } from './config';
import type { ReferenceData } from '../domain/reference/reference-data';
import { FISCAL_YEAR_PATTERN } from '../domain/shared/fiscal-year';
import { streamRangeReader } from '../eventstore/embedded';
import type { EventStore } from '../eventstore/port';

/** Every (fiscal year, regency) folder of the reference data, loaded and validated. */
export function allReferenceData(root: string = DEFAULT_REFERENCE_ROOT): ReferenceData[] {
  return readdirSync(root)
    .filter((year) => FISCAL_YEAR_PATTERN.test(year))
    .flatMap((year) => {
      const folder = path.join(root, year, 'regencies');
      const regencies = existsSync(folder) ? readdirSync(folder) : [];
      return regencies.map((code) => loadReferenceData(Number(year), code, root));
    });
}

/**
 * The read models the server and the CLI share: every projection, fed by one
 * engine. Given the server's catalog, projections see the registered regions
 * too (a registered village's monitoring row has its name and district).
 */
export function openReadModels(
  store: EventStore,
  config: Pick<Config, 'store' | 'dataDir'>,
  reference?: ReferenceCatalog,
) {
  const database = openProjectionDatabase(config);
  const lookup = reference
    ? (fiscalYear: number, regencyCode: string) => reference.get(fiscalYear, regencyCode)
    : referenceLookup(allReferenceData());
  // The embedded store's file is the projections' database: the ledger's books read back
  // the events they fold from it, keeping none of their own.
  const unfoldedOf =
    config.store === 'embedded' ? storedEvents(streamRangeReader(database)) : undefined;
  const projections = readModelProjections(lookup, undefined, unfoldedOf);
  const engine = new ProjectionEngine(
    store,
    new CheckpointStore(database),
    projectionList(projections),
  );
  return { engine, projections, close: () => database.close() };
}
