import { join } from 'node:path';
import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import { createAccessService, SYSTEM_ACTOR } from '../../src/access/access-service';
import { sessionStreamId } from '../../src/access/session-decider';
import { openSessionStream, type SessionStream } from '../../src/access/session-stream';
import { withHashChain } from '../../src/eventstore/chained-store';
import { createEmbeddedStore } from '../../src/eventstore/embedded';
import type { EventStore } from '../../src/eventstore/port';
import { createApp } from '../../src/http/app';
import { tempDir } from '../support/temp-dir';
import { addUser, bearer, expectProblem, PASSWORD, REGENCY, VILLAGE } from './support';

const LOGIN = '/api/v1/auth/login';
const SESSION = '/api/v1/auth/session';
/** What the task promises: a change on one instance applies on the other within a second. */
const PROPAGATION_MS = 1000;

interface Instance {
  app: Express;
  store: EventStore;
  access: ReturnType<typeof createAccessService>;
  sessionStream: SessionStream;
  close(): Promise<void>;
}

/** An API instance as another process would run it: its own connection to the one SQLite file. */
function openInstance(file: string): Instance {
  const store = withHashChain(createEmbeddedStore({ file }));
  const access = createAccessService({ store, regencyCode: REGENCY });
  const sessionStream = openSessionStream({ store, regencyCode: REGENCY });
  const app = createApp({
    store,
    storeKind: 'embedded',
    access,
    sessionStream,
    log: pino({ level: 'silent' }),
  });
  return {
    app,
    store,
    access,
    sessionStream,
    async close() {
      await sessionStream.follower.stop();
      await store.close();
    },
  };
}

async function login(instance: Instance, username: string, password = PASSWORD) {
  return request(instance.app).post(LOGIN).send({ username, password });
}

/** Milliseconds until `instance` answers `status` for the token's session, failing past `limitMs`. */
async function timeUntil(instance: Instance, token: string, status: number, limitMs: number) {
  const started = Date.now();
  for (;;) {
    const response = await request(instance.app).get(SESSION).set(bearer(token));
    const elapsed = Date.now() - started;
    if (response.status === status) return elapsed;
    if (elapsed > limitMs) throw new Error(`still ${response.status} after ${elapsed} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('sessions shared by two API instances over one store', () => {
  const temp = tempDir('kasdesa-sessions-');
  const file = join(temp.dir, 'events.sqlite');
  let a: Instance;
  let b: Instance;
  const userIds: Record<string, string> = {};

  beforeAll(async () => {
    a = openInstance(file);
    b = openInstance(file);
    for (const username of ['siti', 'budi', 'wati'])
      userIds[username] = await addUser(a.access, username, 'treasurer', VILLAGE);
    await Promise.all([a.sessionStream.follower.start(), b.sessionStream.follower.start()]);
  }, 60_000);

  afterAll(async () => {
    await a.close();
    await b.close();
    temp.remove();
  });

  it('accepts on B, at once, a login made on A, with the same CSRF token', async () => {
    const loggedIn = await login(a, 'siti');
    expect(loggedIn.status).toBe(200);
    const onB = await request(b.app).get(SESSION).set(bearer(loggedIn.body.token)).expect(200);
    expect(onB.body).toMatchObject({
      csrfToken: loggedIn.body.csrfToken,
      expiresAt: loggedIn.body.expiresAt,
      user: { username: 'siti' },
    });
  });

  it('refuses on A within a second a session logged out on B', async () => {
    const { token } = (await login(a, 'siti')).body as { token: string };
    await request(a.app).get(SESSION).set(bearer(token)).expect(200);
    await request(b.app).post('/api/v1/auth/logout').set(bearer(token)).expect(204);
    expect(await timeUntil(a, token, 401, PROPAGATION_MS)).toBeLessThanOrEqual(PROPAGATION_MS);
    expectProblem(
      await request(b.app).get(SESSION).set(bearer(token)),
      401,
      'AUTHENTICATION_REQUIRED',
    );
  });

  it('refuses a deactivated user on both instances within a second, and records why the session ended', async () => {
    const { token } = (await login(b, 'budi')).body as { token: string };
    await request(a.app).get(SESSION).set(bearer(token)).expect(200);
    await a.access.execute(SYSTEM_ACTOR, 'deactivate-budi', 'DeactivateUser', {
      userId: userIds.budi,
      reason: 'pindah tugas',
    });
    for (const instance of [b, a])
      expect(await timeUntil(instance, token, 401, PROPAGATION_MS)).toBeLessThanOrEqual(
        PROPAGATION_MS,
      );
    const ended = (await a.store.readStream(sessionStreamId(REGENCY))).filter(
      (event) => event.type === 'SessionEnded' && event.data.userId === userIds.budi,
    );
    expect(ended.map((event) => event.data.reason)).toEqual(['userInactive']);
    expect(ended[0]!.metadata.actor).toMatchObject({ id: SYSTEM_ACTOR.id });
  });

  it('counts failed logins on A and B together: the sixth attempt is refused on either', async () => {
    for (const instance of [a, b, a, b, a])
      expect((await login(instance, 'wati', 'wrong-password')).status).toBe(401);
    const limited = await login(b, 'wati');
    expectProblem(limited, 429, 'LOGIN_RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expectProblem(await login(a, 'wati'), 429, 'LOGIN_RATE_LIMITED');
  });

  it('keeps a session across a restart of both instances on the same file', async () => {
    const loggedIn = await login(a, 'siti');
    const { token, csrfToken } = loggedIn.body as { token: string; csrfToken: string };
    await a.close();
    await b.close();
    a = openInstance(file);
    b = openInstance(file);
    const again = await request(a.app).get(SESSION).set(bearer(token)).expect(200);
    expect(again.body.csrfToken).toBe(csrfToken);
    await request(b.app).get(SESSION).set(bearer(token)).expect(200);
    expectProblem(await login(b, 'wati'), 429, 'LOGIN_RATE_LIMITED');
  });
});
