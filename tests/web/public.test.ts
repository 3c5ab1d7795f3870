import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import * as reports from '../../src/reports/run-report';
import { formatRupiah } from '../../src/web/format';
import { webPages } from '../../src/web/web-pages';
import { startFullYearApp } from '../http/full-year-app';
import { bearer, VILLAGE, YEAR, type TestServer } from '../http/support';
import { testNeedingAll, testNeedingModule, testNeedingTool } from '../support/test-needing-tool';

/** The installation's complaints contact (KASDESA_COMPLAINTS_CONTACT), as main.ts passes it. */
const CONTACT = 'Inspektorat Kabupaten, WhatsApp 0812-3456-7890, pengaduan@contoh.go.id';

/** What the page and the poster must never show: a payee, an NPWP, a bank account, an executor, a user. */
const PERSONAL = ['CV Maju Jaya', '012345678901234', '0011223344', 'Bambang', 'Pengguna treasurer'];

/** Whitespace of any kind (formatRupiah's no-break space too) as one space, for text out of a PDF. */
const spaced = (text: string) => text.replace(/\s+/g, ' ');

/** One figure element of the page, by id. */
const figure = (html: string, id: string) =>
  new RegExp(`<figure class="chart-figure" id="${id}">.*?</figure>`, 's').exec(html)?.[0];

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
    ({ server, app, close } = await startFullYearApp({
      pages: (services) => webPages({ ...services, complaintsContact: CONTACT }),
    }));
  }, 180_000);
  afterAll(() => close());
  afterEach(() => jest.restoreAllMocks());

  // First of the file: the page is not yet in the cache.
  test('builds its four reports once; a second request at the same read-model position is served from the cache', async () => {
    const built = jest.spyOn(reports, 'runReport');
    const first = await request(app).get(page).expect(200);
    expect(built.mock.calls.map(([asked]) => asked.report.name)).toEqual([
      'realisation',
      'activity-realisation',
      'planning-trail',
      'fund-flow',
    ]);
    const second = await request(app).get(page).expect(200);
    expect(built).toHaveBeenCalledTimes(4);
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
    expect(res.text).toContain(`<h2>Pengaduan</h2>`);
    expect(res.text).toContain(CONTACT);
    expect(res.text).toContain(`href="${page}/baliho.pdf"`);
    expect(res.text).toContain('Unduh baliho (PDF A1)');
  });

  test('draws budget and realised per bidang as an SVG named by its title, over a table of the same figures', async () => {
    const api = await request(app)
      .get(`/api/v1/villages/${VILLAGE}/years/${YEAR}/reports/realisation`)
      .set(bearer(server.tokens.treasurer))
      .expect(200);
    const html = (await request(app).get(page).expect(200)).text;
    const chart = figure(html, 'grafik-belanja');
    expect(chart).toBeDefined();
    expect(chart).toContain('<svg class="chart" viewBox="0 0 600 ');
    expect(chart).toMatch(/role="img" aria-labelledby="grafik-belanja-title grafik-belanja-desc"/);
    expect(chart).toMatch(
      /<title id="grafik-belanja-title">Anggaran dan realisasi belanja per bidang/,
    );
    expect(chart).toContain('<desc id="grafik-belanja-desc">');
    // The largest amount of the chart is a full-length bar.
    expect(chart).toContain('width="600"');
    for (const { code, realised } of bidangOf(api.body.spending as BidangRow[])) {
      const row = new RegExp(`<tr data-code="${code.replace(/\./g, '\\.')}">.*?</tr>`).exec(chart!);
      expect(row?.[0]).toContain(`>${formatRupiah(realised)}</td>`);
    }
    expect(figure(html, 'grafik-pendapatan')).toContain('role="img"');
  });

  test('charts each fund source from pagu to what is left, its table as the fund-flow report has it', async () => {
    const api = await request(app)
      .get(`/api/v1/villages/${VILLAGE}/years/${YEAR}/reports/fund-flow`)
      .set(bearer(server.tokens.treasurer))
      .expect(200);
    const sources = (
      api.body.village.sources as {
        source: string;
        allocation: string;
        received: string;
        spent: string;
        cashRemaining: string;
      }[]
    ).filter((flow) => flow.received !== '0.00');
    expect(sources.length).toBeGreaterThan(0);
    const chart = figure((await request(app).get(page).expect(200)).text, 'grafik-aliran-dana');
    expect(chart).toMatch(/<svg [^>]*role="img"/);
    for (const flow of sources) {
      const row = new RegExp(`<tr><th scope="row">[^<]*\\(${flow.source}\\)</th>.*?</tr>`).exec(
        chart!,
      );
      const cells = [...row![0].matchAll(/<td [^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
      expect(cells).toEqual(
        [flow.allocation, flow.received, flow.spent, flow.cashRemaining].map(formatRupiah),
      );
    }
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
    for (const personal of PERSONAL) expect(html).not.toContain(personal);
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

  /** The poster's response, its body as bytes (supertest parses only text by default). */
  const poster = () =>
    request(app)
      .get(`${page}/baliho.pdf`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);

  const withPdfKit = testNeedingModule('pdfkit', 'the APBDes poster (baliho) is drawn with pdfkit');

  test.each([`/publik/35.10.99.2999/${YEAR}`, `/publik/${VILLAGE}/1999`])(
    'the poster of an unknown village or year (%s) is refused as its page is, as a page',
    async (yearPage) => {
      const refused = await request(app).get(yearPage);
      expect(refused.status).toBeGreaterThanOrEqual(400);
      const poster = await request(app).get(`${yearPage}/baliho.pdf`);
      expect(poster.status).toBe(refused.status);
      expect(poster.headers['content-type']).toMatch(/text\/html/);
      expect(poster.text).toBe(refused.text);
    },
  );

  withPdfKit(
    'the poster is an A1 PDF to download, cacheable, built once per read-model position',
    async () => {
      const built = jest.spyOn(reports, 'runReport');
      const res = await poster();
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename=baliho-apbdes-${VILLAGE}-${YEAR}.pdf`,
      );
      expect(res.headers['cache-control']).toBe('public, max-age=60');
      const pdf = res.body as Buffer;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
      expect(box?.slice(1).map(Number)).toEqual([1683.78, 2383.94]);
      const again = await poster();
      expect(Buffer.compare(again.body as Buffer, pdf)).toBe(0);
      expect(built).toHaveBeenCalledTimes(4);
    },
  );

  testNeedingAll(
    withPdfKit,
    testNeedingTool('pdftotext', 'reading the text of the APBDes poster'),
    testNeedingTool('pdfinfo', 'reading the page size of the APBDes poster'),
  )(
    'the poster names the village and year, its totals in Rp, the complaints contact and no person',
    async () => {
      const api = await request(app)
        .get(`/api/v1/villages/${VILLAGE}/years/${YEAR}/reports/realisation`)
        .set(bearer(server.tokens.treasurer))
        .expect(200);
      const res = await poster();
      const folder = mkdtempSync(join(tmpdir(), 'kasdesa-poster-'));
      try {
        const file = join(folder, 'baliho.pdf');
        writeFileSync(file, res.body as Buffer);
        expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(
          /Page size:\s+1683\.78 x 2383\.94 pts \(A1\)/,
        );
        const text = spaced(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
        expect(text).toContain(`APBDes Desa ${api.body.identity.villageName} Tahun ${YEAR}`);
        expect(text).toContain(spaced(formatRupiah(api.body.totals.revenue.realised)));
        expect(text).toContain(spaced(formatRupiah(api.body.totals.spending.budget)));
        expect(text).toContain(spaced(CONTACT));
        for (const personal of PERSONAL) expect(text).not.toContain(personal);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  );
});
