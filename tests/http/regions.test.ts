import request from 'supertest';
import {
  bearer,
  dumpAll,
  expectProblem,
  login,
  REGENCY,
  startTestServer,
  YEAR,
  type TestServer,
} from './support';

const DISTRICT = { level: 'district', code: `${REGENCY}.09`, name: 'Tegaldlimo' };
const VILLAGE = {
  level: 'village',
  code: `${REGENCY}.09.2004`,
  name: 'Kedungasri',
  centre: [-8.62, 114.31],
};

const post = (server: TestServer, token: string, path: string, body: object) =>
  request(server.app).post(path).set(bearer(token)).send(body);

describe('registering regions', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });

  it('registers a district, then a village in it, and lists both beside the reference rows', async () => {
    const admin = server.tokens.administrator;
    const district = await post(server, admin, '/api/v1/regions', DISTRICT).expect(201);
    expect(district.body.events[0]).toMatchObject({ type: 'RegionRegistered', data: DISTRICT });
    expect(district.body.streamId).toBe(`regions-${REGENCY}`);
    await post(server, admin, '/api/v1/regions', VILLAGE).expect(201);
    const listed = await request(server.app)
      .get('/api/v1/regions')
      .set(bearer(server.tokens.auditor))
      .expect(200);
    const byCode = new Map(
      (listed.body.regions as { code: string }[]).map((region) => [region.code, region]),
    );
    expect(byCode.get(VILLAGE.code)).toEqual({ ...VILLAGE, source: 'registered' });
    expect(byCode.get(DISTRICT.code)).toMatchObject({ source: 'registered' });
    expect(byCode.get(`${REGENCY}.01`)).toMatchObject({ level: 'district', source: 'reference' });
  });

  it('refuses a duplicate (409), a bad code (422 naming field, rule and value) and a non-administrator (403), leaving the store as it was', async () => {
    const admin = server.tokens.administrator;
    await post(server, admin, '/api/v1/regions', DISTRICT).expect(201);
    const before = await dumpAll(server.store);

    expectProblem(await post(server, admin, '/api/v1/regions', DISTRICT), 409, 'REGION_CODE_TAKEN');
    const inReference = await post(server, admin, '/api/v1/regions', {
      ...DISTRICT,
      code: `${REGENCY}.01`,
    });
    expectProblem(inReference, 409, 'REGION_CODE_TAKEN');

    const badCode = await post(server, admin, '/api/v1/regions', { ...VILLAGE, code: '35.10.9.1' });
    expectProblem(badCode, 422, 'COMMAND_SCHEMA');
    expect(badCode.body).toMatchObject({ field: 'payload.code', value: '"35.10.9.1"' });
    expect(badCode.body.messages.id).toContain('kode desa seperti');

    const lostVillage = await post(server, admin, '/api/v1/regions', {
      ...VILLAGE,
      code: `${REGENCY}.42.2001`,
    });
    expectProblem(lostVillage, 422, 'REGION_DISTRICT_KNOWN');
    expect(lostVillage.body).toMatchObject({ field: 'code', value: `${REGENCY}.42.2001` });

    const notAdmin = await post(server, server.tokens.regencyFinance, '/api/v1/regions', VILLAGE);
    expectProblem(notAdmin, 403, 'ROLE_NOT_PERMITTED');

    expect(await dumpAll(server.store)).toBe(before);
  });

  it('a user given the new village as scope through the user commands works in that village', async () => {
    const admin = server.tokens.administrator;
    await post(server, admin, '/api/v1/regions', DISTRICT).expect(201);
    await post(server, admin, '/api/v1/regions', VILLAGE).expect(201);
    await post(server, admin, '/api/v1/users', {
      username: 'bendahara.kedungasri',
      displayName: 'Bendahara Kedungasri',
      role: 'treasurer',
      scope: VILLAGE.code,
      password: 'sandi-kedungasri-1',
    }).expect(201);
    const token = await login(server.app, 'bendahara.kedungasri', 'sandi-kedungasri-1');
    const path = `/api/v1/villages/${VILLAGE.code}/years/${YEAR}`;
    await post(server, token, `${path}/commands/OpenVillageFiscalYear`, {
      openingBalances: { cashOnHand: '0', bank: '0' },
      silpa: [],
    }).expect(201);
    await request(server.app).get(path).set(bearer(token)).expect(200);
    const unregistered = `/api/v1/villages/${REGENCY}.09.2005/years/${YEAR}`;
    expect((await request(server.app).get(unregistered).set(bearer(admin))).status).toBe(404);
  });
});
