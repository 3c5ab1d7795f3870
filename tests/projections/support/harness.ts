import { join } from 'node:path';
import { createLedger, type Ledger } from '../../../src/app/ledger';
import type { ReferenceCatalog } from '../../../src/app/load-reference-data';
import type { ReferenceData } from '../../../src/domain/reference/reference-data';
import { withHashChain } from '../../../src/eventstore/chained-store';
import { createMemoryStore } from '../../../src/eventstore/memory';
import type { EventStore } from '../../../src/eventstore/port';
import { openSqliteFile } from '../../../src/eventstore/sqlite-file';
import { CheckpointStore } from '../../../projections/engine/checkpoint-store';
import type { Projection } from '../../../projections/engine/projection';
import { ProjectionEngine } from '../../../projections/engine/projection-engine';
import {
  projectionList,
  readModelProjections,
  type ReadModelProjections,
} from '../../../projections/read-models/read-models';
import { referenceLookup } from '../../../projections/folds/reference-lookup';
import { tempDir } from '../../support/temp-dir';

/** A recorded-time clock the test moves by hand, so "as known at" has fixed instants. */
export function manualClock(start = '2025-01-02T08:00:00.000Z') {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    advance(minutes: number): string {
      now = new Date(now.getTime() + minutes * 60_000);
      return now.toISOString();
    },
  };
}

/**
 * A memory store behind the hash chain, the ledger, and the read-model
 * projections followed live by the engine from the first event.
 */
export async function startHarness(
  reference: ReferenceData,
  catalog?: ReferenceCatalog,
  /** Reference data of further years the projections read (a year-over-year run). */
  otherYears: readonly ReferenceData[] = [],
) {
  const clock = manualClock();
  const store: EventStore = withHashChain(createMemoryStore(clock.now), clock.now);
  const ledger: Ledger = createLedger({ store, ...(catalog ? { reference: catalog } : {}) });
  const projections = readModelProjections(referenceLookup([reference, ...otherYears]));
  const temp = tempDir();
  const engine = new ProjectionEngine(
    store,
    new CheckpointStore(openSqliteFile(join(temp.dir, 'live.sqlite'))),
    projectionList(projections),
  );
  await engine.start();
  return {
    clock,
    reference: () => reference,
    store,
    ledger,
    projections,
    engine,
    temp,
    /** Waits until the live engine has applied every stored event. */
    async settle(): Promise<void> {
      await engine.waitForPosition(await store.headPosition());
    },
    /** A fresh engine over the same store, rebuilding every projection from zero. */
    async rebuild(file = 'rebuilt.sqlite'): Promise<ProjectionEngine> {
      const rebuilt = new ProjectionEngine(
        store,
        new CheckpointStore(openSqliteFile(join(temp.dir, file))),
        projectionList(projections),
      );
      await rebuilt.start();
      return rebuilt;
    },
    async stop(): Promise<void> {
      await engine.stop();
      temp.remove();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** Each projection's state in its stored (serialized) form, for identical-state comparisons. */
export function serializedStates(engine: ProjectionEngine, projections: ReadModelProjections) {
  return Object.fromEntries(
    Object.entries(projections).map(([key, projection]) => {
      const p = projection as Projection<unknown>;
      return [key, p.serialize(engine.state(p))];
    }),
  );
}
