import type { Express } from 'express';
import type request from 'supertest';
import type { Ledger } from '../../src/app/ledger';
import { webPages } from '../../src/web/web-pages';
import { startFullYearApp } from '../http/full-year-app';
import { OTHER_VILLAGE, REGENCY, VILLAGE, YEAR } from '../http/support';
import { formFields, signedInAgent } from './support/web-agent';

/** The table row of a village, source (and stage) on a regency page: its opening tag to its end. */
function rowOf(html: string, village: string, source: string, stage?: number): string {
  const attributes = `data-village="${village}" data-source="${source}"${
    stage === undefined ? '' : ` data-stage="${stage}"`
  }`;
  const start = html.indexOf(attributes);
  if (start < 0) return '';
  return html.slice(html.lastIndexOf('<tr', start), html.indexOf('</tr>', start));
}

/** Money as the pages show it, whatever space follows "Rp". */
const shown = (text: string) =>
  new RegExp(text.replace(/[.()]/g, '\\$&').replaceAll('Rp ', 'Rp\\s'));

describe('regency money pages and forms', () => {
  let app: Express;
  let ledger: Ledger;
  let close: () => Promise<void>;
  let finance: request.Agent;

  const regencyRevision = async () => (await ledger.loadRegency(REGENCY, YEAR)).revision;

  /** Fills the form at `path` for the year and posts `typed` with its hidden fields. */
  async function postForm(path: string, typed: Record<string, string>) {
    const page = await finance.get(`${path}?tahun=${YEAR}`).expect(200);
    return finance
      .post(path)
      .type('form')
      .send({ ...formFields(page.text, path), ...typed });
  }

  beforeAll(async () => {
    ({ app, close } = await startFullYearApp({
      pages: webPages,
      runYear: async (run, yearLedger) => {
        await run();
        ledger = yearLedger;
      },
    }));
    finance = await signedInAgent(app, 'regencyfinance');
  }, 120_000);

  afterAll(async () => {
    await close();
  });

  test('an allocation set through the form shows on the pagu page with its legal basis', async () => {
    const answer = await postForm('/perintah/SetAllocation', {
      villageCode: OTHER_VILLAGE,
      source: 'DDS',
      amount: '1.020.500.000',
      'legalReference.document': 'Peraturan Bupati rincian Dana Desa',
      'legalReference.number': '7 Tahun 2025',
      'legalReference.date': '10/01/2025',
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toMatch(/^\/kabupaten\/pagu\?tahun=2025&after=\d+/);
    const page = await finance.get(answer.headers.location!).expect(200);
    const row = rowOf(page.text, OTHER_VILLAGE, 'DDS');
    expect(row).toMatch(shown('Rp 1.020.500.000'));
    expect(row).toContain('Peraturan Bupati rincian Dana Desa No. 7 Tahun 2025 tanggal 10/01/2025');
    // Its change link fills the form with the pagu as it stands, typed the Indonesian way.
    const change = /href="([^"]*SetAllocation[^"]*)"/.exec(row)![1]!.replaceAll('&amp;', '&');
    const form = await finance.get(change).expect(200);
    expect(form.text).toMatch(shown('value="Rp 1.020.500.000"'));
    expect(form.text).toContain('value="10/01/2025"');
  });

  test.each([
    ['amount', { amount: 'abc' }],
    ['villageCode', { villageCode: '35.10.01.9999' }],
  ])('a refused %s is shown beside its field and writes nothing', async (field, wrong) => {
    const before = await regencyRevision();
    const answer = await postForm('/perintah/SetAllocation', {
      villageCode: OTHER_VILLAGE,
      source: 'ADD',
      amount: '300.000.000',
      'legalReference.document': 'Peraturan Bupati ADD',
      'legalReference.number': '8 Tahun 2025',
      'legalReference.date': '12/01/2025',
      ...wrong,
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.text).toMatch(new RegExp(`id="f-${field}-error"[^>]*>\\[[A-Z_]+\\]`));
    expect(answer.text).toMatch(new RegExp(`aria-describedby="[^"]*f-${field}-error"`));
    expect(await regencyRevision()).toBe(before);
  });

  test('the stage page shows the stage condition a village without a stage plan does not meet', async () => {
    const page = await finance.get(`/kabupaten/tahap?tahun=${YEAR}`).expect(200);
    const unplanned = rowOf(page.text, OTHER_VILLAGE, 'DDS', 1);
    expect(unplanned).toContain('class="unmet"');
    expect(unplanned).toContain('data-rule="STAGE_PLANNED"');
    expect(unplanned).toContain('Belum terpenuhi');
    const planned = rowOf(page.text, VILLAGE, 'DDS', 1);
    expect(planned).toContain('Terpenuhi');
    expect(planned).toMatch(shown('Rp 559.841.600'));
    expect(planned).toContain('12/03/2025');
  });

  test('stage II shows stage I’s absorption against the policy’s minimum, as the Dana Desa absorption report judges it', async () => {
    const report = await finance
      .get(`/api/v1/villages/${VILLAGE}/years/${YEAR}/reports/dana-desa-absorption`)
      .expect(200);
    const { stageOne, stageTwoCondition } = report.body as {
      stageOne: { absorptionPercent: string };
      stageTwoCondition: { minAbsorptionPercent: string; absorptionMet: boolean };
    };
    const page = await finance.get(`/kabupaten/tahap?tahun=${YEAR}`).expect(200);
    const second = rowOf(page.text, VILLAGE, 'DDS', 2);
    expect(second).toContain(
      `data-absorption="${stageTwoCondition.absorptionMet ? 'met' : 'unmet'}"`,
    );
    expect(second).toContain(`Penyerapan tahap I: ${stageOne.absorptionPercent} %`);
    expect(second).toContain(`syarat ≥ ${stageTwoCondition.minAbsorptionPercent} %`);
    expect(rowOf(page.text, VILLAGE, 'DDS', 1)).not.toContain('data-absorption');
    expect(rowOf(page.text, OTHER_VILLAGE, 'DDS', 2)).not.toContain('data-absorption');
  });

  test('a transfer through the form shows beside the receipts, a transfer not received marked', async () => {
    await postForm('/perintah/SetAllocation', {
      villageCode: OTHER_VILLAGE,
      source: 'PBK',
      amount: '150.000.000',
      'legalReference.document': 'Keputusan Bupati bantuan keuangan',
      'legalReference.number': '9 Tahun 2025',
      'legalReference.date': '14/01/2025',
    }).then((answer) => expect(answer.status).toBe(303));
    const answer = await postForm('/perintah/SendTransfer', {
      villageCode: OTHER_VILLAGE,
      source: 'PBK',
      stage: '1',
      amount: '75.000.000',
      date: '15/04/2025',
      reference: 'SP2D 00912/PBK/2025',
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toMatch(/^\/kabupaten\/transfer\?tahun=2025&after=\d+/);
    const page = await finance.get(answer.headers.location!).expect(200);
    const sent = rowOf(page.text, OTHER_VILLAGE, 'PBK', 1);
    expect(sent).toContain('class="mismatch"');
    expect(sent).toContain('data-reconciliation="notReceived"');
    expect(sent).toContain('Belum diterima desa');
    expect(sent).toMatch(shown('15/04/2025 · Rp 75.000.000 · SP2D 00912/PBK/2025'));
    // The fixture village booked its Dana Desa stage I receipt as sent: matched, not marked.
    const received = rowOf(page.text, VILLAGE, 'DDS', 1);
    expect(received).toContain('data-reconciliation="matched"');
    expect(received).not.toContain('mismatch');
  });

  test.each(['/kabupaten/pagu', '/kabupaten/tahap', '/kabupaten/transfer'])(
    'a village user is refused %s',
    async (path) => {
      const treasurer = await signedInAgent(app, 'treasurer');
      await treasurer.get(path).expect(403);
    },
  );

  test('the monitoring page and the menu lead to the money pages', async () => {
    const page = await finance.get(`/kabupaten/pagu?tahun=${YEAR}`).expect(200);
    for (const path of ['/kabupaten', '/kabupaten/tahap', '/kabupaten/transfer'])
      expect(page.text).toContain(`href="${path}"`);
    const administrator = await signedInAgent(app, 'administrator');
    const read = await administrator.get(`/kabupaten/pagu?tahun=${YEAR}`).expect(200);
    expect(read.text).not.toContain('Ubah pagu');
  });
});
