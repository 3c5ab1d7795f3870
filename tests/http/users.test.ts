import request from 'supertest';
import {
  bearer,
  dumpAll,
  expectProblem,
  login,
  OTHER_VILLAGE,
  startTestServer,
  VILLAGE,
  VILLAGE_PATH,
  type TestServer,
} from './support';

const NEW_USER = {
  username: 'siti',
  displayName: 'Siti Aminah',
  role: 'secretary',
  scope: VILLAGE,
  password: 'sandi-siti-2025',
};

const asAdmin = (
  server: TestServer,
  path: string,
  body: object,
  headers: Record<string, string> = {},
) =>
  request(server.app).post(path).set(bearer(server.tokens.administrator)).set(headers).send(body);

describe('user administration', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });

  it('registers a user who can then log in; no password hash ever leaves the server', async () => {
    const created = await asAdmin(server, '/api/v1/users', NEW_USER).expect(201);
    expect(created.body.events[0]).toMatchObject({
      type: 'UserRegistered',
      data: { username: 'siti', role: 'secretary' },
    });
    expect(created.text).not.toContain('scrypt');
    expect(created.body.events[0].metadata.actor.role).toBe('administrator');
    const token = await login(server.app, 'siti', NEW_USER.password);
    await request(server.app).get(VILLAGE_PATH).set(bearer(token)).expect(200);
    const list = await request(server.app)
      .get('/api/v1/users')
      .set(bearer(server.tokens.auditor))
      .expect(200);
    expect(list.body.users.map((u: { username: string }) => u.username)).toContain('siti');
    expect(list.text).not.toContain('scrypt');
    expect(list.headers.etag).toBe(`"${list.body.revision}"`);
  });

  it('replays a registration retried with the same Idempotency-Key, and refuses the key with another body', async () => {
    const first = await asAdmin(server, '/api/v1/users', NEW_USER, {
      'Idempotency-Key': 'reg-siti',
    }).expect(201);
    const retry = await asAdmin(server, '/api/v1/users', NEW_USER, {
      'Idempotency-Key': 'reg-siti',
    }).expect(201);
    expect(retry.text).toBe(first.text);
    const other = await asAdmin(
      server,
      '/api/v1/users',
      { ...NEW_USER, password: 'another-password' },
      { 'Idempotency-Key': 'reg-siti' },
    );
    expectProblem(other, 409, 'COMMAND_ID_CONFLICT');
  });

  it('refuses a taken username (409), a scope that does not fit the role (422) and a bad body (422)', async () => {
    expectProblem(
      await asAdmin(server, '/api/v1/users', { ...NEW_USER, username: 'treasurer' }),
      409,
      'USERNAME_TAKEN',
    );
    expectProblem(
      await asAdmin(server, '/api/v1/users', { ...NEW_USER, scope: '35.10.01' }),
      422,
      'SCOPE_FITS_ROLE',
    );
    expectProblem(
      await asAdmin(server, '/api/v1/users', { ...NEW_USER, scope: '36.01.01.2001' }),
      403,
      'OUT_OF_SCOPE',
    );
    expectProblem(
      await asAdmin(server, '/api/v1/users', { ...NEW_USER, password: 'short' }),
      422,
      'COMMAND_SCHEMA',
    );
  });

  it('applies a role change and a deactivation on the very next request', async () => {
    const treasurerId = server.userIds.treasurer;
    await asAdmin(server, `/api/v1/users/${treasurerId}/role`, {
      role: 'treasurer',
      scope: OTHER_VILLAGE,
    }).expect(201);
    expectProblem(
      await request(server.app).get(VILLAGE_PATH).set(bearer(server.tokens.treasurer)),
      403,
      'OUT_OF_SCOPE',
    );
    await asAdmin(server, `/api/v1/users/${treasurerId}/deactivation`, {
      reason: 'pindah tugas',
    }).expect(201);
    expectProblem(
      await request(server.app).get(VILLAGE_PATH).set(bearer(server.tokens.treasurer)),
      401,
      'AUTHENTICATION_REQUIRED',
    );
    expectProblem(
      await asAdmin(server, `/api/v1/users/${treasurerId}/deactivation`, { reason: 'lagi' }),
      422,
      'USER_ACTIVE',
    );
    expectProblem(
      await asAdmin(server, '/api/v1/users/u-none/role', { role: 'auditor', scope: VILLAGE }),
      422,
      'USER_KNOWN',
    );
  });

  it('resets a password: the old one stops working', async () => {
    await asAdmin(server, `/api/v1/users/${server.userIds.secretary}/password`, {
      password: 'a-new-password',
    }).expect(201);
    expectProblem(
      await request(server.app)
        .post('/api/v1/auth/login')
        .send({ username: 'secretary', password: 'rahasia-desa-123' }),
      401,
      'LOGIN_FAILED',
    );
    await login(server.app, 'secretary', 'a-new-password');
  });

  it('lets only administrators change users and administrators and auditors list them', async () => {
    const before = await dumpAll(server.store);
    for (const role of ['treasurer', 'auditor', 'villageHead', 'regencyFinance'] as const)
      expectProblem(
        await request(server.app)
          .post('/api/v1/users')
          .set(bearer(server.tokens[role]))
          .send(NEW_USER),
        403,
        'ROLE_NOT_PERMITTED',
      );
    expectProblem(
      await request(server.app).get('/api/v1/users').set(bearer(server.tokens.treasurer)),
      403,
      'ROLE_NOT_PERMITTED',
    );
    expect(await dumpAll(server.store)).toBe(before);
  });
});
