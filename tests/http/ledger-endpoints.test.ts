import request from 'supertest';
import { rolesFor } from '../../src/access/command-permissions';
import type { Role } from '../../src/access/roles';
import { createLedger } from '../../src/app/ledger';
import { StoreUnavailableError, WrongExpectedRevisionError } from '../../src/eventstore/errors';
import type { EventStore } from '../../src/eventstore/port';
import { camatEvaluation, enactedSmallBudget } from '../support/village-fixtures';
import {
  bearer,
  dumpAll,
  expectProblem,
  OTHER_VILLAGE,
  REGENCY_PATH,
  startTestServer,
  VILLAGE,
  VILLAGE_PATH,
  YEAR,
  type TestServer,
} from './support';

const ALLOCATION = {
  villageCode: VILLAGE,
  source: 'DDS',
  amount: '100000000',
  legalReference: { document: 'Perbup', number: '5 Tahun 2025', date: '2025-01-10' },
};

function post(
  server: TestServer,
  role: Role,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return request(server.app)
    .post(path)
    .set(bearer(server.tokens[role]))
    .set(headers)
    .send(body as object);
}

async function allocate(server: TestServer) {
  await post(server, 'regencyFinance', `${REGENCY_PATH}/commands/OpenRegencyFiscalYear`, {}).expect(
    201,
  );
  await post(server, 'regencyFinance', `${REGENCY_PATH}/commands/SetAllocation`, ALLOCATION).expect(
    201,
  );
}

