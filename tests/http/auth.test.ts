import request from 'supertest';
import {
  bearer,
  expectProblem,
  login,
  PASSWORD,
  REGENCY_PATH,
  startTestServer,
  VILLAGE_PATH,
} from './support';

const LOGIN = '/api/v1/auth/login';

function cookiesOf(response: request.Response): string[] {
  return ([] as string[]).concat(response.headers['set-cookie'] ?? []);
}

describe('authentication', () => {
  it('logs in with a bearer token, an httpOnly SameSite=Strict session cookie and a readable CSRF cookie', async () => {
    const { app } = await startTestServer();
    const response = await request(app)
      .post(LOGIN)
      .send({ username: 'Treasurer ', password: PASSWORD })
      .expect(200);
    expect(response.body).toMatchObject({
      tokenType: 'Bearer',
      token: expect.any(String),
      csrfToken: expect.any(String),
    });
    expect(response.body.user).toMatchObject({ username: 'treasurer', role: 'treasurer' });
    expect(response.body.user.passwordHash).toBeUndefined();
    const [session, csrf] = cookiesOf(response);
    expect(session).toMatch(/^kasdesa_session=[^;]+;.*HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(csrf).toMatch(/^kasdesa_csrf=/);
    expect(csrf).not.toMatch(/HttpOnly/);
    const me = await request(app)
      .get('/api/v1/auth/session')
      .set(bearer(response.body.token))
      .expect(200);
    expect(me.body.user.username).toBe('treasurer');
  });

  it('refuses a wrong password or unknown user alike with 401', async () => {
    const { app } = await startTestServer();
    expectProblem(
      await request(app).post(LOGIN).send({ username: 'treasurer', password: 'wrong-password' }),
      401,
      'LOGIN_FAILED',
    );
    expectProblem(
      await request(app).post(LOGIN).send({ username: 'nobody', password: PASSWORD }),
      401,
      'LOGIN_FAILED',
    );
    expectProblem(
      await request(app).post(LOGIN).send({ username: 'treasurer' }),
      422,
      'COMMAND_SCHEMA',
    );
  });

  it('answers 429 with Retry-After after five failures per address and username, even for the right password', async () => {
    let now = 1_000_000;
    const { app } = await startTestServer({}, { clock: () => new Date(now) });
    for (let attempt = 0; attempt < 5; attempt += 1)
      await request(app)
        .post(LOGIN)
        .send({ username: 'secretary', password: 'wrong-password' })
        .expect(401);
    const limited = await request(app)
      .post(LOGIN)
      .send({ username: 'secretary', password: PASSWORD });
    expectProblem(limited, 429, 'LOGIN_RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBe(15 * 60);
    await request(app).post(LOGIN).send({ username: 'treasurer', password: PASSWORD }).expect(200);
    now += 15 * 60 * 1000 + 1;
    await request(app).post(LOGIN).send({ username: 'secretary', password: PASSWORD }).expect(200);
  });

  it('needs the CSRF token for state changes with the cookie, not with the bearer token', async () => {
    const { app } = await startTestServer();
    const loggedIn = await request(app)
      .post(LOGIN)
      .send({ username: 'regencyfinance', password: PASSWORD });
    const cookie = cookiesOf(loggedIn)
      .map((c) => c.split(';')[0])
      .join('; ');
    const open = `${REGENCY_PATH}/commands/OpenRegencyFiscalYear`;
    await request(app).get(REGENCY_PATH).set('Cookie', cookie).expect(200);
    expectProblem(await request(app).post(open).set('Cookie', cookie).send({}), 403, 'CSRF_TOKEN');
    expectProblem(
      await request(app).post(open).set('Cookie', cookie).set('X-CSRF-Token', 'forged').send({}),
      403,
      'CSRF_TOKEN',
    );
    await request(app)
      .post(open)
      .set('Cookie', cookie)
      .set('X-CSRF-Token', loggedIn.body.csrfToken)
      .send({})
      .expect(201);
    await request(app).get(REGENCY_PATH).set(bearer(loggedIn.body.token)).expect(200);
  });

  it('ends the session on logout', async () => {
    const { app } = await startTestServer();
    const token = await login(app, 'auditor');
    await request(app).post('/api/v1/auth/logout').set(bearer(token)).expect(204);
    expectProblem(
      await request(app).get(VILLAGE_PATH).set(bearer(token)),
      401,
      'AUTHENTICATION_REQUIRED',
    );
  });

  it('expires sessions', async () => {
    let now = new Date('2025-03-01T08:00:00Z');
    const { app } = await startTestServer({}, { ttlMs: 60_000, clock: () => now });
    const token = await login(app, 'auditor');
    await request(app).get(VILLAGE_PATH).set(bearer(token)).expect(200);
    now = new Date(now.getTime() + 60_001);
    expectProblem(
      await request(app).get(VILLAGE_PATH).set(bearer(token)),
      401,
      'AUTHENTICATION_REQUIRED',
    );
  });
});
