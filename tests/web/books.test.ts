import ExcelJS from 'exceljs';
import request from 'supertest';
import { signedInAgent } from './support/web-agent';
import type { Express } from 'express';
import { reportNames } from '../../src/reports/catalog';
import { SHELVED_NAMES, shelvesFor } from '../../src/web/books/book-shelves';
import { formatRupiah } from '../../src/web/format';
import { webPages } from '../../src/web/web-pages';
import { startFullYearApp } from '../http/full-year-app';
import { bearer, binaryGet, VILLAGE, VILLAGE_PATH, YEAR } from '../http/support';
import type { TestServer } from '../http/support';
import { buildRealisticVillage } from '../support/realistic-village';

const SCRIPT = '<script>alert(1)</script>';
const HYPERLINK = '=HYPERLINK("http://x","y")';
const JUNE = `tahun=${YEAR}&month=6`;

/** An SPP with a script or a spreadsheet formula in every free-text field. */
const HOSTILE_SPP = {
  sppId: 'SPP-UJI',
  kind: 'LS',
  activityId: 'operasional-pemdes',
  date: '2025-06-11',
  description: SCRIPT,
  progressReportReference: HYPERLINK,
  lines: [
    {
      lineId: 'operasional-pemdes-1',
      source: 'ADD',
      amount: '1000000',
      evidence: {
        receiptNumber: 'NOTA-UJI',
        receiptDate: '2025-06-10',
        payee: HYPERLINK,
        address: SCRIPT,
      },
    },
  ],
};

const listed = (html: string) =>
  [...html.matchAll(/<li data-report="([^"]+)">/g)].map((match) => match[1]).sort();

