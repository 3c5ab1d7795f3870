import request from 'supertest';
import pino from 'pino';
import type { Express } from 'express';
import {
  createAccessService,
  SYSTEM_ACTOR,
  type AccessService,
} from '../../src/access/access-service';
import type { Role } from '../../src/access/roles';
import { openSessionStream, type SessionStream } from '../../src/access/session-stream';
import type { SessionStoreOptions } from '../../src/access/sessions';
import { withHashChain } from '../../src/eventstore/chained-store';
import { regencyCommandSchemas } from '../../src/domain/regency/commands';
import { villageCommandSchemas } from '../../src/domain/village/commands';
import { createMemoryStore } from '../../src/eventstore/memory';
import type { EventStore, RecordedEvent } from '../../src/eventstore/port';
import { createApp, type AppDependencies } from '../../src/http/app';
import { REGENCY, VILLAGE, YEAR } from '../support/village-fixtures';

export { REGENCY, VILLAGE, YEAR };
/** Another village of the demo regency, in another district. */
export const OTHER_VILLAGE = '35.10.02.2001';
export const DISTRICT = '35.10.01';
export const PASSWORD = 'rahasia-desa-123';

export const VILLAGE_PATH = `/api/v1/villages/${VILLAGE}/years/${YEAR}`;
export const REGENCY_PATH = `/api/v1/regencies/${REGENCY}/years/${YEAR}`;

/** Every ledger command endpoint and user registration, with the command type each issues. */
export const COMMAND_ENDPOINTS: { type: string; path: string }[] = [
  ...Object.keys(villageCommandSchemas).map((type) => ({
    type,
    path: `${VILLAGE_PATH}/commands/${type}`,
  })),
  ...Object.keys(regencyCommandSchemas).map((type) => ({
    type,
    path: `${REGENCY_PATH}/commands/${type}`,
  })),
  { type: 'RegisterUser', path: '/api/v1/users' },
];

/** One user per role, scoped where that role works: village roles in VILLAGE. */
export const ROLE_SCOPES: Record<Role, string> = {
  treasurer: VILLAGE,
  activityExecutor: VILLAGE,
  secretary: VILLAGE,
  villageHead: VILLAGE,
  districtHead: DISTRICT,
  regencyFinance: REGENCY,
  auditor: REGENCY,
  administrator: REGENCY,
};

export interface TestServer {
  app: Express;
  store: EventStore;
  access: AccessService;
  sessionStream: SessionStream;
  /** Bearer tokens by role. */
  tokens: Record<Role, string>;
  userIds: Record<Role, string>;
}

export async function addUser(
  access: AccessService,
  username: string,
  role: Role,
  scope: string,
): Promise<string> {
  const outcome = await access.registerUser(SYSTEM_ACTOR, `setup-${username}`, {
    username,
    displayName: `Pengguna ${username}`,
    role,
    scope,
    password: PASSWORD,
  });
  return (outcome.events[0]!.data as { userId: string }).userId;
}

export async function login(app: Express, username: string, password = PASSWORD): Promise<string> {
  const response = await request(app)
    .post('/api/v1/auth/login')
    .send({ username, password })
    .expect(200);
  return response.body.token as string;
}

interface UserTemplate {
  events: RecordedEvent[];
  userIds: Record<Role, string>;
}

let template: Promise<UserTemplate> | undefined;

/** One access stream with a user per role, hashed once per test file and copied into each server. */
function userTemplate(): Promise<UserTemplate> {
  template ??= (async () => {
    const store = withHashChain(createMemoryStore());
    const access = createAccessService({ store, regencyCode: REGENCY });
    const userIds = {} as Record<Role, string>;
    for (const role of Object.keys(ROLE_SCOPES) as Role[])
      userIds[role] = await addUser(access, role.toLowerCase(), role, ROLE_SCOPES[role]);
    return { events: await store.readAll(), userIds };
  })();
  return template;
}

/** Signs each user in: a bearer token by role. */
export async function signIn(
  access: AccessService,
  sessionStream: Pick<SessionStream, 'sessions'>,
  userIds: Record<Role, string>,
): Promise<Record<Role, string>> {
  const { state } = await access.load();
  const tokens = {} as Record<Role, string>;
  for (const role of Object.keys(userIds) as Role[])
    tokens[role] = (await sessionStream.sessions.create(state.users.get(userIds[role])!)).token;
  return tokens;
}

/**
 * An app on a fresh in-memory store with one signed-in user (bearer token)
 * per role; `sessionOptions` set the session stream's clock and lifetime.
 */
export async function startTestServer(
  overrides: Partial<AppDependencies> = {},
  sessionOptions: SessionStoreOptions = {},
): Promise<TestServer> {
  const { events, userIds } = await userTemplate();
  const inner = createMemoryStore();
  for (const event of events) await inner.append(event.streamId, [event], 'any');
  const store = withHashChain(inner);
  const access = createAccessService({ store, regencyCode: REGENCY });
  const sessionStream = openSessionStream({ store, regencyCode: REGENCY, ...sessionOptions });
  const app = createApp({
    store,
    storeKind: 'memory',
    access,
    log: pino({ level: 'silent' }),
    sessionStream,
    ...overrides,
  });
  const tokens = await signIn(access, sessionStream, userIds);
  return { app, store, access, sessionStream, tokens, userIds };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Every event in `$all`, as JSON: the store's whole content, to compare before and after. */
export async function dumpAll(store: EventStore): Promise<string> {
  const events = await store.readAll({ maxCount: 1_000_000 });
  return JSON.stringify(events, (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
}

export function expectProblem(response: request.Response, status: number, rule?: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({
    status,
    type: expect.stringMatching(/^urn:kasdesa:problem:/),
  });
  expect(response.body.messages.id).toEqual(expect.any(String));
  expect(response.body.messages.en).toEqual(expect.any(String));
  if (rule) expect(response.body.rule).toBe(rule);
}

/** A download (xlsx, zip) as a GET answer's bytes: supertest keeps them only when told to. */
export function binaryGet(test: request.Test): request.Test {
  return test.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}
