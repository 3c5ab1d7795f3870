import request from 'supertest';
import { createLedger } from '../../src/app/ledger';
import { ReferenceCatalog } from '../../src/app/load-reference-data';
import { createMemoryStore } from '../../src/eventstore/memory';
import { openApiDocument } from '../../src/http/openapi';
import { siskeudesImportEndpoints } from '../../src/http/siskeudes-import-endpoints';
import { bearer, dumpAll, expectProblem, startTestServer } from '../http/support';
import { overspentVillageTables, siskeudesZip, twoVillageTables } from './support/siskeudes-zip';

const PATH = '/api/v1/villages/35.10.01.2001/years/2025/imports';

describe('POST …/villages/{code}/years/{year}/imports', () => {
  it('imports a Siskeudes zip for the regency finance office, then answers the same file with nothing written', async () => {
    const { app, tokens, store } = await startTestServer();
    const zip = await siskeudesZip(twoVillageTables());
    const first = await request(app)
      .post(PATH)
      .set(bearer(tokens.regencyFinance))
      .attach('file', zip, 'desa-2025.zip')
      .expect(201);
    expect(first.body).toMatchObject({
      status: 'imported',
      streamId: 'village-35.10.01.2001-2025',
      eventCount: 41,
      totals: { received: '102650000.00' },
      reconciliation: { reconciled: true, differences: [], uncounted: [] },
    });
    const before = await dumpAll(store);
    const again = await request(app)
      .post(PATH)
      .set(bearer(tokens.administrator))
      .attach('file', zip, 'desa-2025.zip')
      .expect(200);
    expect(again.body.status).toBe('alreadyImported');
    expect(await dumpAll(store)).toBe(before);
  });

  it('answers a refused file with 422 and every problem, writing nothing', async () => {
    const { app, tokens, store } = await startTestServer();
    const tables = twoVillageTables();
    tables.Ta_TBP![0]!.Tgl_Bukti = 'kemarin';
    const before = await dumpAll(store);
    const response = await request(app)
      .post(PATH)
      .set(bearer(tokens.regencyFinance))
      .attach('file', await siskeudesZip(tables), 'desa-2025.zip');
    expectProblem(response, 422, 'SISKEUDES_FILE_REFUSED');
    expect(response.body.problems).toEqual([
      expect.objectContaining({
        table: 'Ta_TBP',
        row: 1,
        column: 'Tgl_Bukti',
        value: 'kemarin',
        rule: 'DATE_FORMAT',
      }),
    ]);
    expect(await dumpAll(store)).toBe(before);
  });

  it('refuses other roles, villages outside the path shape, and an upload without a file', async () => {
    const { app, tokens } = await startTestServer();
    const zip = await siskeudesZip(twoVillageTables());
    expectProblem(
      await request(app).post(PATH).set(bearer(tokens.treasurer)).attach('file', zip, 'a.zip'),
      403,
      'ROLE_NOT_PERMITTED',
    );
    expectProblem(
      await request(app)
        .post('/api/v1/villages/35.10.01/years/2025/imports')
        .set(bearer(tokens.regencyFinance))
        .attach('file', zip, 'a.zip'),
      404,
      'PATH_PARAMETER',
    );
    expectProblem(
      await request(app).post(PATH).set(bearer(tokens.regencyFinance)).field('note', 'x'),
      422,
      'UPLOAD_FILE',
    );
  });

  it('lists an imported year’s flagged exceptions to its finance readers, not to the administrator', async () => {
    const { app, tokens } = await startTestServer();
    await request(app)
      .post(PATH)
      .set(bearer(tokens.regencyFinance))
      .attach('file', await siskeudesZip(overspentVillageTables()), 'desa-2025.zip')
      .expect(201)
      .expect((response) =>
        expect(response.body.exceptions.map((e: { naturalKey: string }) => e.naturalKey)).toEqual([
          'SPP/002/2025',
          'CEK/002/2025',
        ]),
      );
    for (const role of ['auditor', 'treasurer'] as const) {
      const listed = await request(app)
        .get(`${PATH}/exceptions`)
        .set(bearer(tokens[role]))
        .expect(200);
      expect(listed.body.exceptions).toEqual([
        expect.objectContaining({
          commandType: 'DraftPaymentRequest',
          naturalKey: 'SPP/002/2025',
          exceptions: [expect.objectContaining({ rule: 'BUDGET_LINE_AVAILABLE' })],
        }),
        expect.objectContaining({
          commandType: 'PayPaymentRequest',
          naturalKey: 'CEK/002/2025',
          exceptions: [expect.objectContaining({ rule: 'BUDGET_LINE_AVAILABLE' })],
        }),
      ]);
    }
    expectProblem(
      await request(app).get(`${PATH}/exceptions`).set(bearer(tokens.administrator)),
      403,
      'ROLE_NOT_PERMITTED',
    );
  });

  it('is documented as a multipart upload of one file', () => {
    const store = createMemoryStore();
    const endpoints = siskeudesImportEndpoints({
      store,
      ledger: createLedger({ store }),
      reference: new ReferenceCatalog(),
      clock: () => new Date(),
    });
    const document = openApiDocument(endpoints, '/api/v1');
    const operation = document.paths[
      '/api/v1/villages/{villageCode}/years/{fiscalYear}/imports'
    ] as {
      post: { requestBody: { content: Record<string, { schema: unknown }> } };
    };
    expect(operation.post.requestBody.content['multipart/form-data']?.schema).toEqual({
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    });
  });
});
