import request from 'supertest';
import type { Express } from 'express';
import type { Role } from '../../src/access/roles';
import type { Ledger } from '../../src/app/ledger';
import type { MonitoringReport } from '../../src/reports/monitoring/monitoring-report';
import { formatRupiah } from '../../src/web/format';
import { webPages } from '../../src/web/web-pages';
import { startFullYearApp } from '../http/full-year-app';
import {
  bearer,
  DISTRICT,
  OTHER_VILLAGE,
  REGENCY_PATH,
  VILLAGE,
  VILLAGE_PATH,
  YEAR,
  type TestServer,
} from '../http/support';
import {
  bpdAgrees,
  enactedExecutionBudget,
  toBpd,
  toEvaluation,
  issueFixture,
} from '../support/village-fixtures';
import { signedInAgent } from './support/web-agent';

/** A village of the district head's district whose APBDes draft goes to him for evaluation. */
const EVALUATED = `${DISTRICT}.2002`;
/** The drafting commands after the draft is started and filled, up to the BPD. */
const LIFECYCLE_STEPS = 5;

/** The village codes of the monitoring table's rows, in order. */
const rowsOf = (html: string) =>
  [...html.matchAll(/<tr data-village="([^"]+)">/g)].map((match) => match[1]);

const villagesOf = (report: MonitoringReport, district?: string) =>
  report.districts
    .filter((shown) => district === undefined || shown.districtCode === district)
    .flatMap((shown) => shown.villages);