describe('books and reports pages', () => {
  let server: TestServer;
  let app: Express;
  let close: () => Promise<void>;
  let treasurer: request.Agent;

  beforeAll(async () => {
    ({ server, app, close } = await startFullYearApp({
      pages: webPages,
      runYear: (_run, ledger) => buildRealisticVillage(ledger),
    }));
    // Two June receipts in cash, with free text a page and a spreadsheet must keep inert.
    let position = '';
    for (const [receiptId, description] of [
      ['TBP-UJI-1', SCRIPT],
      ['TBP-UJI-2', HYPERLINK],
    ] as const) {
      const answer = await request(app)
        .post(`${VILLAGE_PATH}/commands/RecordReceipt`)
        .set(bearer(server.tokens.treasurer))
        .send({
          receiptId,
          date: '2025-06-10',
          account: '4.1.2.01',
          source: 'PAD',
          amount: '9250000',
          into: 'cashOnHand',
          payer: { name: 'BUMDes' },
          description,
        })
        .expect(201);
      position = answer.body.position as string;
    }
    // An SPP whose every free-text field is hostile, drafted and submitted by the executor.
    for (const [type, payload] of [
      ['DraftPaymentRequest', HOSTILE_SPP],
      ['SubmitPaymentRequest', { sppId: HOSTILE_SPP.sppId, date: '2025-06-12' }],
    ] as const) {
      const answer = await request(app)
        .post(`${VILLAGE_PATH}/commands/${type}`)
        .set(bearer(server.tokens.activityExecutor))
        .send(payload)
        .expect(201);
      position = answer.body.position as string;
    }
    await request(app)
      .get(`${VILLAGE_PATH}/reports/bku?month=6&after=${position}`)
      .set(bearer(server.tokens.treasurer))
      .expect(200);
    treasurer = await signedInAgent(app, 'treasurer');
  }, 180_000);
  afterAll(() => close());

  const xlsxResponse = (path: string) => binaryGet(treasurer.get(path)).expect(200);
  const xlsxOf = async (path: string) => (await xlsxResponse(path)).body as Buffer;

  test('every village report of the catalogue is on a shelf', () => {
    expect([...SHELVED_NAMES].sort()).toEqual(reportNames('village').sort());
  });

  test('the list shows the reports the role may read, for the year chosen', async () => {
    const page = await treasurer.get(`/laporan?tahun=${YEAR}`).expect(200);
    expect(listed(page.text)).toEqual(reportNames('village').sort());
    expect(page.text).toContain('<h2>Buku</h2>');
    expect(page.text).toContain(`href="/laporan/bku?tahun=${YEAR}"`);
    expect(page.text).toContain('Buku Kas Umum');

    // Every village-scoped role reads every village report; the administrator reads none.
    expect(shelvesFor('administrator')).toEqual([]);
    expect(shelvesFor('villageHead').flatMap((shelf) => shelf.reports)).toHaveLength(
      reportNames('village').length,
    );

    const auditor = await (await signedInAgent(app, 'auditor')).get('/laporan').expect(200);
    expect(listed(auditor.text)).toEqual([]);
    expect(auditor.text).toContain('bukan desa');

    await request(app).get('/laporan').expect(303).expect('Location', '/masuk');
  });

  test('the BKU page shows the rows of the API’s BKU, amounts in Rupiah, as cards', async () => {
    const api = await request(app)
      .get(`${VILLAGE_PATH}/reports/bku?month=6`)
      .set(bearer(server.tokens.treasurer))
      .expect(200);
    const apiRows = api.body.bku.rows as unknown[];
    expect(apiRows.length).toBeGreaterThanOrEqual(2);

    const page = await treasurer.get(`/laporan/bku?${JUNE}`).expect(200);
    const detailRows = page.text.match(/<tr class="row-detail">/g) ?? [];
    expect(detailRows).toHaveLength(apiRows.length);
    expect(page.text).toContain(
      `<td data-label="Penerimaan (Rp)" class="amount">${formatRupiah('9250000')}</td>`,
    );
    // Detail rows numbered 1..n under "No.", as the printed book numbers them.
    const numbers = [...page.text.matchAll(/<td data-label="No\." class="centered">(\d*)<\/td>/g)];
    expect(numbers.map((m) => m[1]).filter(Boolean)).toEqual(
      apiRows.map((_, index) => String(index + 1)),
    );
    expect(page.text).toContain('<table class="cards">');
    const cells = page.text.match(/<td[ >]/g)!.length;
    expect(page.text.match(/<td data-label="[^"]+"/g)!.length).toBe(cells);
    expect(page.text).toContain('<td data-label="Tanggal">10/06/2025</td>');
    // The same signature block as the printed report: the village's officers from the access ledger.
    expect(page.text).toContain('<p>Mengetahui,</p>');
    expect(page.text).toContain('<p class="signatory-name">Pengguna treasurer</p>');
  });

  test('every report on the list shows as a page with its tables', async () => {
    const shown = [];
    for (const name of reportNames('village')) {
      const page = await treasurer.get(`/laporan/${name}?${JUNE}`);
      shown.push({
        name,
        status: page.status,
        body: /<table class="cards">|Tidak ada isi untuk pilihan ini/.exec(page.text)?.[0],
      });
    }
    expect(shown.filter((page) => page.status !== 200 || !page.body)).toEqual([]);
    expect(
      shown.filter((page) => page.body !== '<table class="cards">').map((p) => p.name),
    ).toEqual(['kegiatan']);
  });

  test('a book with a required month first asks for it', async () => {
    const page = await treasurer.get(`/laporan/bku?tahun=${YEAR}`).expect(200);
    expect(page.text).toContain('<select name="month" required');
    expect(page.text).not.toContain('<table');
  });

  test('downloads are the API’s files: CSV byte for byte, xlsx as a workbook', async () => {
    const api = await request(app)
      .get(`${VILLAGE_PATH}/reports/bku?month=6&format=csv`)
      .set(bearer(server.tokens.treasurer))
      .buffer(true)
      .expect(200);
    const csv = await treasurer.get(`/laporan/bku/unduh.csv?${JUNE}`).buffer(true).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="bku-${VILLAGE}-2025-06.csv"`,
    );
    expect(csv.text).toBe(api.text);
    const asked = await treasurer.get(`/laporan/bku?${JUNE}&format=csv`).buffer(true).expect(200);
    expect(asked.text).toBe(api.text);

    const xlsx = await xlsxResponse(`/laporan/bku/unduh.xlsx?${JUNE}`);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers['content-disposition']).toBe(
      `attachment; filename="bku-${VILLAGE}-2025-06.xlsx"`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const texts: ExcelJS.Cell[] = [];
    workbook.worksheets[0]!.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.text.startsWith(HYPERLINK)) texts.push(cell);
      }),
    );
    expect(texts).toHaveLength(1);
    expect(texts[0]!.type).toBe(ExcelJS.ValueType.String);

    const pdf = await xlsxResponse(`/laporan/bku/unduh.pdf?${JUNE}`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(
      `attachment; filename="bku-${VILLAGE}-2025-06.pdf"`,
    );
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('free text is escaped on the page and never a formula in the CSV', async () => {
    const page = await treasurer.get(`/laporan/bku?${JUNE}`).expect(200);
    expect(page.text).toContain('&lt;script>alert(1)&lt;/script>');
    expect(page.text).not.toContain(SCRIPT);
    const csv = await treasurer.get(`/laporan/bku/unduh.csv?${JUNE}`).buffer(true).expect(200);
    // The book adds what the line was to the receipt's description.
    expect(csv.text).toContain(`,"'=HYPERLINK(""http://x"",""y"") — Penerimaan (PAD)",`);
    expect(csv.text).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  test('no report page, CSV or xlsx lets the free text act: escaped markup, text cells only', async () => {
    const leaks: string[] = [];
    for (const name of reportNames('village')) {
      const page = await treasurer.get(`/laporan/${name}?${JUNE}`).expect(200);
      if (page.text.includes(SCRIPT)) leaks.push(`${name}: <script> on the page`);
      const csv = await treasurer.get(`/laporan/${name}/unduh.csv?${JUNE}`).buffer(true);
      if (/(^|,)"?[=+@-]HYPERLINK/m.test(csv.text)) leaks.push(`${name}: formula in the CSV`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(
        (await xlsxOf(`/laporan/${name}/unduh.xlsx?${JUNE}`)) as unknown as ArrayBuffer,
      );
      workbook.eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.formula?.includes('HYPERLINK'))
              leaks.push(`${name}: formula in ${sheet.name}`);
          }),
        ),
      );
    }
    expect(leaks).toEqual([]);
    const register = await treasurer.get(`/laporan/spp-register?${JUNE}`).expect(200);
    expect(register.text).toContain('&lt;script>alert(1)&lt;/script>');
  });

  test('a report that cannot be shown is a page with the rule, and a 4xx', async () => {
    const admin = await signedInAgent(app, 'administrator');
    const auditor = await signedInAgent(app, 'auditor');
    const cases: [request.Agent, string, number, string][] = [
      [treasurer, '/laporan/tidak-ada', 404, 'Bagian alamat tidak sah atau tidak dikenal'],
      [treasurer, `/laporan/bku?tahun=${YEAR}&month=13`, 400, 'Parameter kueri tidak sah'],
      [treasurer, `/laporan/bku/unduh.csv?tahun=${YEAR}`, 400, 'Parameter kueri tidak sah'],
      [treasurer, '/laporan/bku?tahun=1999&month=6', 400, 'Parameter kueri tidak sah'],
      [admin, `/laporan/bku?${JUNE}`, 403, 'Wilayah ini di luar cakupan Anda'],
      [auditor, `/laporan/bku?${JUNE}`, 403, 'Wilayah ini di luar cakupan Anda'],
    ];
    for (const [agent, path, status, message] of cases) {
      const page = await agent.get(path);
      expect({ path, status: page.status, type: page.headers['content-type'] }).toEqual({
        path,
        status,
        type: 'text/html; charset=utf-8',
      });
      expect(page.text).toContain(`<h1>${message}`);
    }
  });
});
