import * as OTPAuth from 'otpauth';
import request from 'supertest';
import { webPages } from '../../src/web/web-pages';
import { bearer, PASSWORD, startTestServer } from '../http/support';
import { csrfOf, formFields, signedInAgent } from './support/web-agent';

const ENROLL = '/akun/dua-langkah';

async function pagesWithClock() {
  // Near the real time: the agent drops session cookies that expired by the real clock.
  let now = new Date(Math.floor(Date.now() / 30_000) * 30_000 + 5_000);
  const server = await startTestServer({ pages: webPages }, { clock: () => now });
  return {
    ...server,
    advance: (seconds: number) => (now = new Date(now.getTime() + seconds * 1000)),
    code: (secret: string) =>
      OTPAuth.TOTP.generate({
        secret: OTPAuth.Secret.fromBase32(secret),
        timestamp: now.getTime(),
      }),
  };
}

/** Enrolls the agent's user through the page: a wrong code first, then the right one. */
async function enrollThroughPage(
  agent: request.Agent,
  code: (secret: string) => string,
): Promise<string> {
  const page = await agent.get(ENROLL).expect(200);
  expect(page.text).toMatch(/<div class="qr" role="img"[^>]*><svg /);
  expect(page.text).not.toMatch(/<svg[^>]*style=|<script>|style="/);
  const fields = formFields(page.text, ENROLL);
  const secret = fields.secret!;
  expect(page.text).toContain(`<code class="secret">${secret}</code>`);
  const refused = await agent
    .post(ENROLL)
    .type('form')
    .send({ ...fields, code: '12345x' })
    .expect(422);
  expect(refused.text).toMatch(/id="code-error" role="alert">Kode verifikasi salah/);
  expect(formFields(refused.text, ENROLL).secret).toBe(secret);
  await agent
    .post(ENROLL)
    .type('form')
    .send({ ...fields, code: code(secret) })
    .expect(303)
    .expect('Location', '/beranda');
  return secret;
}

/** The regency's policy, set by its administrator through the API. */
async function requireTwoFactorOf(app: Parameters<typeof request>[0], token: string, role: string) {
  await request(app)
    .post('/api/v1/two-factor/policy')
    .set(bearer(token))
    .send({ roles: [role] })
    .expect(201);
}

async function formLogin(app: Parameters<typeof request>[0], code: string) {
  const agent = request.agent(app);
  const form = await agent.get('/masuk').expect(200);
  expect(form.text).toContain('name="code"');
  const answer = await agent
    .post('/masuk')
    .type('form')
    .send({ _csrf: csrfOf(form.text), username: 'auditor', password: PASSWORD, code });
  return { agent, answer };
}

describe('two-factor sign-in (pages)', () => {
  it('enrolls, then signs in with password and code; a wrong or replayed code is refused beside the field', async () => {
    const { app, code, advance } = await pagesWithClock();
    const secret = await enrollThroughPage(await signedInAgent(app, 'auditor'), code);

    advance(30);
    const wrong = await formLogin(app, '000000');
    expect(wrong.answer.status).toBe(401);
    expect(wrong.answer.text).toMatch(
      /id="code-error" role="alert">Kode verifikasi dua langkah salah/,
    );
    expect(wrong.answer.text).toContain('value="auditor"');

    const current = code(secret);
    const signedIn = await formLogin(app, current);
    expect(signedIn.answer.status).toBe(303);
    expect(signedIn.answer.headers.location).toBe('/beranda');
    await signedIn.agent.get('/beranda').expect(200);
    const enrolledPage = await signedIn.agent.get(ENROLL).expect(200);
    expect(enrolledPage.text).toContain('sudah aktif');
    expect(enrolledPage.text).not.toContain(secret);

    const replayed = await formLogin(app, current);
    expect(replayed.answer.status).toBe(401);
    expect(replayed.answer.text).toContain('id="code-error"');
  });

  it('sends a user the policy requires to the enrollment until enrolled', async () => {
    const { app, code, tokens } = await pagesWithClock();
    await requireTwoFactorOf(app, tokens.administrator, 'regencyFinance');
    const agent = await signedInAgent(app, 'regencyfinance');
    for (const path of ['/beranda', '/laporan', '/perintah', '/kabupaten'])
      await agent.get(path).expect(303).expect('Location', ENROLL);
    const page = await agent.get(ENROLL).expect(200);
    expect(page.text).toContain('wajib memakai verifikasi dua langkah');
    await enrollThroughPage(agent, code);
    await agent.get('/beranda').expect(200);
    // Roles the policy does not name are not held up.
    await (await signedInAgent(app, 'treasurer')).get('/beranda').expect(200);
  });

  it('lets a user who must enroll log out', async () => {
    const { app, tokens } = await pagesWithClock();
    await requireTwoFactorOf(app, tokens.administrator, 'administrator');
    const agent = await signedInAgent(app, 'administrator');
    const page = await agent.get(ENROLL).expect(200);
    await agent
      .post('/keluar')
      .type('form')
      .send(formFields(page.text, '/keluar'))
      .expect(303)
      .expect('Location', '/masuk');
    await agent.get(ENROLL).expect(303).expect('Location', '/masuk');
  });
});
