import { join } from 'node:path';
import type { Express } from 'express';
import pino from 'pino';
import { CheckpointStore } from '../../projections/engine/checkpoint-store';
import { ProjectionEngine } from '../../projections/engine/projection-engine';
import { projectionList, readModelProjections } from '../../projections/read-models/read-models';
import { createLedger, type Ledger } from '../../src/app/ledger';
import { openSqliteFile } from '../../src/eventstore/sqlite-file';
import { createApp, type AppDependencies } from '../../src/http/app';
import { tempDir } from '../support/temp-dir';
import { runVillageFullYear, twoYearReference } from '../support/village-full-year';
import { startTestServer, type TestServer } from './support';

export interface FullYearApp {
  server: TestServer;
  app: Express;
  engine: ProjectionEngine;
  close(): Promise<void>;
}

/**
 * The test server after the village's full year, with the read models caught
 * up, as the API serves it; `runYear` wraps the year's commands (e.g. to note
 * when they were recorded) and `pages` adds the web pages.
 */
export async function startFullYearApp(
  options: {
    /** Given the ledger too, so a test may run a shorter year of its own instead. */
    runYear?: (run: () => Promise<void>, ledger: Ledger) => Promise<void>;
    pages?: AppDependencies['pages'];
  } = {},
): Promise<FullYearApp> {
  const temp = tempDir();
  const reference = twoYearReference();
  const server = await startTestServer();
  const ledger: Ledger = createLedger({ store: server.store, reference: reference.catalog });
  const run = async () => {
    await runVillageFullYear(ledger);
  };
  await (options.runYear ? options.runYear(run, ledger) : run());
  const engine = new ProjectionEngine(
    server.store,
    new CheckpointStore(openSqliteFile(join(temp.dir, 'read-models.sqlite'))),
    projectionList(readModelProjections((year, regency) => reference.catalog.get(year, regency))),
  );
  await engine.start();
  const app = createApp({
    store: server.store,
    storeKind: 'memory',
    access: server.access,
    reference: reference.catalog,
    ledger,
    sessionStream: server.sessionStream,
    log: pino({ level: 'silent' }),
    readModels: engine,
    ...(options.pages ? { pages: options.pages } : {}),
  });
  return {
    server,
    app,
    engine,
    async close() {
      await engine.stop();
      temp.remove();
      reference.remove();
    },
  };
}
