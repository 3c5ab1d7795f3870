import ExcelJS from 'exceljs';
import { loadReferenceData } from '../../src/app/load-reference-data';
import { DEMO_REGENCY, DEMO_YEAR } from '../../src/demo/demo-regions';
import { demoUsername } from '../../src/demo/demo-users';
import { tempDir } from '../support/temp-dir';
import { API_PATH, KasdesaApi } from './support/kasdesa-api';
import { startKasdesa, type KasdesaProcess } from './support/kasdesa-process';
import { approvedSppSteps, payStep, receiptStep, spendingChoice } from './support/village-steps';

/** The demo's first village (district 01), whose logins the README documents. */
const VILLAGE = `${DEMO_REGENCY.code}.01.2001`;
const PAID = '1234567.89';
const RECEIVED = '25000000.00';

interface StateBody {
  state: { budget: { versions: { lines: Record<string, never> }[] } };
}

/** The cells of the row whose `Kode` and `Sumber Dana` match, keyed by the sheet's header texts. */
function fundFlowRow(workbook: ExcelJS.Workbook, villageCode: string, source: string) {
  for (const sheet of workbook.worksheets) {
    let headers: string[] | undefined;
    for (let number = 1; number <= sheet.rowCount; number += 1) {
      const values = (sheet.getRow(number).values as ExcelJS.CellValue[]).slice(1);
      if (values.includes('Kode') && values.includes('Sumber Dana')) headers = values.map(String);
      else if (
        headers &&
        values[headers.indexOf('Kode')] === villageCode &&
        values[headers.indexOf('Sumber Dana')] === source
      )
        return Object.fromEntries(headers.map((header, index) => [header, values[index]]));
    }
  }
  return undefined;
}

describe('first payment, end to end on the real server process', () => {
  const data = tempDir('kasdesa-e2e-');
  let server: KasdesaProcess | undefined;

  beforeAll(async () => {
    server = await startKasdesa({
      KASDESA_STORE: 'embedded',
      KASDESA_DATA_DIR: data.dir,
      KASDESA_DEMO: '1',
      KASDESA_DEMO_VILLAGES: '2',
      KASDESA_DEMO_FULL_YEAR: '0',
    });
  }, 120_000);

  afterAll(async () => {
    if (server?.running()) await server.stop();
    data.remove();
  });

  it('a receipt and a paid SPP of a demo village show in the fund-flow xlsx of the regency finance office; SIGTERM exits 0', async () => {
    const api = new KasdesaApi(server!.baseUrl);
    const reference = loadReferenceData(DEMO_YEAR, DEMO_REGENCY.code);
    const state = await api.get(
      demoUsername('treasurer', VILLAGE),
      `${API_PATH}/villages/${VILLAGE}/years/${DEMO_YEAR}`,
    );
    expect(state.status).toBe(200);
    const { versions } = ((await state.json()) as StateBody).state.budget;
    const choice = spendingChoice(Object.values(versions.at(-1)!.lines), reference);

    await api.villageStep(
      VILLAGE,
      DEMO_YEAR,
      receiptStep(VILLAGE, 'TBP-E2E-1', '2025-02-03', choice, RECEIVED),
    );
    for (const step of approvedSppSteps(VILLAGE, 'SPP-E2E-1', '2025-02-10', choice, PAID))
      await api.villageStep(VILLAGE, DEMO_YEAR, step);
    const payment = await api.villageStep(
      VILLAGE,
      DEMO_YEAR,
      payStep(VILLAGE, 'SPP-E2E-1', '2025-02-10'),
    );
    expect(payment.body.events).toEqual([expect.objectContaining({ type: 'PaymentRequestPaid' })]);

    const report = await api.get(
      'keuangan',
      `${API_PATH}/regencies/${DEMO_REGENCY.code}/years/${DEMO_YEAR}/reports/fund-flow?format=xlsx&after=${String(payment.body.position)}`,
    );
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await report.arrayBuffer());
    const row = fundFlowRow(workbook, VILLAGE, choice.source);
    expect(row).toMatchObject({
      'Dibelanjakan (Rp)': Number.parseFloat(PAID),
      'Diterima Desa (Rp)': Number.parseFloat(RECEIVED),
    });

    expect(await server!.stop()).toBe(0);
  }, 120_000);
});
