import type { Express } from 'express';
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/access/access-service';
import { generateSecret } from '../../src/access/totp';
import { webPages } from '../../src/web/web-pages';
import { startTestServer, type TestServer } from '../http/support';
import {
  csrfOf,
  fieldError,
  signedInAgent,
  signsIn,
  submitForm as submit,
} from './support/web-agent';

const USERS = '/admin/pengguna';
const POLICY = '/admin/dua-langkah';
const ENROLL = '/akun/dua-langkah';

/** The treasurer enrolled, as a confirmed code would have recorded it (the code checks are the login tests'). */
async function enrollTreasurer(server: TestServer): Promise<void> {
  await server.access.execute(SYSTEM_ACTOR, 'setup-enroll-treasurer', 'EnrollTwoFactor', {
    userId: server.userIds.treasurer,
    secret: generateSecret(),
    timeStep: 0,
  });
}

describe('administrator two-factor pages', () => {
  let server: TestServer;
  let app: Express;
  let admin: request.Agent;

  beforeEach(async () => {
    server = await startTestServer({ pages: webPages });
    ({ app } = server);
    admin = await signedInAgent(app, 'administrator');
  });

  it('sets the policy for auditors, who are then sent to the enrollment', async () => {
    const list = await admin.get(USERS).expect(200);
    expect(list.text).toContain(`href="${POLICY}"`);
    const before = await admin.get(POLICY).expect(200);
    expect(before.text).toContain('tidak ada peran yang wajib');
    expect(before.text).toContain('value="auditor"');
    expect(before.text).toContain('value="regencyFinance"');
    expect(before.text).not.toContain('value="treasurer"');

    const answer = await submit(admin, POLICY, POLICY, { roles: 'auditor' }, 303);
    expect(answer.headers.location).toBe(`${POLICY}?tercatat=policy`);
    expect((await server.access.load()).state.twoFactorRoles).toEqual(['auditor']);
    const after = await admin.get(answer.headers.location!).expect(200);
    expect(after.text).toContain('Kebijakan verifikasi dua langkah disimpan.');
    expect(after.text).toContain('wajib bagi: Auditor (Inspektorat).');
    expect(after.text).toMatch(/value="auditor" checked/);

    const auditor = await signedInAgent(app, 'auditor');
    await auditor.get('/beranda').expect(303).expect('Location', ENROLL);
    // Roles the policy does not name go on as before.
    await (await signedInAgent(app, 'regencyfinance')).get('/beranda').expect(200);

    // No box ticked is the empty policy.
    await submit(admin, POLICY, POLICY, {}, 303);
    expect((await server.access.load()).state.twoFactorRoles).toEqual([]);
    await auditor.get('/beranda').expect(200);
  });

  it('refuses a role the policy does not allow beside the roles, and writes nothing', async () => {
    const before = (await server.access.load()).revision;
    const refused = await submit(admin, POLICY, POLICY, { roles: ['auditor', 'treasurer'] }, 422);
    expect(fieldError(refused.text, 'roles')).toContain('[TWO_FACTOR_POLICY_ROLE]');
    expect(refused.text).toMatch(/value="auditor" checked/);
    expect((await server.access.load()).revision).toBe(before);
  });

  it('removes a user’s two-factor sign-in with a reason: the user signs in with the password only', async () => {
    await enrollTreasurer(server);
    expect(await signsIn(app, 'treasurer')).toBe(false);
    const page = `${USERS}/${server.userIds.treasurer}`;
    const shown = await admin.get(page).expect(200);
    expect(shown.text).toMatch(/<dt>Verifikasi dua langkah<\/dt><dd>Aktif<\/dd>/);

    const answer = await submit(
      admin,
      page,
      `${page}/dua-langkah`,
      { reason: 'Ponsel hilang' },
      303,
    );
    expect(answer.headers.location).toBe(`${page}?tercatat=twoFactor`);
    const after = await admin.get(answer.headers.location!).expect(200);
    expect(after.text).toContain('Verifikasi dua langkah pengguna dihapus');
    expect(after.text).toMatch(/<dt>Verifikasi dua langkah<\/dt><dd>Tidak aktif<\/dd>/);
    expect(after.text).not.toContain(`action="${page}/dua-langkah"`);
    const removed = (await server.store.readAll()).filter((e) => e.type === 'TwoFactorRemoved');
    expect(removed.map((event) => event.data)).toEqual([
      { userId: server.userIds.treasurer, reason: 'Ponsel hilang' },
    ]);
    expect(await signsIn(app, 'treasurer')).toBe(true);
  });

  it('refuses a removal without a reason beside its field, and writes nothing', async () => {
    await enrollTreasurer(server);
    const page = `${USERS}/${server.userIds.treasurer}`;
    const before = (await server.access.load()).revision;
    const refused = await submit(admin, page, `${page}/dua-langkah`, { reason: '' }, 422);
    expect(fieldError(refused.text, 'twoFactorReason')).toMatch(/\S/);
    // The deactivation's reason, on the same page, is not the one refused.
    expect(fieldError(refused.text, 'reason')).toBeUndefined();
    expect((await server.access.load()).revision).toBe(before);
    expect(await signsIn(app, 'treasurer')).toBe(false);
  });

  it('offers no removal for a user without two-factor sign-in', async () => {
    const page = `${USERS}/${server.userIds.treasurer}`;
    const shown = await admin.get(page).expect(200);
    expect(shown.text).toMatch(/<dt>Verifikasi dua langkah<\/dt><dd>Tidak aktif<\/dd>/);
    expect(shown.text).not.toContain(`action="${page}/dua-langkah"`);
  });

  it('gives a treasurer 403 on the policy page and its form, and writes nothing', async () => {
    const treasurer = await signedInAgent(app, 'treasurer');
    await treasurer.get(POLICY).expect(403);
    const home = await treasurer.get('/beranda').expect(200);
    const before = (await server.access.load()).revision;
    await treasurer
      .post(POLICY)
      .type('form')
      .send({ _csrf: csrfOf(home.text), roles: 'auditor' })
      .expect(403);
    expect((await server.access.load()).revision).toBe(before);
  });

  it.each(['treasurer', 'administrator', 'auditor'])(
    'links the %s’s home to their own two-factor page',
    async (username) => {
      const agent = await signedInAgent(app, username);
      const home = await agent.get('/beranda').expect(200);
      expect(home.text).toContain(`href="${ENROLL}"`);
      expect(home.text).toContain('Keamanan akun (verifikasi dua langkah)');
      await agent.get(ENROLL).expect(200);
    },
  );
});
