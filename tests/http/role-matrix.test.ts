import request from 'supertest';
import { mayIssue, rolesFor } from '../../src/access/command-permissions';
import { accessCommandSchemas } from '../../src/access/commands';
import { ROLES } from '../../src/access/roles';
import { regencyCommandSchemas } from '../../src/domain/regency/commands';
import { villageCommandSchemas } from '../../src/domain/village/commands';
import {
  bearer,
  COMMAND_ENDPOINTS,
  dumpAll,
  OTHER_VILLAGE,
  startTestServer,
  YEAR,
  type TestServer,
} from './support';

/** Every write endpoint with the command type it issues. */
const WRITES: { type: string; path: string }[] = [
  ...COMMAND_ENDPOINTS,
  { type: 'AssignUserRole', path: '/api/v1/users/u-x/role' },
  { type: 'ChangeUserPassword', path: '/api/v1/users/u-x/password' },
  { type: 'DeactivateUser', path: '/api/v1/users/u-x/deactivation' },
];

/** A body no schema accepts (every schema is strict): a permitted caller gets 422, never a write. */
const UNACCEPTABLE = { notAField: true };

describe('role × endpoint matrix', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });

  it('gives every command type roles in the one permissions table', () => {
    const types = [
      ...Object.keys(villageCommandSchemas),
      ...Object.keys(regencyCommandSchemas),
      ...Object.keys(accessCommandSchemas),
    ];
    expect(types.filter((type) => rolesFor(type).length === 0)).toEqual([]);
  });

  it('forbids unknown command types to everybody', () => {
    expect(
      ROLES.filter((role) => mayIssue(role, 'NotACommand') || mayIssue(role, 'toString')),
    ).toEqual([]);
  });

  it('lets no role write outside its rights, and leaves the store unchanged', async () => {
    const before = await dumpAll(server.store);
    const answers: string[] = [];
    for (const { type, path } of WRITES) {
      for (const role of ROLES) {
        const response = await request(server.app)
          .post(path)
          .set(bearer(server.tokens[role]))
          .send(UNACCEPTABLE);
        const expected = mayIssue(role, type) ? 422 : 403;
        if (response.status !== expected)
          answers.push(`${role} ${type}: ${response.status}, expected ${expected}`);
      }
    }
    expect(answers).toEqual([]);
    expect(await dumpAll(server.store)).toBe(before);
  });

  it('keeps an auditor read-only: every write is 403', async () => {
    for (const { path } of WRITES) {
      const response = await request(server.app)
        .post(path)
        .set(bearer(server.tokens.auditor))
        .send(UNACCEPTABLE);
      expect(response.status).toBe(403);
    }
  });

  it('refuses permitted roles on a village outside their scope (403)', async () => {
    const other = `/api/v1/villages/${OTHER_VILLAGE}/years/${YEAR}/commands`;
    for (const type of Object.keys(villageCommandSchemas)) {
      for (const role of rolesFor(type)) {
        const response = await request(server.app)
          .post(`${other}/${type}`)
          .set(bearer(server.tokens[role]))
          .send(UNACCEPTABLE);
        expect({ role, type, status: response.status }).toEqual({ role, type, status: 403 });
      }
    }
  });
});

describe('the SPP separation of duties', () => {
  it('lets only the secretary verify and only the village head approve a payment request', () => {
    expect(rolesFor('VerifyPaymentRequest')).toEqual(['secretary']);
    expect(rolesFor('ApprovePaymentRequest')).toEqual(['villageHead']);
  });
});
