import { join } from 'node:path';
import pino from 'pino';
import request from 'supertest';
import type { Express } from 'express';
import { CheckpointStore } from '../../projections/engine/checkpoint-store';
import { ProjectionEngine } from '../../projections/engine/projection-engine';
import { projectionList, readModelProjections } from '../../projections/read-models/read-models';
import { createLedger } from '../../src/app/ledger';
import { openSqliteFile } from '../../src/eventstore/sqlite-file';
import { createApp } from '../../src/http/app';
import { formatRupiah } from '../../src/web/format';
import { webPages } from '../../src/web/web-pages';
import { bearer, startTestServer, VILLAGE, YEAR, type TestServer } from '../http/support';
import { tempDir } from '../support/temp-dir';
import { runVillageFullYear, twoYearReference } from '../support/village-full-year';

describe('treasurer home', () => {
  let server: TestServer;
  let app: Express;
  let engine: ProjectionEngine;
  const temp = tempDir();
  const reference = twoYearReference();

  beforeAll(async () => {
    server = await startTestServer();
    const ledger = createLedger({ store: server.store, reference: reference.catalog });
    await runVillageFullYear(ledger);
    engine = new ProjectionEngine(
      server.store,
      new CheckpointStore(openSqliteFile(join(temp.dir, 'web.sqlite'))),
      projectionList(readModelProjections((year, regency) => reference.catalog.get(year, regency))),
    );
    await engine.start();
    app = createApp({
      store: server.store,
      storeKind: 'memory',
      access: server.access,
      reference: reference.catalog,
      ledger,
      sessionStream: server.sessionStream,
      log: pino({ level: 'silent' }),
      readModels: engine,
      pages: webPages,
    });
  }, 180_000);
  afterAll(async () => {
    await engine.stop();
    temp.remove();
    reference.remove();
  });

  test('shows the cash per fund source of the API fund-flow report, in Rupiah', async () => {
    const api = await request(app)
      .get(`/api/v1/villages/${VILLAGE}/years/${YEAR}/reports/fund-flow`)
      .set(bearer(server.tokens.treasurer))
      .expect(200);
    const sources = api.body.village.sources as {
      source: string;
      village: { cashRemaining: string } | null;
    }[];
    expect(sources.some((s) => s.village && s.village.cashRemaining !== '0.00')).toBe(true);

    const agent = request.agent(app);
    const form = await agent.get('/masuk').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1]!;
    await agent
      .post('/masuk')
      .type('form')
      .send({ _csrf: csrf, username: 'treasurer', password: 'rahasia-desa-123' })
      .expect(303);
    const home = await agent.get(`/beranda?tahun=${YEAR}`).expect(200);
    for (const { source, village } of sources) {
      const row = new RegExp(`<tr data-source="${source.replace(/\./g, '\\.')}">.*?</tr>`).exec(
        home.text,
      )![0];
      const cells = [...row.matchAll(/<td class="amount"[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
      expect(cells[2]).toBe(village ? formatRupiah(village.cashRemaining) : '–');
    }
  });
});
