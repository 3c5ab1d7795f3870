import ExcelJS from 'exceljs';
import type { Express } from 'express';
import request from 'supertest';
import type { ProjectOutputsReport } from '../../src/reports/project-outputs/project-outputs-report';
import { webPages } from '../../src/web/web-pages';
import { postHalfwayReport, regencyAsphalt, villageRoad } from '../support/project-fixtures';
import { signedInAgent } from '../web/support/web-agent';
import { startFullYearApp } from './full-year-app';
import {
  bearer,
  binaryGet,
  expectProblem,
  OTHER_VILLAGE,
  REGENCY_PATH,
  VILLAGE,
  type TestServer,
} from './support';

const ROAD = villageRoad({ villageCode: VILLAGE });
const ASPHALT = regencyAsphalt(VILLAGE);
const HALL = {
  ...villageRoad({ villageCode: OTHER_VILLAGE, projectId: 'balai-sambirejo-2025' }),
  channel: 'apbd',
  title: 'Balai desa Sambirejo',
  outputType: 'balai-desa',
  outputFamily: 'building',
  volume: '1',
  unit: 'unit',
  geometry: { type: 'Point', coordinates: [114.1, -8.3] },
  budget: [{ fundSource: 'APBD', amount: '250000000.00' }],
};

describe('the output realisation report in the catalogue', () => {
  let server: TestServer;
  let app: Express;
  let close: () => Promise<void>;
  let position = '';

  async function post(role: keyof TestServer['tokens'], path: string, body: object) {
    const answer = await request(app).post(path).set(bearer(server.tokens[role])).send(body);
    expect({ path, status: answer.status, body: answer.body }).toMatchObject({ status: 201 });
    position = answer.body.position as string;
  }

  const get = (path: string, role: keyof TestServer['tokens'] = 'regencyFinance') =>
    request(app).get(path).set(bearer(server.tokens[role]));

  beforeAll(async () => {
    ({ server, app, close } = await startFullYearApp({
      pages: webPages,
      runYear: async () => undefined,
    }));
    await post('activityExecutor', '/api/v1/projects/village', ROAD);
    await post('regencyFinance', '/api/v1/projects/regency', ASPHALT);
    await post('regencyFinance', '/api/v1/projects/regency', HALL);
    const progress = await postHalfwayReport(
      app,
      server.tokens.activityExecutor,
      ROAD.projectId,
    ).expect(201);
    position = progress.body.position as string;
  }, 180_000);
  afterAll(() => close());

  it('reports planned against realised volume, the open suspicions and what is late, from the read models', async () => {
    const answer = await get(
      `${REGENCY_PATH}/reports/project-outputs?after=${position}&asOf=2025-05-20`,
    ).expect(200);
    const report = answer.body as ProjectOutputsReport;
    expect(
      report.projects.map((row) => [
        row.projectId,
        row.realisedVolume,
        row.volumePercent,
        row.openSuspicions,
      ]),
    ).toEqual([
      [ASPHALT.projectId, '0', '0.00', 1],
      [ROAD.projectId, '125.5', '50.20', 1],
      [HALL.projectId, '0', '0.00', 0],
    ]);
    expect(report.byOutputType.map((row) => [row.outputType, row.plannedVolume])).toEqual([
      ['balai-desa', '1'],
      ['rabat-beton', '490'],
    ]);
    expect(report.behindSchedule.map((row) => row.projectId)).toEqual([
      ASPHALT.projectId,
      HALL.projectId,
    ]);
  });

  it('closes a suspicion on both projects once regency finance clears it', async () => {
    const suspicionId = `${ROAD.projectId}~${ASPHALT.projectId}`;
    const shown = await get(`/api/v1/projects/${ASPHALT.projectId}`).expect(200);
    const suspicion = (shown.body.suspicions as { suspicionId: string }[])[0]!.suspicionId;
    expect([suspicionId, `${ASPHALT.projectId}~${ROAD.projectId}`]).toContain(suspicion);
    await post(
      'regencyFinance',
      `/api/v1/projects/${ASPHALT.projectId}/suspicions/${suspicion}/clearance`,
      { reason: 'Ruas berbeda: lanjutan ke arah timur, bukan jalan yang sama' },
    );
    const answer = await get(`${REGENCY_PATH}/reports/project-outputs?after=${position}`).expect(
      200,
    );
    expect((answer.body as ProjectOutputsReport).projects.map((row) => row.openSuspicions)).toEqual(
      [0, 0, 0],
    );
  });

  it('gives a district head his district only, refuses a district not in the regency and the administrator', async () => {
    const answer = await get(
      `${REGENCY_PATH}/reports/project-outputs?after=${position}&district=35.10.01`,
      'districtHead',
    ).expect(200);
    expect((answer.body as ProjectOutputsReport).projects.map((row) => row.villageCode)).toEqual([
      VILLAGE,
      VILLAGE,
    ]);
    expectProblem(
      await get(`${REGENCY_PATH}/reports/project-outputs`, 'districtHead'),
      403,
      'OUT_OF_SCOPE',
    );
    const unknown = await get(`${REGENCY_PATH}/reports/project-outputs?district=35.10.77`);
    expectProblem(unknown, 400);
    expect(unknown.body).toMatchObject({ field: 'district', value: '35.10.77' });
    expectProblem(await get(`${REGENCY_PATH}/reports/project-outputs`, 'administrator'), 403);
  });

  it('comes as CSV and as an xlsx of five sheets, also from the regency web page’s download', async () => {
    const csv = await get(
      `${REGENCY_PATH}/reports/project-outputs?after=${position}&format=csv`,
    ).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text).toContain('Volume Rencana,Volume Realisasi,% Volume');
    const agent = await signedInAgent(app, 'regencyfinance');
    const file = await binaryGet(
      agent.get(`/kabupaten/laporan/project-outputs/unduh.xlsx?tahun=2025&after=${position}`),
    ).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Realisasi Keluaran',
      'Per Jenis Keluaran',
      'Terlambat',
      'Foto Belum Ada',
      'Dugaan Duplikasi',
    ]);
  });
});
