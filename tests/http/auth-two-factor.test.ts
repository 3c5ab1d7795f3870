import * as OTPAuth from 'otpauth';
import request from 'supertest';
import { LOGIN_FAILURES_MAX } from '../../src/limits';
import { bearer, expectProblem, PASSWORD, startTestServer } from './support';

const LOGIN = '/api/v1/auth/login';
const START = '/api/v1/auth/two-factor/start';
const CONFIRM = '/api/v1/auth/two-factor/confirm';
const POLICY = '/api/v1/two-factor/policy';

/** A clock the test moves by hand, so every code is computed for a known instant. */
function handClock() {
  let now = new Date('2026-03-02T08:00:05Z');
  return {
    clock: () => now,
    advance: (seconds: number) => (now = new Date(now.getTime() + seconds * 1000)),
    code: (secret: string) =>
      OTPAuth.TOTP.generate({
        secret: OTPAuth.Secret.fromBase32(secret),
        timestamp: now.getTime(),
      }),
  };
}

async function serverWithClock() {
  const time = handClock();
  const server = await startTestServer({}, { clock: time.clock });
  /** Enrolls the user of `token` through the API; the secret it was given. */
  const enroll = async (token: string) => {
    const started = await request(server.app).post(START).set(bearer(token)).expect(200);
    const { secret, uri } = started.body as { secret: string; uri: string };
    expect(uri).toMatch(/^otpauth:\/\/totp\/Kasdesa:/);
    const confirmed = await request(server.app)
      .post(CONFIRM)
      .set(bearer(token))
      .send({ secret, code: time.code(secret) })
      .expect(201);
    expect(confirmed.body.events).toEqual([expect.objectContaining({ type: 'TwoFactorEnrolled' })]);
    expect(JSON.stringify(confirmed.body)).not.toContain(secret);
    return secret;
  };
  return { ...server, time, enroll };
}

describe('two-factor sign-in (API)', () => {
  it('asks an enrolled user for the current code, once per code, and counts wrong codes as failures', async () => {
    const { app, tokens, time, enroll, store } = await serverWithClock();
    const secret = await enroll(tokens.auditor);
    const login = (code?: string) =>
      request(app)
        .post(LOGIN)
        .send({ username: 'auditor', password: PASSWORD, ...(code === undefined ? {} : { code }) });

    expectProblem(await login(), 401, 'TWO_FACTOR_LOGIN_CODE');
    const wrong = String((Number(time.code(secret)) + 1) % 1_000_000).padStart(6, '0');
    const refused = await login(wrong);
    expectProblem(refused, 401, 'TWO_FACTOR_LOGIN_CODE');
    expect(refused.body).toMatchObject({ field: 'code', value: wrong });
    // The code that confirmed the enrollment is used up.
    expectProblem(await login(time.code(secret)), 401, 'TWO_FACTOR_LOGIN_CODE');

    time.advance(30);
    const code = time.code(secret);
    const signedIn = await login(code).expect(200);
    expect(signedIn.body.user).toMatchObject({ username: 'auditor', twoFactor: true });
    expectProblem(await login(code), 401, 'TWO_FACTOR_LOGIN_CODE');

    const failures = (await store.readAll()).filter((event) => event.type === 'LoginFailed');
    expect(failures).toHaveLength(4);
    // The replay above is the first failure since the success; wrong codes make up the rest.
    for (let attempt = 1; attempt < LOGIN_FAILURES_MAX; attempt += 1)
      expectProblem(await login('000000'), 401, 'TWO_FACTOR_LOGIN_CODE');
    time.advance(30);
    expectProblem(await login(time.code(secret)), 429, 'LOGIN_RATE_LIMITED');
    // A dozen scrypt logins: seconds on a busy two-core machine.
  }, 90_000);

  it('keeps a user whose role the policy requires on the enrollment until enrolled', async () => {
    const { app, tokens, enroll, userIds } = await serverWithClock();
    expectProblem(
      await request(app)
        .post(POLICY)
        .set(bearer(tokens.administrator))
        .send({ roles: ['auditor', 'treasurer'] }),
      422,
      'TWO_FACTOR_POLICY_ROLE',
    );
    expectProblem(
      await request(app)
        .post(POLICY)
        .set(bearer(tokens.auditor))
        .send({ roles: ['auditor'] }),
      403,
      'ROLE_NOT_PERMITTED',
    );
    await request(app)
      .post(POLICY)
      .set(bearer(tokens.administrator))
      .send({ roles: ['auditor'] })
      .expect(201);

    const refused = await request(app).get('/api/v1/users').set(bearer(tokens.auditor));
    expectProblem(refused, 403, 'TWO_FACTOR_ENROLLMENT_REQUIRED');
    expect(refused.body.messages.en).toMatch(/two-factor/);
    await request(app).get('/api/v1/auth/session').set(bearer(tokens.auditor)).expect(200);
    await request(app).get('/api/v1/users').set(bearer(tokens.treasurer)).expect(403);

    const secret = await enroll(tokens.auditor);
    const users = await request(app).get('/api/v1/users').set(bearer(tokens.auditor)).expect(200);
    expect(JSON.stringify(users.body)).not.toContain(secret);
    expect(users.body.users).toContainEqual(
      expect.objectContaining({ username: 'auditor', twoFactor: true }),
    );

    // A lost phone: the administrator removes it; the policy sends the auditor back to enroll.
    expectProblem(
      await request(app)
        .post(`/api/v1/users/${userIds.auditor}/two-factor/removal`)
        .set(bearer(tokens.auditor))
        .send({ reason: 'ponsel hilang' }),
      403,
    );
    const removed = await request(app)
      .post(`/api/v1/users/${userIds.auditor}/two-factor/removal`)
      .set(bearer(tokens.administrator))
      .send({ reason: 'ponsel hilang' })
      .expect(201);
    expect(removed.body.events[0]).toMatchObject({
      type: 'TwoFactorRemoved',
      data: { userId: userIds.auditor, reason: 'ponsel hilang' },
    });
    expectProblem(
      await request(app).get('/api/v1/users').set(bearer(tokens.auditor)),
      403,
      'TWO_FACTOR_ENROLLMENT_REQUIRED',
    );
  });

  it('refuses a wrong confirmation code and documents the endpoints', async () => {
    const { app, tokens } = await serverWithClock();
    const started = await request(app).post(START).set(bearer(tokens.treasurer)).expect(200);
    const refused = await request(app)
      .post(CONFIRM)
      .set(bearer(tokens.treasurer))
      .send({ secret: started.body.secret, code: '12345x' });
    expectProblem(refused, 422, 'TWO_FACTOR_CODE');
    const openapi = await request(app).get('/api/v1/openapi.json').expect(200);
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/two-factor/start',
        '/api/v1/auth/two-factor/confirm',
        '/api/v1/users/{userId}/two-factor/removal',
        '/api/v1/two-factor/policy',
      ]),
    );
  });
});