describe('regency monitoring pages', () => {
  let server: TestServer;
  let app: Express;
  let close: () => Promise<void>;
  let position = '';
  const agents = new Map<string, request.Agent>();

  async function post(role: Role, path: string, body: unknown) {
    const answer = await request(app)
      .post(path)
      .set(bearer(server.tokens[role]))
      .send(body as object);
    expect({ path, status: answer.status, body: answer.body }).toMatchObject({ status: 201 });
    position = answer.body.position as string;
  }

  /** The regency's monitoring report as the API serves it to the role (a district head: his district). */
  async function apiMonitoring(role: Role, query = ''): Promise<MonitoringReport> {
    const answer = await request(app)
      .get(`${REGENCY_PATH}/reports/monitoring?after=${position}${query}`)
      .set(bearer(server.tokens[role]))
      .expect(200);
    return answer.body as MonitoringReport;
  }

  async function agent(username: string) {
    const found = agents.get(username) ?? (await signedInAgent(app, username));
    agents.set(username, found);
    return found;
  }

  beforeAll(async () => {
    let ledger: Ledger | undefined;
    ({ server, app, close } = await startFullYearApp({
      pages: webPages,
      runYear: async (run, yearLedger) => {
        await run();
        ledger = yearLedger;
      },
    }));
    // A second village of the district drafts its APBDes and submits it to the camat.
    await post('regencyFinance', `${REGENCY_PATH}/commands/SetAllocation`, {
      villageCode: EVALUATED,
      source: 'DDS',
      amount: '100000000',
      legalReference: { document: 'Perbup', number: '5 Tahun 2025', date: '2025-01-10' },
    });
    const commands = [
      ...enactedExecutionBudget().slice(0, -LIFECYCLE_STEPS),
      toBpd(),
      bpdAgrees(),
      toEvaluation(),
    ];
    for (const command of commands)
      position = String((await issueFixture(ledger!, EVALUATED, command)).position);
  }, 180_000);
  afterAll(() => close());

  test('the regency finance office sees every village of the API’s monitoring report', async () => {
    const api = await apiMonitoring('regencyFinance');
    const page = await (await agent('regencyfinance')).get(`/kabupaten?tahun=${YEAR}`).expect(200);
    const expected = villagesOf(api).map((row) => row.identity.villageCode);
    expect(expected.length).toBeGreaterThan(3);
    expect(rowsOf(page.text)).toEqual([...expected].sort());
    // One figure worked out by the report: the village's first source, realised, in Rupiah.
    const village = villagesOf(api).find((row) => row.identity.villageCode === VILLAGE)!;
    const first = village.execution!.absorption[0]!;
    expect(page.text).toContain(
      `${first.source}: ${formatRupiah(first.realised)} dari ${formatRupiah(first.budget)}`,
    );
    expect(page.text).toContain('<a href="/kabupaten">Pemantauan</a>');
    expect(page.text).toContain(`<option value="${DISTRICT}"`);
    expect(page.text).not.toContain('APBDes menunggu evaluasi');
  });

  test('the district filter narrows the rows; a sort order reorders them', async () => {
    const api = await apiMonitoring('regencyFinance');
    const other = OTHER_VILLAGE.slice(0, 8);
    const regency = await agent('regencyfinance');
    const filtered = await regency.get(`/kabupaten?tahun=${YEAR}&kecamatan=${other}`).expect(200);
    expect(rowsOf(filtered.text)).toEqual(
      villagesOf(api, other).map((row) => row.identity.villageCode),
    );
    expect(rowsOf(filtered.text)).toContain(OTHER_VILLAGE);
    expect(rowsOf(filtered.text)).not.toContain(VILLAGE);

    // Lowest absorption first: the only village with a budget in force leads, the rest follow by code.
    const sorted = await regency.get(`/kabupaten?tahun=${YEAR}&urut=serapan`).expect(200);
    expect(rowsOf(sorted.text)[0]).toBe(VILLAGE);
    expect(sorted.text).toContain('<option value="serapan" selected>');
  });

  test('a district head sees only his district, and the APBDes waiting for his evaluation', async () => {
    const api = await apiMonitoring('districtHead', `&district=${DISTRICT}`);
    const head = await agent('districthead');
    const page = await head.get(`/kabupaten?tahun=${YEAR}`).expect(200);
    expect(rowsOf(page.text)).toEqual(
      villagesOf(api, DISTRICT).map((row) => row.identity.villageCode),
    );
    expect(rowsOf(page.text)).toHaveLength(3);
    expect(page.text).not.toContain(`name="kecamatan"`);
    const evaluation = `/kecamatan/evaluasi/${EVALUATED}?tahun=${YEAR}`;
    expect(page.text).toContain(`<a href="${evaluation}">Evaluasi APBDes Sumberagung</a>`);
    expect(page.text.match(/Evaluasi APBDes /g)).toHaveLength(1);
    const evaluationPage = await head.get(evaluation).expect(200);
    expect(evaluationPage.text).toContain(`/perintah/RecordApbdesEvaluation?desa=${EVALUATED}`);

    const elsewhere = await head.get(`/kabupaten?kecamatan=${OTHER_VILLAGE.slice(0, 8)}`);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.text).toContain('di luar cakupan Anda');
  });

  test('an auditor of the regency reads it; a treasurer gets a refusal page and no menu link', async () => {
    const auditor = await (await agent('auditor')).get('/kabupaten').expect(200);
    expect(rowsOf(auditor.text).length).toBeGreaterThan(3);

    const treasurer = await agent('treasurer');
    const refused = await treasurer.get('/kabupaten').expect(403);
    expect(refused.headers['content-type']).toMatch(/^text\/html/);
    expect(refused.text).toContain('di luar cakupan Anda');
    const home = await treasurer.get(`/beranda?tahun=${YEAR}`).expect(200);
    expect(home.text).not.toContain('Pemantauan');
    await request(app).get('/kabupaten').expect(303).expect('Location', '/masuk');
  });

  test('downloads are the API’s regency and district files, CSV byte for byte', async () => {
    const apiCsv = async (role: Role, name: string, query = '') =>
      (
        await request(app)
          .get(`${REGENCY_PATH}/reports/${name}?format=csv${query}`)
          .set(bearer(server.tokens[role]))
          .buffer(true)
          .expect(200)
      ).text;
    const regency = await agent('regencyfinance');
    const page = await regency.get(`/kabupaten?tahun=${YEAR}`).expect(200);
    for (const name of ['realisation', 'fund-flow']) {
      const path = `/kabupaten/laporan/${name}/unduh.csv?tahun=${YEAR}`;
      expect(page.text).toContain(`href="${path.replace('&', '&amp;')}"`);
      const csv = await regency.get(path).buffer(true).expect(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.text).toBe(await apiCsv('regencyFinance', name));
    }
    const xlsx = await regency.get(`/kabupaten/laporan/realisation/unduh.xlsx?tahun=${YEAR}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-disposition']).toBe(
      `attachment; filename="realisation-35.10-${YEAR}.xlsx"`,
    );
    const pdfPath = `/kabupaten/laporan/fund-flow/unduh.pdf?tahun=${YEAR}`;
    expect(page.text).toContain(`href="${pdfPath}"`);
    const pdf = await regency.get(pdfPath).buffer(true).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(
      `attachment; filename="fund-flow-35.10-${YEAR}.pdf"`,
    );

    const head = await agent('districthead');
    const district = await head
      .get(`/kabupaten/laporan/realisation/unduh.csv?tahun=${YEAR}`)
      .buffer(true)
      .expect(200);
    expect(district.text).toBe(
      await apiCsv('districtHead', 'realisation', `&district=${DISTRICT}`),
    );
    expect(district.text).not.toBe(await apiCsv('regencyFinance', 'realisation'));
  });

  test('without a year asked, the year the regency has books in, not a newer one with only reference data', async () => {
    const regency = await agent('regencyfinance');
    const page = await regency.get('/kabupaten').expect(200);
    expect(page.text).toContain(`<option value="${YEAR + 1}">`);
    expect(page.text).toContain(`<option value="${YEAR}" selected>`);
  });

  test('a village that has not opened its year has no books to open', async () => {
    const regency = await agent('regencyfinance');
    const page = await regency.get(`/kabupaten?tahun=${YEAR}`).expect(200);
    const rowOf = (code: string) =>
      new RegExp(`<tr data-village="${code.replaceAll('.', '\\.')}">.*?</tr>`, 's').exec(
        page.text,
      )![0];
    expect(rowOf(OTHER_VILLAGE)).toContain('belum ada buku');
    expect(rowOf(OTHER_VILLAGE)).not.toContain('/laporan/');
    expect(rowOf(VILLAGE)).toContain('/laporan/realisation?');
  });

  test('a village row opens that village’s BKU for the regency user', async () => {
    const regency = await agent('regencyfinance');
    const page = await regency.get(`/kabupaten?tahun=${YEAR}`).expect(200);
    const row = new RegExp(`<tr data-village="${VILLAGE.replaceAll('.', '\\.')}">.*?</tr>`, 's');
    const link = /<a href="(\/laporan\/bku\?[^"]+)">BKU<\/a>/.exec(row.exec(page.text)![0])![1]!;
    expect(link).toBe(`/laporan/bku?tahun=${YEAR}&amp;desa=${VILLAGE}`);
    const asked = await regency.get(`${link.replace('&amp;', '&')}`).expect(200);
    expect(asked.text).toContain(`<input type="hidden" name="desa" value="${VILLAGE}"/>`);
    expect(asked.text).toContain(`<a href="/kabupaten?tahun=${YEAR}">← Pemantauan desa</a>`);

    const api = await request(app)
      .get(`${VILLAGE_PATH}/reports/bku?month=6`)
      .set(bearer(server.tokens.regencyFinance))
      .expect(200);
    const bku = await regency.get(`/laporan/bku?tahun=${YEAR}&desa=${VILLAGE}&month=6`).expect(200);
    expect(bku.text.match(/<tr class="row-detail">/g)).toHaveLength(
      (api.body.bku.rows as unknown[]).length,
    );
    expect(bku.text).toContain(
      `/laporan/bku/unduh.csv?tahun=${YEAR}&amp;desa=${VILLAGE}&amp;month=6`,
    );

    // The district head reads his district's villages, not another district's.
    const head = await agent('districthead');
    await head.get(`/laporan/bku?tahun=${YEAR}&desa=${VILLAGE}&month=6`).expect(200);
    const refused = await head.get(`/laporan/bku?tahun=${YEAR}&desa=${OTHER_VILLAGE}&month=6`);
    expect(refused.status).toBe(403);
  });
});
