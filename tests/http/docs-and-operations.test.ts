import pino from 'pino';
import { Writable } from 'node:stream';
import request from 'supertest';
import { regencyCommandSchemas } from '../../src/domain/regency/commands';
import { villageCommandSchemas } from '../../src/domain/village/commands';
import { bearer, expectProblem, REGENCY_PATH, startTestServer } from './support';

describe('OpenAPI and the docs page', () => {
  it('describes every endpoint in OpenAPI 3.1 with request bodies taken from the command schemas', async () => {
    const { app } = await startTestServer();
    const response = await request(app).get('/api/v1/openapi.json').expect(200);
    const document = response.body;
    expect(document.openapi).toBe('3.1.0');
    for (const type of Object.keys(villageCommandSchemas)) {
      const operation =
        document.paths[`/api/v1/villages/{villageCode}/years/{fiscalYear}/commands/${type}`]?.post;
      expect(operation?.requestBody.content['application/json'].schema.type).toBe('object');
    }
    const opening =
      document.paths['/api/v1/regencies/{regencyCode}/years/{fiscalYear}/commands/SetAllocation']
        .post;
    expect(opening.requestBody.content['application/json'].schema.required).toEqual(
      Object.keys(regencyCommandSchemas.SetAllocation.shape),
    );
    expect(opening.parameters.map((p: { name: string }) => p.name)).toEqual([
      'regencyCode',
      'fiscalYear',
      'If-Match',
      'Idempotency-Key',
    ]);
    expect(document.paths['/api/v1/auth/login'].post.security).toEqual([]);
    expect(document.components.schemas.Problem.required).toContain('rule');
  });

  it('lists the endpoints on a self-contained HTML page', async () => {
    const { app } = await startTestServer();
    const response = await request(app).get('/api/v1/docs').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toContain(
      '/villages/:villageCode/years/:fiscalYear/commands/EnactApbdes',
    );
    expect(response.text).toContain('POST');
    expect(response.text).not.toMatch(/<script|https?:\/\/(?!localhost)/);
  });
});

describe('operations endpoints', () => {
  it('/healthz and /readyz answer while the store does', async () => {
    const { app } = await startTestServer();
    await request(app).get('/healthz').expect(200);
    const ready = await request(app).get('/readyz').expect(200);
    expect(ready.body.checks).toEqual([expect.objectContaining({ name: 'store', ok: true })]);
  });

  it('/readyz is 503 when a readiness check fails or the server is shutting down', async () => {
    const failing = {
      name: 'projections',
      check: () => Promise.reject(new Error('behind by 12 events')),
    };
    const { app } = await startTestServer({ readinessChecks: [failing] });
    const response = await request(app).get('/readyz').expect(503);
    expect(response.body.checks[1]).toEqual({
      name: 'projections',
      ok: false,
      detail: 'behind by 12 events',
    });
    const closing = await startTestServer({ shuttingDown: () => true });
    await request(closing.app).get('/readyz').expect(503);
  });

  it('echoes a sane X-Request-Id and puts it on problems', async () => {
    const { app } = await startTestServer();
    const response = await request(app).get('/api/v1/nothing').set('X-Request-Id', 'req-42');
    expectProblem(response, 404, 'ROUTE_UNKNOWN');
    expect(response.headers['x-request-id']).toBe('req-42');
    expect(response.body.requestId).toBe('req-42');
  });
});

describe('request log', () => {
  it('writes one structured line per request with request id, user, stream and revision', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()));
        done();
      },
    });
    const server = await startTestServer({ log: pino(sink) });
    await request(server.app)
      .post(`${REGENCY_PATH}/commands/OpenRegencyFiscalYear`)
      .set(bearer(server.tokens.regencyFinance))
      .set('X-Request-Id', 'req-7')
      .send({})
      .expect(201);
    expect(lines).toContainEqual(
      expect.objectContaining({
        requestId: 'req-7',
        status: 201,
        user: server.userIds.regencyFinance,
        role: 'regencyFinance',
        stream: 'regency-35.10-2025',
        revision: '0',
      }),
    );
  });
});
