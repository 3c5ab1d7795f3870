import request from 'supertest';
import { webPages } from '../../src/web/web-pages';
import { startTestServer, type TestServer } from '../http/support';

const PASSWORD = 'rahasia-desa-123';

/** The login form's cookie and hidden CSRF token, as a browser gets them. */
async function loginForm(agent: request.Agent): Promise<string> {
  const page = await agent.get('/masuk').expect(200);
  return /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
}

describe('web pages', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ pages: webPages });
  });

  test('/ sends a visitor to the login page; every page carries a strict CSP', async () => {
    await request(server.app).get('/').expect(303).expect('Location', '/masuk');
    const page = await request(server.app).get('/masuk').expect(200);
    const policy = page.headers['content-security-policy'] as string;
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(page.text).toContain('<html lang="id">');
  });

  test('the stylesheet goes gzip-compressed to a browser that accepts it, and plain to one that does not', async () => {
    const css = '/web/assets/kasdesa.css';
    const gzipped = await request(server.app).get(css).set('Accept-Encoding', 'gzip').expect(200);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['vary']).toContain('Accept-Encoding');
    const plain = await request(server.app).get(css).set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toContain('.top nav a');
  });

  test('the one script is bundled from src/web/browser and served by Kasdesa itself', async () => {
    const page = await request(server.app).get('/masuk').expect(200);
    expect(page.text).toContain('<script src="/web/assets/kasdesa.js" defer>');
    const script = await request(server.app).get('/web/assets/kasdesa.js').expect(200);
    expect(script.type).toBe('text/javascript');
    expect(script.text).toContain('focusout');
    expect(script.text).not.toMatch(/\bimport\b|\brequire\(/);
  });

  test('logs in with the form, shows the home, logs out', async () => {
    const agent = request.agent(server.app);
    const csrf = await loginForm(agent);
    const login = await agent
      .post('/masuk')
      .type('form')
      .send({ _csrf: csrf, username: 'treasurer', password: PASSWORD })
      .expect(303)
      .expect('Location', '/beranda');
    const cookie = (login.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('kasdesa_session='),
    )!;
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const home = await agent.get('/beranda').expect(200);
    expect(home.text).toContain('Bendahara (Kaur Keuangan)');
    const sessionCsrf = /name="_csrf" value="([^"]+)"/.exec(home.text)![1]!;
    await agent.post('/keluar').type('form').send({ _csrf: sessionCsrf }).expect(303);
    await agent.get('/beranda').expect(303).expect('Location', '/masuk');
  });

  test('behind a trusted TLS proxy the session cookie is Secure; an untrusted X-Forwarded-Proto is ignored', async () => {
    const sessionCookieOver = async (app: typeof server.app) => {
      const agent = request.agent(app);
      const csrf = await loginForm(agent);
      const login = await agent
        .post('/masuk')
        .set('X-Forwarded-Proto', 'https')
        .type('form')
        .send({ _csrf: csrf, username: 'treasurer', password: PASSWORD })
        .expect(303);
      return (login.headers['set-cookie'] as unknown as string[]).find((c) =>
        c.startsWith('kasdesa_session='),
      )!;
    };
    expect(await sessionCookieOver(server.app)).not.toContain('Secure');
    const proxied = await startTestServer({ pages: webPages, trustProxyHops: 1 });
    expect(await sessionCookieOver(proxied.app)).toContain('Secure');
  });

  test('a wrong password: the rule message beside the username, which the form keeps', async () => {
    const agent = request.agent(server.app);
    const csrf = await loginForm(agent);
    const page = await agent
      .post('/masuk')
      .type('form')
      .send({ _csrf: csrf, username: 'treasurer', password: 'salah' })
      .expect(401);
    expect(page.text).toMatch(
      /name="username" value="treasurer"[^>]*aria-describedby="username-error"\/><p class="error" id="username-error" role="alert">Nama pengguna atau kata sandi salah<\/p>/,
    );
  });

  test('a script typed as username comes back escaped', async () => {
    const agent = request.agent(server.app);
    const csrf = await loginForm(agent);
    const page = await agent
      .post('/masuk')
      .type('form')
      .send({ _csrf: csrf, username: '"><script>alert(1)</script>', password: 'x' })
      .expect(401);
    expect(page.text).not.toContain('<script>');
    expect(page.text).toContain('value="&quot;>&lt;script>alert(1)&lt;/script>"');
  });

  test('a form without its CSRF token is refused (403) with the rule message', async () => {
    const agent = request.agent(server.app);
    await loginForm(agent);
    const login = await agent
      .post('/masuk')
      .type('form')
      .send({ username: 'treasurer', password: PASSWORD })
      .expect(403);
    expect(login.text).toContain('Formulir memerlukan kolom _csrf yang cocok dengan sesi');
    const csrf = await loginForm(agent);
    await agent
      .post('/masuk')
      .type('form')
      .send({ _csrf: csrf, username: 'treasurer', password: PASSWORD })
      .expect(303);
    const logout = await agent.post('/keluar').type('form').send({ _csrf: 'palsu' }).expect(403);
    expect(logout.text).toContain('Formulir memerlukan kolom _csrf');
    await agent.get('/beranda').expect(200);
  });

  test('the stylesheet is served by Kasdesa itself', async () => {
    await request(server.app)
      .get('/web/assets/kasdesa.css')
      .expect(200)
      .expect('Content-Type', /text\/css/);
  });
});
