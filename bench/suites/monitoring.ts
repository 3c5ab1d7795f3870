import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { DEMO_REGENCY, DEMO_YEAR } from '../../src/demo/demo-regions';
import { API_BASE } from '../../src/http/app';
import { DEMO_PASSWORD, demoUsername } from '../../src/demo/demo-users';
import { LOGIN_PATH } from '../../src/web/paths';
import { MONITORING_PATH } from '../../src/web/regency/regency-paths';
import { startDemoKasdesa } from '../../tests/web/support/browser-demo';
import { tempDir } from '../../tests/support/temp-dir';
import { csrfOf } from '../../tests/web/support/web-agent';
import { median, printTable, round } from '../stats';

/** The regency the issue asks for: every one of the demo regency's 200 villages has an APBDes. */
const VILLAGES = 200;
/** Villages with their whole year (receipts, SPPs, taxes, closing): the monitoring columns have figures. */
const FULL_YEAR = 40;
const WARM_UP = 5;
const ROUNDS = 40;
const LIMITS = { monitoringServerMs: 300, pageGzipBytesMax: 60 * 1024 };

type Agent = ReturnType<typeof request.agent>;

/** The regency finance officer, signed in through the login form as a person is. */
async function regencyAgent(baseUrl: string): Promise<Agent> {
  const agent = request.agent(baseUrl);
  const login = await agent.get(LOGIN_PATH).expect(200);
  await agent
    .post(LOGIN_PATH)
    .type('form')
    .send({
      _csrf: csrfOf(login.text),
      username: demoUsername('regencyFinance', DEMO_REGENCY.code),
      password: DEMO_PASSWORD,
    })
    .expect(303);
  return agent;
}

/**
 * Milliseconds from request to the last byte over loopback with a kept-alive
 * connection, one request at a time: the server's time plus a loopback round trip.
 */
async function loadTimes(
  agent: Agent,
  path: string,
): Promise<{ ms: number[]; bytes: number; gzipBytes: number }> {
  let bytes = 0;
  let gzipBytes = 0;
  for (let i = 0; i < WARM_UP; i++) await agent.get(path).expect(200);
  const ms: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = process.hrtime.bigint();
    const response = await agent.get(path).set('accept-encoding', 'identity').expect(200);
    ms.push(Number(process.hrtime.bigint() - started) / 1e6);
    bytes = Buffer.byteLength(response.text);
    gzipBytes = gzipSync(response.text).length;
  }
  return { ms, bytes, gzipBytes };
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

/**
 * The regency monitoring page for 200 villages, against two baselines in the
 * same run on the same server: the health check (the least a request costs)
 * and the monitoring report as JSON from the API (the same figures, unrendered).
 */
export async function monitoringBench(): Promise<Record<string, unknown>> {
  const data = tempDir();
  console.log(`Menyiapkan demo ${VILLAGES} desa / seeding a ${VILLAGES}-village demo …`);
  const server = await startDemoKasdesa(data.dir, { villages: VILLAGES, fullYear: FULL_YEAR });
  try {
    const agent = await regencyAgent(server.baseUrl);
    const page = await agent.get(MONITORING_PATH).expect(200);
    const rows = page.text.match(/<tr[ >]/g)?.length ?? 0;
    if (rows < VILLAGES)
      throw new Error(`the monitoring page shows ${rows} rows, fewer than ${VILLAGES} villages`);
    const measured = {
      health: await loadTimes(agent, '/healthz'),
      monitoringReportJson: await loadTimes(
        agent,
        `${API_BASE}/regencies/${DEMO_REGENCY.code}/years/${DEMO_YEAR}/reports/monitoring`,
      ),
      monitoringPage: await loadTimes(agent, MONITORING_PATH),
    };
    const healthMedian = median(measured.health.ms);
    const table = Object.entries(measured).map(([name, { ms, bytes, gzipBytes }]) => ({
      page: name,
      bytes,
      gzipBytes,
      medianMs: round(median(ms), 2),
      p95Ms: round(percentile(ms, 0.95), 2),
      ratioToHealth: round(median(ms) / healthMedian, 1),
    }));
    printTable(table);
    const monitoringMedian = median(measured.monitoringPage.ms);
    return {
      villages: VILLAGES,
      fullYearVillages: FULL_YEAR,
      rounds: ROUNDS,
      rowsShown: rows,
      limits: LIMITS,
      pages: table,
      withinLimit: monitoringMedian <= LIMITS.monitoringServerMs,
      withinGzipLimit: measured.monitoringPage.gzipBytes <= LIMITS.pageGzipBytesMax,
    };
  } finally {
    await server.stop();
    data.remove();
  }
}
