import type { Express } from 'express';
import request from 'supertest';
import { webPages } from '../../src/web/web-pages';
import {
  addUser,
  DISTRICT,
  OTHER_VILLAGE,
  PASSWORD,
  REGENCY,
  startTestServer,
  VILLAGE,
  type TestServer,
} from '../http/support';
import {
  csrfOf,
  fieldError,
  signedInAgent,
  signsIn,
  submitForm as submit,
} from './support/web-agent';

const USERS = '/admin/pengguna';
const NEW_USER = '/admin/pengguna/baru';

const SITI = {
  username: 'siti',
  displayName: 'Siti Aminah',
  role: 'secretary',
  scope: VILLAGE,
  password: 'sandi-siti-2025',
};

describe('administrator user pages', () => {
  let server: TestServer;
  let app: Express;
  let admin: request.Agent;

  beforeEach(async () => {
    server = await startTestServer({ pages: webPages });
    ({ app } = server);
    admin = await signedInAgent(app, 'administrator');
  });

  it('lists the users with Indonesian role names and region names, never a password hash', async () => {
    const page = await admin.get(USERS).expect(200);
    expect(page.text).toContain('data-username="treasurer"');
    expect(page.text).toContain('Bendahara (Kaur Keuangan)');
    expect(page.text).toMatch(/Desa [^<]+\(Kec\. [^)]+\)/);
    expect(page.text).not.toContain('scrypt');
    expect(page.text).not.toContain('passwordHash');
    const home = await admin.get('/beranda').expect(200);
    expect(home.text).toContain(`href="${USERS}"`);
    expect(home.text).toContain(`href="${NEW_USER}"`);
  });

  it('filters by role and by region', async () => {
    await addUser(server.access, 'bendaharalain', 'treasurer', OTHER_VILLAGE);
    const treasurers = await admin.get(`${USERS}?peran=treasurer`).expect(200);
    expect(treasurers.text).toContain('data-username="treasurer"');
    expect(treasurers.text).toContain('data-username="bendaharalain"');
    expect(treasurers.text).not.toContain('data-username="secretary"');
    const district = await admin.get(`${USERS}?wilayah=${DISTRICT}`).expect(200);
    expect(district.text).toContain('data-username="treasurer"');
    expect(district.text).toContain('data-username="districthead"');
    expect(district.text).not.toContain('data-username="bendaharalain"');
    expect(district.text).not.toContain('data-username="administrator"');
  });

  it('registers a user through the form, who can then sign in', async () => {
    const answer = await submit(admin, NEW_USER, NEW_USER, SITI, 303);
    expect(answer.headers.location).toBe(`${USERS}?tercatat=registered`);
    const list = await admin.get(answer.headers.location!).expect(200);
    expect(list.text).toContain('Pengguna terdaftar.');
    expect(list.text).toContain('data-username="siti"');
    const siti = await signedInAgent(app, 'siti', SITI.password);
    const home = await siti.get('/beranda').expect(200);
    expect(home.text).toContain('Siti Aminah');
    expect(home.text).toContain('Sekretaris Desa');
  });

  it.each([
    ['a bad username', { username: 'Siti Aminah' }, 'username', 422],
    ['a short password', { password: 'pendek' }, 'password', 422],
    ['a scope outside the administrator’s regency', { scope: '35.11.01.2001' }, 'scope', 403],
    [
      'a district scope for an administrator',
      { role: 'administrator', scope: DISTRICT },
      'scope',
      422,
    ],
  ])('shows %s beside its field and writes nothing', async (_what, typed, field, status) => {
    const before = (await server.access.load()).revision;
    const answer = await submit(admin, NEW_USER, NEW_USER, { ...SITI, ...typed }, status);
    expect(fieldError(answer.text, field)).toMatch(/\S/);
    const others = ['username', 'password', 'scope', 'role', 'displayName'].filter(
      (n) => n !== field,
    );
    for (const other of others) expect(fieldError(answer.text, other)).toBeUndefined();
    expect(answer.text).toContain('value="Siti Aminah"');
    expect((await server.access.load()).revision).toBe(before);
  });

  it('shows the username rule’s Indonesian message beside the username', async () => {
    const answer = await submit(admin, NEW_USER, NEW_USER, { ...SITI, username: 'S' }, 422);
    expect(fieldError(answer.text, 'username')).toMatch(
      /^\[COMMAND_SCHEMA\] Perintah tidak lengkap atau formatnya salah: payload\.username/,
    );
    expect(answer.text).toContain('id="f-username" name="username" aria-invalid="true"');
  });

  it('changes a role and scope through the user page', async () => {
    const id = server.userIds.treasurer;
    const page = `${USERS}/${id}`;
    await submit(admin, page, `${page}/peran`, { role: 'secretary', scope: OTHER_VILLAGE }, 303);
    const { state } = await server.access.load();
    expect(state.users.get(id)).toMatchObject({ role: 'secretary', scope: OTHER_VILLAGE });
    const refused = await submit(
      admin,
      page,
      `${page}/peran`,
      {
        role: 'treasurer',
        scope: DISTRICT,
      },
      422,
    );
    expect(fieldError(refused.text, 'scope')).toContain(
      '[SCOPE_FITS_ROLE] Tingkat cakupan tidak sesuai dengan peran',
    );
  });

  it('resets a password: the old one is refused, the new one accepted', async () => {
    const page = `${USERS}/${server.userIds.treasurer}`;
    const short = await submit(admin, page, `${page}/sandi`, { password: 'pendek' }, 422);
    expect(fieldError(short.text, 'password')).toMatch(/\S/);
    await submit(admin, page, `${page}/sandi`, { password: 'sandi-baru-2025' }, 303);
    expect(await signsIn(app, 'treasurer', PASSWORD)).toBe(false);
    expect(await signsIn(app, 'treasurer', 'sandi-baru-2025')).toBe(true);
  });

  it('deactivation with a reason ends that user’s sign-in', async () => {
    const treasurer = await signedInAgent(app, 'treasurer');
    await treasurer.get('/beranda').expect(200);
    const page = `${USERS}/${server.userIds.treasurer}`;
    const blank = await submit(admin, page, `${page}/nonaktifkan`, { reason: '' }, 422);
    expect(fieldError(blank.text, 'reason')).toMatch(/\S/);
    const answer = await submit(
      admin,
      page,
      `${page}/nonaktifkan`,
      {
        reason: 'Pindah tugas',
      },
      303,
    );
    const after = await admin.get(answer.headers.location!).expect(200);
    expect(after.text).toContain('Pengguna dinonaktifkan.');
    expect(after.text).toContain('Nonaktif');
    const home = await treasurer.get('/beranda').expect(303);
    expect(home.headers.location).toBe('/masuk');
    expect(await signsIn(app, 'treasurer', PASSWORD)).toBe(false);
  });

  it('refuses a form without the session’s CSRF token', async () => {
    const before = (await server.access.load()).revision;
    await admin.post(NEW_USER).type('form').send(SITI).expect(403);
    expect((await server.access.load()).revision).toBe(before);
  });

  it('gives a treasurer 403 on the user pages, and no menu item', async () => {
    const treasurer = await signedInAgent(app, 'treasurer');
    await treasurer.get(USERS).expect(403);
    await treasurer.get(NEW_USER).expect(403);
    await treasurer.get(`${USERS}/${server.userIds.secretary}`).expect(403);
    const home = await treasurer.get('/beranda').expect(200);
    expect(home.text).not.toContain(`href="${USERS}"`);
  });

  it('shows a district-scoped auditor only the district’s users, and lets them change nothing', async () => {
    // An administrator is scoped to the regency only (ROLE_SCOPE_LEVELS); the auditor, who may
    // read users, may be scoped to a district.
    await addUser(server.access, 'auditorkec', 'auditor', DISTRICT);
    await addUser(server.access, 'bendaharalain', 'treasurer', OTHER_VILLAGE);
    const auditor = await signedInAgent(app, 'auditorkec');
    const list = await auditor.get(USERS).expect(200);
    expect(list.text).toContain('data-username="treasurer"');
    expect(list.text).not.toContain('data-username="bendaharalain"');
    expect(list.text).not.toContain('data-username="administrator"');
    expect(list.text).not.toContain(`href="${NEW_USER}"`);
    await auditor.get(`${USERS}?wilayah=${REGENCY}`).expect(403);
    await auditor.get(NEW_USER).expect(403);
    const before = (await server.access.load()).revision;
    const home = await auditor.get('/beranda').expect(200);
    await auditor
      .post(NEW_USER)
      .type('form')
      .send({ _csrf: csrfOf(home.text), ...SITI, scope: OTHER_VILLAGE })
      .expect(403);
    expect((await server.access.load()).revision).toBe(before);
  });
});
