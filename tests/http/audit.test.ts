import request from 'supertest';
import { fixtureEvents } from '../fixtures/events-v1/fixture';
import {
  addUser,
  bearer,
  dumpAll,
  expectProblem,
  login,
  OTHER_VILLAGE,
  startTestServer,
  VILLAGE,
  YEAR,
  type TestServer,
} from './support';

const AUDIT_VILLAGE = `/api/v1/audit/villages/${VILLAGE}/years/${YEAR}`;

/** The audit API over the version-1 fixture year of VILLAGE. */
describe('audit endpoints', () => {
  let server: TestServer;
  const get = (path: string, role: keyof TestServer['tokens'] = 'auditor') =>
    request(server.app).get(path).set(bearer(server.tokens[role]));

  beforeAll(async () => {
    server = await startTestServer();
    for (const { streamId, id, type, data, metadata } of fixtureEvents())
      await server.store.append(streamId, [{ id, type, data, metadata }], 'any');
  });

  test('the auditor replays the village state now, as of a date and as known at a time, changing nothing', async () => {
    const before = await dumpAll(server.store);
    const now = (await get(`${AUDIT_VILLAGE}/state`).expect(200)).body;
    expect(now).toMatchObject({ streamId: `village-${VILLAGE}-${YEAR}`, eventsLeftOut: 0 });
    expect(now.state.closing.year).not.toBeUndefined();
    const lateMarch = (await get(`${AUDIT_VILLAGE}/state?asOf=2025-03-30`).expect(200)).body;
    expect(lateMarch.eventsLeftOut).toBeGreaterThan(0);
    expect(lateMarch.state.closing.lastClosedMonth).toBe('2025-02');
    const reversal = fixtureEvents().find((e) => e.type === 'EntryReversed')!;
    const justBefore = new Date(new Date(reversal.recordedAt).getTime() - 1).toISOString();
    const known = (await get(`${AUDIT_VILLAGE}/state?knownAt=${justBefore}`).expect(200)).body;
    expect(known.state.books.entries['TBP-PBH-1'].reversed).toBe(false);
    expect(now.state.books.entries['TBP-PBH-1'].reversed).toBe(true);
    expect(await dumpAll(server.store)).toBe(before);
  });

  test('regency finance may read too; village officials may not; an auditor outside the village may not', async () => {
    await get(`${AUDIT_VILLAGE}/state`, 'regencyFinance').expect(200);
    expectProblem(await get(`${AUDIT_VILLAGE}/state`, 'treasurer'), 403, 'ROLE_NOT_PERMITTED');
    await addUser(server.access, 'auditor-other', 'auditor', OTHER_VILLAGE);
    const token = await login(server.app, 'auditor-other');
    const response = await request(server.app).get(`${AUDIT_VILLAGE}/state`).set(bearer(token));
    expectProblem(response, 403, 'OUT_OF_SCOPE');
  });

  test('a malformed clock or path is refused, naming it', async () => {
    const badDate = await get(`${AUDIT_VILLAGE}/state?asOf=31-03-2025`);
    expectProblem(badDate, 422, 'COMMAND_SCHEMA');
    expect(badDate.body.field).toBe('payload.asOf');
    expectProblem(
      await get(`/api/v1/audit/villages/35.10/years/${YEAR}/state`),
      404,
      'PATH_PARAMETER',
    );
    expectProblem(await get(`${AUDIT_VILLAGE}/history/invoice/X`), 404, 'PATH_PARAMETER');
    expectProblem(await get(`${AUDIT_VILLAGE}/history/spp/SPP-999`), 404, 'PATH_PARAMETER');
  });

  test("a figure's history: who, when on both clocks, why and the reversal link", async () => {
    const { body } = await get(`${AUDIT_VILLAGE}/history/receipt/TBP-PBH-1`).expect(200);
    expect(body.events).toEqual([
      expect.objectContaining({ type: 'RevenueReceived', reversedBy: ['REV-1'] }),
      expect.objectContaining({
        type: 'EntryReversed',
        reverses: 'TBP-PBH-1',
        businessDate: '2025-05-02',
        recordedAt: expect.any(String),
        who: { id: 'u-kaur', role: 'kaur-keuangan', displayName: 'Dewi Lestari' },
        why: [expect.stringContaining('Salah ketik')],
      }),
    ]);
    const cell = await get(`${AUDIT_VILLAGE}/history/account/4.2.2.01?source=PBH`).expect(200);
    expect(cell.body.events.length).toBeGreaterThanOrEqual(body.events.length);
    const spp = await get(`${AUDIT_VILLAGE}/history/spp/${encodeURIComponent('SPP-001')}`).expect(
      200,
    );
    expect(spp.body.events.at(-1).type).toBe('PaymentRequestPaid');
  });

  test('a budget line across every budget version, side by side', async () => {
    const { body } = await get(
      `${AUDIT_VILLAGE}/budget-lines/operasional-pemdes-1/versions`,
    ).expect(200);
    const amounts = body.versions.map((v: { line: { amount: string } | null }) => v.line?.amount);
    expect(amounts[0]).toBe('18500000.00');
    expect(amounts.at(-1)).toBe('16500000.00');
    expectProblem(
      await get(`${AUDIT_VILLAGE}/budget-lines/no-such-line/versions`),
      404,
      'PATH_PARAMETER',
    );
  });

  test('verification lists every stream in scope as OK; anchoring is for regency finance and administrators', async () => {
    const village = `village-${VILLAGE}-${YEAR}`;
    const all = (await get('/api/v1/audit/verify').expect(200)).body;
    expect(all.ok).toBe(true);
    expect(all.streams).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ stream: village, ok: true, events: expect.any(Number) }),
      ]),
    );
    expectProblem(
      await request(server.app).post('/api/v1/audit/anchors').set(bearer(server.tokens.auditor)),
      403,
      'ROLE_NOT_PERMITTED',
    );
    const anchored = await request(server.app)
      .post('/api/v1/audit/anchors')
      .set(bearer(server.tokens.regencyFinance))
      .expect(201);
    expect(anchored.body.heads).toEqual(
      expect.arrayContaining([expect.objectContaining({ stream: village })]),
    );
    const one = (await get(`/api/v1/audit/verify?stream=${village}`, 'administrator').expect(200))
      .body;
    expect(one).toMatchObject({ ok: true, anchorsChecked: 1, anchorMismatches: [] });
    expect(one.streams.map((s: { stream: string }) => s.stream)).toEqual([village]);
    expectProblem(await get('/api/v1/audit/verify', 'treasurer'), 403, 'ROLE_NOT_PERMITTED');
  });

  test('the audit endpoints are in the OpenAPI document', async () => {
    const { body } = await request(server.app).get('/api/v1/openapi.json').expect(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/audit/villages/{villageCode}/years/{fiscalYear}/state',
        '/api/v1/audit/villages/{villageCode}/years/{fiscalYear}/history/{kind}/{id}',
        '/api/v1/audit/villages/{villageCode}/years/{fiscalYear}/budget-lines/{lineId}/versions',
        '/api/v1/audit/verify',
        '/api/v1/audit/anchors',
      ]),
    );
  });
});
