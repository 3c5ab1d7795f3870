import request from 'supertest';
import type { Express } from 'express';
import type { Role } from '../../src/access/roles';
import type { MonitoringReport } from '../../src/reports/monitoring/monitoring-report';
import { webPages } from '../../src/web/web-pages';
import { startFullYearApp, type FullYearApp } from '../http/full-year-app';
import {
  addUser,
  bearer,
  OTHER_VILLAGE,
  REGENCY_PATH,
  VILLAGE,
  VILLAGE_PATH,
  type TestServer,
} from '../http/support';
import { overspentVillageTables, siskeudesZip } from '../import/support/siskeudes-zip';
import { villageRoad } from '../support/project-fixtures';
import { signedInAgent } from './support/web-agent';

/** The "Perhatian" section of a page, or undefined when it has none. */
const attentionOf = (html: string) =>
  /<section aria-labelledby="perhatian">([\s\S]*?)<\/section>/.exec(html)?.[1];

describe("the village's year page and the monitoring report: what needs attention", () => {
  let running: FullYearApp;
  let server: TestServer;
  let app: Express;

  const post = (role: Role, path: string, body: object) =>
    request(app).post(path).set(bearer(server.tokens[role])).send(body).expect(201);

  /** The read models caught up with everything stored so far. */
  async function caughtUp() {
    const events = await server.store.readAll({ maxCount: 1_000_000 });
    await running.engine.waitForPosition(events.at(-1)!.position);
  }

  async function homeOf(username: string) {
    const agent = await signedInAgent(app, username);
    return (await agent.get('/beranda?tahun=2025').expect(200)).text;
  }

  async function monitoringRow(villageCode: string) {
    const answer = await request(app)
      .get(`${REGENCY_PATH}/reports/monitoring`)
      .set(bearer(server.tokens.regencyFinance))
      .expect(200);
    return (answer.body as MonitoringReport).districts
      .flatMap((district) => district.villages)
      .find((row) => row.identity.villageCode === villageCode)!;
  }

  /** The village's "Proyek & temuan" cell of the regency's monitoring table (/kabupaten). */
  async function findingsCell(villageCode: string) {
    const page = await (await signedInAgent(app, 'regencyfinance')).get('/kabupaten?tahun=2025');
    const row = page.text
      .split('<tr')
      .find((html) => html.includes(`data-village="${villageCode}"`))!;
    return /data-label="Proyek &amp; temuan">(.*?)<\/td>/s.exec(row)![1]!.replace(/<[^>]+>/g, ' ');
  }

  beforeEach(async () => {
    // No year run: each test writes only what it needs.
    running = await startFullYearApp({ pages: webPages, runYear: async () => {} });
    ({ server, app } = running);
    await addUser(server.access, 'bendahara-lain', 'treasurer', OTHER_VILLAGE);
  });

  afterEach(() => running.close());

  it('shows nothing to watch for a village with neither', async () => {
    expect(attentionOf(await homeOf('treasurer'))).toBeUndefined();
    expect((await monitoringRow(VILLAGE)).importedExceptions).toBe(0);
  });

  it("lists an imported year's overspent rows on its page and counts them in the monitoring report", async () => {
    await request(app)
      .post(`${VILLAGE_PATH}/imports`)
      .set(bearer(server.tokens.regencyFinance))
      .attach('file', await siskeudesZip(overspentVillageTables()), 'desa-2025.zip')
      .expect(201);
    await caughtUp();
    const section = attentionOf(await homeOf('treasurer'))!;
    expect(section).toContain('Pengecualian impor Siskeudes');
    expect(section).toContain('Tabel Ta_SPP, baris 3 (15/05/2025)');
    expect(section).toContain('Tabel Ta_Pencairan, baris 3 (20/05/2025)');
    expect(section).toContain('[BUDGET_LINE_AVAILABLE]');
    expect(section).not.toContain('Dugaan duplikasi');
    expect(attentionOf(await homeOf('bendahara-lain'))).toBeUndefined();
    // The regency's drill-down into the village's books opens with them too; the village's own books do not.
    const regency = await signedInAgent(app, 'regencyfinance');
    const drilled = await regency
      .get(`/laporan/realisation?desa=${VILLAGE}&tahun=2025`)
      .expect(200);
    expect(attentionOf(drilled.text)).toContain('Tabel Ta_Pencairan, baris 3 (20/05/2025)');
    const own = await (
      await signedInAgent(app, 'treasurer')
    )
      .get('/laporan/realisation?tahun=2025')
      .expect(200);
    expect(own.text).toContain('Realisasi');
    expect(attentionOf(own.text)).toBeUndefined();
    expect((await monitoringRow(VILLAGE)).importedExceptions).toBe(2);
    expect((await monitoringRow(OTHER_VILLAGE)).importedExceptions).toBe(0);
    const csv = await request(app)
      .get(`${REGENCY_PATH}/reports/monitoring?format=csv`)
      .set(bearer(server.tokens.regencyFinance))
      .expect(200);
    const lines = csv.text.split(/\r?\n/);
    expect(lines.find((line) => line.includes('Dugaan Duplikasi Terbuka'))).toMatch(
      /,Pengecualian Impor$/,
    );
    expect(lines.find((line) => line.includes(VILLAGE))).toMatch(/,2$/);
    expect(await findingsCell(VILLAGE)).toContain('2 pengecualian impor');
    expect(await findingsCell(OTHER_VILLAGE)).toBe('–');
  });

  it("shows an open duplicate suspicion on both villages' pages", async () => {
    await post('regencyFinance', '/api/v1/projects/regency', {
      ...villageRoad({ villageCode: OTHER_VILLAGE, projectId: 'aspal-pu-2025' }),
      channel: 'apbd',
      title: 'Pengaspalan jalan (PU)',
      budget: [{ fundSource: 'APBD', amount: '400000000.00' }],
    });
    await post('activityExecutor', '/api/v1/projects/village', {
      ...villageRoad({ villageCode: VILLAGE, projectId: 'rabat-desa-2025' }),
      title: 'Rabat beton jalan desa',
    });
    await caughtUp();
    const ownProject = { treasurer: 'rabat-desa-2025', 'bendahara-lain': 'aspal-pu-2025' };
    for (const [username, own] of Object.entries(ownProject)) {
      const html = attentionOf(await homeOf(username))!;
      // Each village's page links its own project; the other village's may lie outside the reader's scope.
      expect(html.match(/href="\/proyek\/[^"]+"/g)).toEqual([`href="/proyek/${own}"`]);
      const section = html.replace(/<[^>]+>/g, '');
      expect(section).toContain('Dugaan duplikasi proyek terbuka');
      expect(section).toContain(
        `Rabat beton jalan desa (desa ${VILLAGE}, 2025) ↔ Pengaspalan jalan (PU) (desa ${OTHER_VILLAGE}, 2025)`,
      );
      // The same road drawn twice: the two lines overlap.
      expect(section).toMatch(/bertumpang tindih, jarak \d+(\.\d+)? m/);
      expect(section).not.toContain('Pengecualian impor');
    }
    for (const village of [VILLAGE, OTHER_VILLAGE]) {
      const cell = await findingsCell(village);
      expect(cell).toContain('1 proyek');
      expect(cell).toContain('1 dugaan duplikasi');
      expect(cell).not.toContain('pengecualian');
    }
  });
});
