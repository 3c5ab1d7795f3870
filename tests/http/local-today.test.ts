import { join } from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { CheckpointStore } from '../../projections/engine/checkpoint-store';
import { ProjectionEngine } from '../../projections/engine/projection-engine';
import { projectionList, readModelProjections } from '../../projections/read-models/read-models';
import type { TimeZone } from '../../src/domain/shared/local-date';
import { openSqliteFile } from '../../src/eventstore/sqlite-file';
import { createApp } from '../../src/http/app';
import { tempDir } from '../support/temp-dir';
import { referenceInTimeZone } from '../support/time-zone-reference';
import { reference as fixtureReference } from '../support/village-fixtures';
import { bearer, REGENCY_PATH, startTestServer } from './support';

/** The regency monitoring report as the API answers it with the clock at `instant`, the regency in `timeZone`. */
async function monitoringAt(instant: string, timeZone: TimeZone) {
  const temp = tempDir();
  const reference = referenceInTimeZone(timeZone);
  const server = await startTestServer();
  const engine = new ProjectionEngine(
    server.store,
    new CheckpointStore(openSqliteFile(join(temp.dir, 'read-models.sqlite'))),
    projectionList(readModelProjections((year, regency) => reference.catalog.get(year, regency))),
  );
  await engine.start();
  try {
    const app = createApp({
      store: server.store,
      storeKind: 'memory',
      access: server.access,
      reference: reference.catalog,
      sessionStream: server.sessionStream,
      log: pino({ level: 'silent' }),
      readModels: engine,
      clock: () => new Date(instant),
    });
    const response = await request(app)
      .get(`${REGENCY_PATH}/reports/monitoring`)
      .set(bearer(server.tokens.regencyFinance))
      .expect(200);
    return response.body as { asOf: string; counts: { pending: number; overdue: number } };
  } finally {
    await engine.stop();
    temp.remove();
    reference.remove();
  }
}

const VILLAGES = fixtureReference.villages.size;

describe("a report's default asOf is the regency's local date", () => {
  it('23:30 UTC on 9 March is 10 March in a WIT regency (08:30 in Jayapura)', async () => {
    expect((await monitoringAt('2025-03-09T23:30:00Z', 'Asia/Jayapura')).asOf).toBe('2025-03-10');
  });

  it('the APBDes enactment deadline (31 December) is overdue once it is 1 January in Jayapura, while UTC is still on 31 December', async () => {
    const report = await monitoringAt('2024-12-31T23:30:00Z', 'Asia/Jayapura');
    expect(report.asOf).toBe('2025-01-01');
    expect(report.counts).toMatchObject({ pending: 0, overdue: VILLAGES });
  });

  it('in a WIB regency 16:30 UTC is still the same day (23:30 local) and 17:30 UTC the next (00:30 local)', async () => {
    const before = await monitoringAt('2024-12-31T16:30:00Z', 'Asia/Jakarta');
    expect(before.asOf).toBe('2024-12-31');
    expect(before.counts).toMatchObject({ pending: VILLAGES, overdue: 0 });
    const after = await monitoringAt('2024-12-31T17:30:00Z', 'Asia/Jakarta');
    expect(after.asOf).toBe('2025-01-01');
    expect(after.counts).toMatchObject({ pending: 0, overdue: VILLAGES });
  });
});
