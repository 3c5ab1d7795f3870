import { startEsdbTestServer, type EsdbTestServer } from '../support/esdb-test-server';
import { tempDir } from '../support/temp-dir';
import { API_PATH } from './support/kasdesa-api';
import { startKasdesa, type KasdesaProcess } from './support/kasdesa-process';

/** What the issue promises: a logout on one instance applies on every other within a second. */
const PROPAGATION_MS = 1000;
const LOGIN = `${API_PATH}/auth/login`;
const SESSION = `${API_PATH}/auth/session`;
const LOGOUT = `${API_PATH}/auth/logout`;

const post = (server: KasdesaProcess, path: string, body: unknown, token?: string) =>
  fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });

const sessionStatus = async (server: KasdesaProcess, token: string) =>
  (await fetch(`${server.baseUrl}${SESSION}`, { headers: { authorization: `Bearer ${token}` } }))
    .status;

async function login(server: KasdesaProcess, username: string, password: string) {
  const response = await post(server, LOGIN, { username, password });
  return { status: response.status, body: (await response.json()) as { token?: string } };
}

describe('sessions shared by two server processes on one EventStoreDB', () => {
  const data = tempDir('kasdesa-two-processes-');
  let store: EsdbTestServer;
  let a: KasdesaProcess | undefined;
  let b: KasdesaProcess | undefined;
  let password = '';
  let envOf: (folder: string) => Record<string, string>;

  beforeAll(async () => {
    store = await startEsdbTestServer();
    envOf = (folder: string) => ({
      KASDESA_STORE: 'eventstoredb',
      EVENTSTORE_URL: store.url,
      KASDESA_DATA_DIR: `${data.dir}/${folder}`,
      KASDESA_DEMO: '0',
    });
    a = await startKasdesa(envOf('a'));
    password = /kata sandi \/ password: (\S+)/.exec(a.output())?.[1] ?? '';
    b = await startKasdesa(envOf('b'));
  }, 240_000);

  afterAll(async () => {
    for (const server of [a, b]) if (server?.running()) await server.stop();
    await store?.stop();
    data.remove();
  });

  it('the first process created the administrator, the second did not create another', () => {
    expect(password).toMatch(/^\S{12,}$/);
    expect(b!.output()).not.toMatch(/kata sandi \/ password:/);
  });

  it('a login on one process is accepted on the other, and a logout there ends it here within a second', async () => {
    const { status, body } = await login(a!, 'admin', password);
    expect(status).toBe(200);
    const token = body.token!;
    expect(await sessionStatus(b!, token)).toBe(200);

    expect((await post(b!, LOGOUT, {}, token)).status).toBe(204);
    const started = Date.now();
    while ((await sessionStatus(a!, token)) !== 401) {
      expect(Date.now() - started).toBeLessThan(PROPAGATION_MS);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }, 30_000);

  it('a restart logs nobody out: a session begun on the second process is valid on the first after its restart', async () => {
    const { body } = await login(b!, 'admin', password);
    expect(await a!.stop()).toBe(0);
    a = await startKasdesa(envOf('a'));
    expect(await sessionStatus(a, body.token!)).toBe(200);
  }, 240_000);

  it('failed logins on both processes count together: the sixth is throttled', async () => {
    const statuses: number[] = [];
    for (const server of [a!, b!, a!, b!, a!, b!])
      statuses.push((await login(server, 'admin', 'salah-sandi-123')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  }, 30_000);
});