describe('ledger endpoints', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });

  it('enacts an APBDes through the API, each step by its role, with the actor on every event', async () => {
    await allocate(server);
    for (const raw of enactedSmallBudget()) {
      // The camat's evaluation goes to the regency's year; the server has the village take it in.
      const { type, payload } = raw.type === 'ReceiveApbdesEvaluation' ? camatEvaluation(raw) : raw;
      const role = rolesFor(type)[0]!;
      const path = raw.type === type ? VILLAGE_PATH : REGENCY_PATH;
      const response = await post(server, role, `${path}/commands/${type}`, payload);
      expect({ type, status: response.status }).toEqual({ type, status: 201 });
      expect(response.headers.etag).toBe(`"${response.body.revision}"`);
      expect(response.body.events[0].metadata.actor).toEqual({
        id: server.userIds[role],
        role,
        displayName: `Pengguna ${role.toLowerCase()}`,
      });
    }
    const state = await request(server.app)
      .get(VILLAGE_PATH)
      .set(bearer(server.tokens.auditor))
      .expect(200);
    expect(state.body.state.budget.versions.map((v: { label: string }) => v.label)).toEqual([
      'APBDes awal',
    ]);
    expect(state.headers.etag).toBe(`"${enactedSmallBudget().length - 1}"`);
    expect(state.body.streamId).toBe(`village-${VILLAGE}-${YEAR}`);
  });

  it('serialises decimals and maps in state as strings and objects', async () => {
    await allocate(server);
    const response = await request(server.app)
      .get(REGENCY_PATH)
      .set(bearer(server.tokens.regencyFinance))
      .expect(200);
    expect(response.body.revision).toBe('1');
    expect(Object.values(response.body.state.allocations)).toEqual([
      expect.objectContaining({ villageCode: VILLAGE, amount: '100000000.00' }),
    ]);
  });

  it('answers a stream with no events with ETag "-1", and 304 to If-None-Match', async () => {
    const first = await request(server.app)
      .get(VILLAGE_PATH)
      .set(bearer(server.tokens.treasurer))
      .expect(200);
    expect(first.headers.etag).toBe('"-1"');
    expect(first.body.revision).toBe('-1');
    await request(server.app)
      .get(VILLAGE_PATH)
      .set(bearer(server.tokens.treasurer))
      .set('If-None-Match', '"-1"')
      .expect(304);
  });

  describe('If-Match', () => {
    const open = `${REGENCY_PATH}/commands/OpenRegencyFiscalYear`;
    const set = `${REGENCY_PATH}/commands/SetAllocation`;

    it('writes when the revision matches, and answers 412 with the current ETag when it does not', async () => {
      await post(server, 'regencyFinance', open, {}, { 'If-Match': '"-1"' }).expect(201);
      const before = await dumpAll(server.store);
      const stale = await post(server, 'regencyFinance', set, ALLOCATION, { 'If-Match': '"-1"' });
      expectProblem(stale, 412, 'PRECONDITION_FAILED');
      expect(stale.headers.etag).toBe('"0"');
      expect(await dumpAll(server.store)).toBe(before);
      await post(server, 'regencyFinance', set, ALLOCATION, { 'If-Match': '"0"' }).expect(201);
    });

    it('takes * as "the stream exists"', async () => {
      expectProblem(
        await post(server, 'regencyFinance', set, ALLOCATION, { 'If-Match': '*' }),
        412,
        'PRECONDITION_FAILED',
      );
      await post(server, 'regencyFinance', open, {});
      await post(server, 'regencyFinance', set, ALLOCATION, { 'If-Match': '*' }).expect(201);
    });

    it('refuses a malformed If-Match with 400', async () => {
      expectProblem(
        await post(server, 'regencyFinance', open, {}, { 'If-Match': 'W/"0"' }),
        400,
        'IF_MATCH_MALFORMED',
      );
    });
  });

  describe('Idempotency-Key', () => {
    const open = `${REGENCY_PATH}/commands/OpenRegencyFiscalYear`;
    const set = `${REGENCY_PATH}/commands/SetAllocation`;

    it('answers a retry with the original status and body, byte for byte, writing nothing', async () => {
      await post(server, 'regencyFinance', open, {});
      const first = await post(server, 'regencyFinance', set, ALLOCATION, {
        'Idempotency-Key': 'alloc-1',
      });
      expect(first.status).toBe(201);
      const before = await dumpAll(server.store);
      const retry = await post(server, 'regencyFinance', set, ALLOCATION, {
        'Idempotency-Key': '"alloc-1"',
      });
      expect(retry.status).toBe(201);
      expect(retry.text).toBe(first.text);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(await dumpAll(server.store)).toBe(before);
    });

    it('replays even when the retry carries the If-Match of before the first attempt', async () => {
      await post(server, 'regencyFinance', open, {});
      const first = await post(server, 'regencyFinance', set, ALLOCATION, {
        'Idempotency-Key': 'k',
        'If-Match': '"0"',
      });
      const retry = await post(server, 'regencyFinance', set, ALLOCATION, {
        'Idempotency-Key': 'k',
        'If-Match': '"0"',
      });
      expect([first.status, retry.status]).toEqual([201, 201]);
      expect(retry.text).toBe(first.text);
    });

    it('answers 409 when the key is reused with another body', async () => {
      await post(server, 'regencyFinance', open, {});
      await post(server, 'regencyFinance', set, ALLOCATION, {
        'Idempotency-Key': 'alloc-2',
      }).expect(201);
      const before = await dumpAll(server.store);
      const reused = await post(
        server,
        'regencyFinance',
        set,
        { ...ALLOCATION, amount: '5' },
        { 'Idempotency-Key': 'alloc-2' },
      );
      expectProblem(reused, 409, 'COMMAND_ID_CONFLICT');
      expect(await dumpAll(server.store)).toBe(before);
    });

    it('refuses a malformed key', async () => {
      expectProblem(
        await post(server, 'regencyFinance', open, {}, { 'Idempotency-Key': 'a b' }),
        400,
        'IDEMPOTENCY_KEY_MALFORMED',
      );
      expectProblem(
        await post(server, 'regencyFinance', open, {}, { 'Idempotency-Key': 'x'.repeat(61) }),
        400,
        'IDEMPOTENCY_KEY_MALFORMED',
      );
    });
  });

  describe('refusals', () => {
    const open = `${VILLAGE_PATH}/commands/OpenVillageFiscalYear`;
    const opening = { openingBalances: { cashOnHand: '0', bank: '0' }, silpa: [] };

    it('401 without a token or with an unknown one', async () => {
      expectProblem(
        await request(server.app).post(open).send(opening),
        401,
        'AUTHENTICATION_REQUIRED',
      );
      expectProblem(
        await request(server.app).get(VILLAGE_PATH).set(bearer('nope')),
        401,
        'AUTHENTICATION_REQUIRED',
      );
    });

    it('403 outside the scope, for reads and writes', async () => {
      const other = `/api/v1/villages/${OTHER_VILLAGE}/years/${YEAR}`;
      expectProblem(
        await request(server.app).get(other).set(bearer(server.tokens.treasurer)),
        403,
        'OUT_OF_SCOPE',
      );
      expectProblem(
        await post(server, 'treasurer', `${other}/commands/OpenVillageFiscalYear`, opening),
        403,
        'OUT_OF_SCOPE',
      );
      expectProblem(
        await request(server.app).get(REGENCY_PATH).set(bearer(server.tokens.treasurer)),
        403,
        'OUT_OF_SCOPE',
      );
    });

    it('403 for a role the table does not name, whatever the body', async () => {
      expectProblem(await post(server, 'auditor', open, opening), 403, 'ROLE_NOT_PERMITTED');
      expectProblem(await post(server, 'auditor', open, '{"broken'), 403, 'ROLE_NOT_PERMITTED');
    });

    it('404 for malformed or unknown path parts and unknown routes', async () => {
      const get = (path: string) =>
        request(server.app).get(path).set(bearer(server.tokens.auditor));
      expectProblem(await get('/api/v1/villages/35.10.01/years/2025'), 404, 'PATH_PARAMETER');
      expectProblem(await get('/api/v1/villages/35.10.01.2001/years/20x5'), 404, 'PATH_PARAMETER');
      expectProblem(await get('/api/v1/villages/35.10.01.9999/years/2025'), 404, 'PATH_PARAMETER');
      const noReference = await get('/api/v1/villages/35.10.01.2001/years/1999');
      expectProblem(noReference, 422, 'FISCAL_YEAR_REFERENCE');
      expect(noReference.body.messages.en).toContain('years with reference data: 2025');
      expectProblem(
        await post(server, 'treasurer', `${VILLAGE_PATH}/commands/NoSuchCommand`, {}),
        404,
        'ROUTE_UNKNOWN',
      );
      expectProblem(await request(server.app).get('/nowhere'), 404, 'ROUTE_UNKNOWN');
    });

    it('400 for malformed JSON, 413 for a huge body, 415 for another media type', async () => {
      const broken = await post(server, 'treasurer', open, '{"openingBalances": ', {
        'Content-Type': 'application/json',
      });
      expectProblem(broken, 400, 'BODY_MALFORMED');
      const huge = await post(server, 'treasurer', open, { pad: 'x'.repeat(70_000) });
      expectProblem(huge, 413, 'BODY_TOO_LARGE');
      const text = await post(server, 'treasurer', open, 'cashOnHand=0', {
        'Content-Type': 'text/plain',
      });
      expectProblem(text, 415, 'MEDIA_TYPE');
    });

    it('422 naming field, rule and value for a bad body or a broken rule; 409 for a repeated opening', async () => {
      const negative = await post(server, 'treasurer', open, {
        ...opening,
        openingBalances: { cashOnHand: '-5', bank: '0' },
      });
      expectProblem(negative, 422, 'COMMAND_SCHEMA');
      expect(negative.body).toMatchObject({
        field: 'payload.openingBalances.cashOnHand',
        value: '"-5"',
      });
      const unknownSource = await post(server, 'treasurer', open, {
        ...opening,
        silpa: [{ source: 'XYZ', amount: '1' }],
      });
      expectProblem(unknownSource, 422, 'FUND_SOURCE_KNOWN');
      expect(unknownSource.body.messages.id).toContain('XYZ');
      await post(server, 'treasurer', open, opening).expect(201);
      expectProblem(
        await post(server, 'treasurer', open, opening),
        409,
        'FISCAL_YEAR_ALREADY_OPEN',
      );
    });
  });
});

describe('store failures', () => {
  function failingAppends(store: EventStore, error: () => Error): EventStore {
    return { ...store, append: async () => Promise.reject(error()) };
  }

  it('409 when concurrent writers outlast the retries', async () => {
    const base = await startTestServer();
    const store = failingAppends(base.store, () => new WrongExpectedRevisionError('s', 0n, 1n));
    const server = await startTestServer({ store, ledger: createLedger({ store, maxRetries: 1 }) });
    const response = await post(
      server,
      'regencyFinance',
      `${REGENCY_PATH}/commands/OpenRegencyFiscalYear`,
      {},
    );
    expectProblem(response, 409, 'CONCURRENT_WRITES');
  });

  it('503 with Retry-After when the store is unavailable', async () => {
    const base = await startTestServer();
    const store = failingAppends(base.store, () => new StoreUnavailableError('disk gone'));
    const server = await startTestServer({ store, ledger: createLedger({ store }) });
    const response = await post(
      server,
      'regencyFinance',
      `${REGENCY_PATH}/commands/OpenRegencyFiscalYear`,
      {},
    );
    expectProblem(response, 503, 'STORE_UNAVAILABLE');
    expect(response.headers['retry-after']).toBe('5');
  });
});
