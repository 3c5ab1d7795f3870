import { Layout } from '../../src/web/layout';
import { renderPage } from '../../src/web/render-page';

describe('renderPage', () => {
  test('a whole Indonesian document for a phone, with the one stylesheet and one deferred script file, nothing inline', () => {
    const html = renderPage('Beranda', <p>Halo</p>);
    expect(html.startsWith('<!doctype html><html lang="id">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    expect(html).toContain('<link rel="stylesheet" href="/web/assets/kasdesa.css"/>');
    expect(html).toContain('<title>Beranda · Kasdesa</title>');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<script src="/web/assets/kasdesa.js" defer></script>');
  });

  test('the layout names the user and role and posts the logout with the CSRF token', () => {
    const html = renderPage(
      'Beranda',
      <Layout user={{ displayName: 'Siti <b>', role: 'treasurer' }} csrfToken="tok&1">
        <p>isi</p>
      </Layout>,
    );
    expect(html).toContain('Siti &lt;b> · Bendahara (Kaur Keuangan)');
    expect(html).toContain('<form method="post" action="/keluar">');
    expect(html).toContain('<input type="hidden" name="_csrf" value="tok&amp;1"/>');
    expect(html).toContain('<main><p>isi</p></main>');
  });
});
