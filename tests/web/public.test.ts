import request from 'supertest';
import type { Express } from 'express';
import * as reports from '../../src/reports/run-report';
import { formatRupiah } from '../../src/web/format';
import { webPages } from '../../src/web/web-pages';
import { startFullYearApp } from '../http/full-year-app';
import { bearer, VILLAGE, YEAR, type TestServer } from '../http/support';

interface BidangRow {
  level: string;
  code: string;
  realised: string;
  children: BidangRow[];
}

/** The bidang rows of the API's realisation tree, found by hand. */
const bidangOf = (nodes: BidangRow[]): BidangRow[] =>
  nodes.flatMap((node) => (node.level === 'bidang' ? [node] : bidangOf(node.children)));

describe('public transparency page', () => {
  let server: TestServer;
  let app: Express;
  let close: () => Promise<void>;
  const page = `/publik/${VILLAGE}/${YEAR}`;

  beforeAll(async () => {
    ({ server, app, close } = await startFullYearApp({ pages: webPages }));
  }, 180_000);
  afterAll(() => close());
  afterEach(() => jest.restoreAllMocks());

  // First of the file: the page is not yet in the cache.
  test('builds its three reports once; a second request at the same read-model position is served from the cache', async () => {
    const built = jest.spyOn(reports, 'runReport');
    const first = await request(app).get(page).expect(200);
    expect(built.mock.calls.map(([asked]) => asked.report.name)).toEqual([
      'realisation',
      'activity-realisation',
      'planning-trail',
    ]);
    const second = await request(app).get(page).expect(200);
    expect(built).toHaveBeenCalledTimes(3);
    expect(second.text).toBe(first.text);
  });

  test('answers without any cookie: Indonesian, an h1, cacheable, no inline style or script', async () => {
    const res = await request(app).get(page).expect(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.text).toContain('<html lang="id">');
    expect(res.text).toMatch(/<h1>[^<]*Transparansi APBDes/);
    expect(res.text).not.toMatch(/\sstyle=|<style|<script>|<script [^>]*>[^<]/);
    expect(res.text).toContain('<meter');
    expect(res.text).toContain('Pengaduan: hubungi kantor desa');
  });

  test("shows each bidang's realised amount as the API's realisation report has it", async () => {
    const api = await request(app)
      .get(`/api/v1/villages/${VILLAGE}/years/${YEAR}/reports/realisation`)
      .set(bearer(server.tokens.treasurer))
      .expect(200);
    const bidang = bidangOf(api.body.spending as BidangRow[]);
    expect(bidang.length).toBeGreaterThan(0);
    expect(bidang.some((row) => row.realised !== '0.00')).toBe(true);
    const html = (await request(app).get(page).expect(200)).text;
    for (const { code, realised } of bidang) {
      const row = new RegExp(`<tr data-code="${code.replace(/\./g, '\\.')}">.*?</tr>`).exec(html);
      expect(row).not.toBeNull();
      const cells = [...row![0].matchAll(/<td class="amount"[^>]*>([^<]*)<\/td>/g)].map(
        (m) => m[1],
      );
      expect(cells[1]).toBe(formatRupiah(realised));
    }
  });

  test('names no payee, NPWP, bank account, activity executor or user', async () => {
    const html = (await request(app).get(page).expect(200)).text;
    for (const personal of [
      'CV Maju Jaya',
      '012345678901234',
      '0011223344',
      'Bambang',
      'Pengguna treasurer',
    ])
      expect(html).not.toContain(personal);
    // The activity's hamlet is public: it says where the money goes.
    expect(html).toContain('Krajan');
  });

  test('lists the village by district and sends /publik/<village> to its latest year', async () => {
    const list = await request(app).get('/publik').expect(200);
    expect(list.text).toContain(`href="${page}"`);
    expect(list.text).toContain('Kecamatan ');
    const latest = await request(app).get(`/publik/${VILLAGE}`).expect(302);
    expect(latest.headers.location).toBe(page);
  });

  test('an unknown village or a year without a ledger is a 404 page naming it', async () => {
    const unknown = await request(app).get(`/publik/35.10.99.2999/${YEAR}`).expect(404);
    expect(unknown.headers['content-type']).toMatch(/text\/html/);
    expect(unknown.text).toContain('Bagian alamat tidak sah atau tidak dikenal');
    expect(unknown.text).toContain('35.10.99.2999');
    const notACode = await request(app).get(`/publik/desa-entah/${YEAR}`).expect(404);
    expect(notACode.text).toContain('desa-entah');
  });

  test('a year without reference data is refused with the years that have it', async () => {
    const res = await request(app).get(`/publik/${VILLAGE}/1999`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('tahun dengan data referensi');
  });
});
