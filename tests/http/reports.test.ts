import request from 'supertest';
import type { Express } from 'express';
import ExcelJS from 'exceljs';
import { startFullYearApp, type FullYearApp } from './full-year-app';
import {
  bearer,
  expectProblem,
  OTHER_VILLAGE,
  REGENCY_PATH,
  VILLAGE_PATH,
  type TestServer,
} from './support';

describe('report endpoints', () => {
  let server: TestServer;
  let app: Express;
  let engine: FullYearApp['engine'];
  let close: () => Promise<void>;
  let recordedBefore: string;
  let recordedAfter: string;

  beforeAll(async () => {
    ({ server, app, engine, close } = await startFullYearApp({
      runYear: async (run) => {
        recordedBefore = new Date().toISOString();
        await run();
        recordedAfter = new Date().toISOString();
      },
    }));
  }, 180_000);
  afterAll(() => close());

  const get = (path: string, role: keyof TestServer['tokens'] = 'auditor') =>
    request(app).get(path).set(bearer(server.tokens[role]));

  /** A file answer's bytes. */
  const fileAt = (path: string, role: keyof TestServer['tokens'] = 'auditor') =>
    get(path, role)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);

  /** An xlsx report read back with exceljs, and the response's content type. */
  async function workbookAt(path: string, role: keyof TestServer['tokens'] = 'auditor') {
    const response = await fileAt(path, role);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    return { workbook, contentType: response.headers['content-type'] };
  }

  test('the regency fund flow as JSON from the live read models', async () => {
    const response = await get(`${REGENCY_PATH}/reports/fund-flow`).expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['content-disposition']).toMatch(
      /filename="fund-flow-35\.10-2025\.json"/,
    );
    const village = response.body.districts
      .flatMap((d: { villages: unknown[] }) => d.villages)
      .find((v: { villageCode: string }) => v.villageCode === '35.10.01.2001');
    const dds = village.sources.find((s: { source: string }) => s.source === 'DDS');
    expect(dds.village.received).not.toBe('0.00');
    expect(dds.village.receiptCount).toBeGreaterThan(0);
    expect(dds.village).not.toHaveProperty('receipts');
    expect(response.body.totals.received).toEqual(expect.stringMatching(/^\d+\.\d{2}$/));
  });

  test('a village fund flow lists every receipt the regency report counts, as JSON and xlsx', async () => {
    const regency = await get(`${REGENCY_PATH}/reports/fund-flow`).expect(200);
    const counted = regency.body.districts
      .flatMap((d: { villages: unknown[] }) => d.villages)
      .find((v: { villageCode: string }) => v.villageCode === '35.10.01.2001');
    const response = await get(`${VILLAGE_PATH}/reports/fund-flow`, 'treasurer').expect(200);
    expect(response.headers['content-disposition']).toMatch(
      /filename="fund-flow-35\.10\.01\.2001-2025\.json"/,
    );
    const sources = response.body.village.sources as {
      source: string;
      village: { receiptCount: number; receipts: { amount: string }[] };
    }[];
    const dds = sources.find((s) => s.source === 'DDS')!;
    expect(dds.village.receipts.length).toBeGreaterThan(0);
    expect(sources.map((s) => [s.source, s.village.receipts.length])).toEqual(
      counted.sources.map((s: { source: string; village: { receiptCount: number } }) => [
        s.source,
        s.village.receiptCount,
      ]),
    );
    const { workbook } = await workbookAt(
      `${VILLAGE_PATH}/reports/fund-flow?format=xlsx`,
      'treasurer',
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Aliran Dana',
      'Penerimaan Transfer',
    ]);
    expect(workbook.getWorksheet('Penerimaan Transfer')!.rowCount).toBeGreaterThan(
      dds.village.receipts.length,
    );
  });

  test('the regency realisation for semester I, per district, as CSV and xlsx', async () => {
    const json = await get(`${REGENCY_PATH}/reports/realisation?period=semester1`).expect(200);
    expect(json.body.period).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    const csv = await get(`${REGENCY_PATH}/reports/realisation?period=semester1&format=csv`).expect(
      200,
    );
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe(
      'No.,Kode Rekening,Uraian,Anggaran (Rp),Realisasi (Rp),Lebih/(Kurang) (Rp),%',
    );
    const { workbook, contentType } = await workbookAt(
      `${REGENCY_PATH}/reports/realisation?format=xlsx`,
    );
    expect(contentType).toMatch(/spreadsheetml/);
    expect(workbook.worksheets.map((sheet) => sheet.name)[0]).toBe('Ringkasan');
    expect(workbook.worksheets.length).toBeGreaterThan(1);
  });

  test('a report as a document: the xlsx and the PDF carry the signature block with the officers of the ledger', async () => {
    const { workbook } = await workbookAt(`${VILLAGE_PATH}/reports/bku?month=3&format=xlsx`);
    const bku = workbook.getWorksheet('BKU')!;
    const texts: string[] = [];
    bku.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toEqual(
      expect.arrayContaining([
        'Mengetahui,',
        'Kaur Keuangan',
        'Pengguna villagehead',
        'Pengguna treasurer',
      ]),
    );
    expect(bku.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1 });
    expect(bku.headerFooter.oddFooter).toBe('&CHalaman &P dari &N');

    const pdf = await fileAt(`${VILLAGE_PATH}/reports/bku?month=3&format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/filename="bku-.*\.pdf"/);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('village books take a month and every village report answers', async () => {
    const response = await get(`${VILLAGE_PATH}/reports/bku?month=3`, 'treasurer').expect(200);
    expect(response.body.month).toBe('2025-03');
    expect(response.body.bku.rows.length).toBeGreaterThan(5);
    for (const report of ['bank', 'tax', 'panjar', 'kegiatan', 'revenue-detail', 'spp-register'])
      await get(`${VILLAGE_PATH}/reports/${report}?month=3&format=csv`, 'secretary').expect(200);
    for (const report of [
      'apbdes',
      'apbdes-diff',
      'realisation',
      'activity-realisation',
      'dana-desa-absorption',
      'planning-trail',
    ])
      await get(`${VILLAGE_PATH}/reports/${report}`, 'villageHead').expect(200);
  });

  test('the two clocks: the realisation shows only what happened by a business date, or was recorded by a time', async () => {
    const year = await get(`${VILLAGE_PATH}/reports/realisation`).expect(200);
    const march = await get(`${VILLAGE_PATH}/reports/realisation?asOf=2025-03-31`).expect(200);
    expect(Number(march.body.totals.spending.realised)).toBeLessThan(
      Number(year.body.totals.spending.realised),
    );
    const known = await get(`${VILLAGE_PATH}/reports/realisation?knownAt=${recordedAfter}`).expect(
      200,
    );
    expect(known.body.totals).toEqual(year.body.totals);
    // As known before the year was recorded, the village year does not exist yet.
    const unknown = await get(`${VILLAGE_PATH}/reports/realisation?knownAt=${recordedBefore}`);
    expectProblem(unknown, 404, 'PATH_PARAMETER');
    expect(unknown.body.field).toBe('villageCode/fiscalYear');
  });

  test('scope and roles: other villages, the administrator and a district head outside the regency are refused', async () => {
    expectProblem(
      await get(`/api/v1/villages/${OTHER_VILLAGE}/years/2025/reports/bku?month=1`, 'treasurer'),
      403,
      'OUT_OF_SCOPE',
    );
    expectProblem(
      await get(`${REGENCY_PATH}/reports/fund-flow`, 'administrator'),
      403,
      'ROLE_NOT_PERMITTED',
    );
    expectProblem(
      await get(`${REGENCY_PATH}/reports/fund-flow`, 'districtHead'),
      403,
      'OUT_OF_SCOPE',
    );
    await get(`${REGENCY_PATH}/reports/realisation?district=35.10.01`, 'districtHead').expect(200);
    expectProblem(await request(app).get(`${REGENCY_PATH}/reports/fund-flow`), 401);
  });

  test('unknown reports are 404 listing the reports; bad queries are 400 naming the parameter and the values allowed', async () => {
    const unknown = await get(`${VILLAGE_PATH}/reports/neraca`);
    expectProblem(unknown, 404, 'PATH_PARAMETER');
    expect(unknown.body.field).toBe('report');
    expect(unknown.body.messages.en).toContain('bku, bank, tax');
    for (const [query, parameter, allowed] of [
      ['format=docx', 'format', 'json, csv, xlsx, pdf'],
      ['month=13', 'month', '1–12'],
      ['', 'month', '1–12'],
      ['asOf=2025-13-01', 'asOf', 'YYYY-MM-DD'],
      ['knownAt=kemarin', 'knownAt', 'ISO 8601'],
    ]) {
      const response = await get(`${VILLAGE_PATH}/reports/bku?${query}`);
      expectProblem(response, 400, 'QUERY_PARAMETER');
      expect(response.body.field).toBe(parameter);
      expect(response.body.messages.id).toContain(`nilai yang boleh: ${allowed}`);
      expect(response.body.messages.en).toContain(`allowed: ${allowed}`);
    }
    const period = await get(`${REGENCY_PATH}/reports/realisation?period=semester2`);
    expectProblem(period, 400, 'QUERY_PARAMETER');
    expect(period.body.field).toBe('period');
    expect(period.body.messages.en).toContain('allowed: semester1, year');
  });

  test('a fiscal year without reference data is 422 naming the year and the years that exist', async () => {
    const response = await get(
      `${VILLAGE_PATH.replace('/years/2025', '/years/2031')}/reports/bku?month=1`,
    );
    expectProblem(response, 422, 'FISCAL_YEAR_REFERENCE');
    expect(response.body).toMatchObject({ field: 'fiscalYear', value: '2031' });
    expect(response.body.messages.en).toMatch(/years with reference data: .*2025/);
  });

  test('read-your-writes: ?after= waits for the read models, and answers 503 past the bound', async () => {
    const head = await engine.status().then((all) => all[0]!.head);
    await get(`${REGENCY_PATH}/reports/fund-flow?after=${head}`).expect(200);
    const behind = await get(`${REGENCY_PATH}/reports/fund-flow?after=${head + 1000n}`);
    expectProblem(behind, 503);
    expect(behind.headers['retry-after']).toBe('1');
    const malformed = await get(`${REGENCY_PATH}/reports/fund-flow?after=soon`);
    expectProblem(malformed, 400);
    expect(malformed.body.field).toBe('after');
  });
});
