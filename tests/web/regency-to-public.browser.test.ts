import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import type { Role } from '../../src/access/roles';
import { ReferenceCatalog } from '../../src/app/load-reference-data';
import { DEMO_REGENCY, DEMO_YEAR } from '../../src/demo/demo-regions';
import { DEMO_PASSWORD, demoUsername } from '../../src/demo/demo-users';
import { demoVillageScenario } from '../../src/demo/seed-demo';
import { loadVillageTemplate } from '../../src/scenario/village-template';
import { KasdesaApi } from '../e2e/support/kasdesa-api';
import { testNeedingTool } from '../support/test-needing-tool';
import {
  logInThroughForm,
  rupiahByHand,
  SCREENSHOTS,
  useDemoBrowser,
} from './support/browser-demo';
import { sendForm } from './support/browser-forms';

/** The demo's second village (seeding order 1): an enacted APBDes, no transfer, nothing spent. */
const VILLAGE = `${DEMO_REGENCY.code}.02.2001`;
const VILLAGE_INDEX = 1;
/** A village of another district with no allocation yet. */
const NEW_VILLAGE = `${DEMO_REGENCY.code}.03.2001`;
const PHONE = { viewport: { width: 360, height: 740 } };
const DESKTOP = { viewport: { width: 1280, height: 800 } };
/** How long a check waits for the read models to show a command: 100 × 100 ms. */
const READ_MODEL_POLLS_MAX = 100;
const READ_MODEL_POLL_MS = 100;
const TRANSFER = { amount: '100000000.00', reference: 'SP2D/E2E/001' };
const browserTest = testNeedingTool(
  'chromium',
  'regency to village to district to public, through the pages, in a real browser',
);

/** `2025-08-11` as dd/mm/yyyy, by hand. */
const dateByHand = (iso: string) => iso.split('-').reverse().join('/');

/** The demo's Perubahan of VILLAGE as the seed would run it: the regency's raised allocation, then the village's steps. */
function villageAmendment() {
  const reference = new ReferenceCatalog().get(DEMO_YEAR, DEMO_REGENCY.code);
  const village = { code: VILLAGE, name: reference.villages.get(VILLAGE)!.name };
  const { steps } = demoVillageScenario(
    reference,
    loadVillageTemplate(DEMO_YEAR),
    village,
    VILLAGE_INDEX,
    'amendment',
  );
  return {
    allocation: steps.find((step) => step.commandId.endsWith('-p1'))!,
    steps: steps.filter((step) => /:p1-/.test(step.commandId)),
  };
}

describe('the regency sends, the village receives and spends, the camat approves, everyone sees it', () => {
  const demo = useDemoBrowser({ villages: 2, fullYear: 1 });
  const server = () => demo.server();
  const pages = new Map<string, Page>();

  async function pageOf(username: string): Promise<Page> {
    const known = pages.get(username);
    if (known) return known;
    const page = await (await demo.browser().newContext(PHONE)).newPage();
    await logInThroughForm(page, server().baseUrl, username, DEMO_PASSWORD);
    pages.set(username, page);
    return page;
  }

  const asRole = (role: Role) => demoUsername(role, VILLAGE);

  async function send(role: Role, slug: string, typed: Record<string, string>, query = '') {
    await sendForm(await pageOf(asRole(role)), server().baseUrl, slug, typed, {
      query: `tahun=${DEMO_YEAR}${query}`,
      shot: `alur-${role}-${slug}`,
    });
  }

  /** The page's HTML once `expected` holds of it, the read models having caught up. */
  async function eventually(
    page: Page,
    path: string,
    expected: (text: string) => boolean,
  ): Promise<string> {
    for (let tries = 0; ; tries += 1) {
      await page.goto(`${server().baseUrl}${path}`);
      // The browser writes the no-break space after "Rp" back as an entity.
      const text = (await page.content()).replaceAll('&nbsp;', '\u00a0');
      if (expected(text)) return text;
      if (tries >= READ_MODEL_POLLS_MAX) throw new Error(`${path} never showed what was expected`);
      await new Promise((resolve) => setTimeout(resolve, READ_MODEL_POLL_MS));
    }
  }

  const rowOf = (html: string, attribute: string) => {
    const at = html.indexOf(attribute);
    return at < 0 ? '' : html.slice(at, html.indexOf('</tr>', at));
  };

  browserTest(
    'allocation and transfer by the regency, receipt and SPP by the village, the Perubahan approved by the camat; monitoring, fund-flow file and public page show it',
    async () => {
      const { allocation, steps } = villageAmendment();

      // The regency sets a pagu for a village that had none, and raises the one the village's Perubahan needs.
      await send('regencyFinance', 'SetAllocation', {
        villageCode: NEW_VILLAGE,
        source: 'ADD',
        amount: 'Rp 250.000.000',
        'legalReference.document': 'Peraturan Bupati',
        'legalReference.number': '7 Tahun 2025',
        'legalReference.date': '20/01/2025',
      });
      const raised = allocation.payload as {
        villageCode: string;
        source: string;
        amount: string;
        legalReference: { document: string; number: string; date: string };
      };
      await send('regencyFinance', 'SetAllocation', {
        villageCode: raised.villageCode,
        source: raised.source,
        amount: rupiahByHand(raised.amount),
        'legalReference.document': raised.legalReference.document,
        'legalReference.number': raised.legalReference.number,
        'legalReference.date': dateByHand(raised.legalReference.date),
      });
      const allocations = await eventually(
        await pageOf(asRole('regencyFinance')),
        '/kabupaten/pagu',
        (text) => text.includes(NEW_VILLAGE),
      );
      expect(allocations).toContain(rupiahByHand('250000000.00'));

      // Stage I of Dana Desa goes to the village: not received yet, the regency sees the gap.
      await send('regencyFinance', 'SendTransfer', {
        villageCode: VILLAGE,
        source: 'DDS',
        stage: '1',
        amount: rupiahByHand(TRANSFER.amount),
        date: '10/03/2025',
        reference: TRANSFER.reference,
      });
      const unmatched = await eventually(
        await pageOf(asRole('regencyFinance')),
        '/kabupaten/transfer',
        (text) => text.includes(TRANSFER.reference),
      );
      expect(rowOf(unmatched, TRANSFER.reference)).toContain('Belum diterima desa');

      // The treasurer books the receipt of that transfer, and an ADD receipt to pay from.
      await send('treasurer', 'RecordReceipt', {
        receiptId: 'TBP/E2E/001',
        date: '12/03/2025',
        source: 'DDS',
        account: '4.2.1.01',
        amount: rupiahByHand(TRANSFER.amount),
        into: 'bank',
        'payer.name': 'RKUD Kabupaten',
        description: 'Dana Desa tahap I',
        'transfer.stage': '1',
        'transfer.reference': TRANSFER.reference,
      });
      await send('treasurer', 'RecordReceipt', {
        receiptId: 'TBP/E2E/002',
        date: '12/03/2025',
        source: 'ADD',
        account: '4.2.3.01',
        amount: '50.000.000',
        into: 'bank',
        'payer.name': 'RKUD Kabupaten',
        description: 'ADD Maret',
      });
      const matched = await eventually(
        await pageOf(asRole('regencyFinance')),
        '/kabupaten/transfer',
        (text) => !rowOf(text, TRANSFER.reference).includes('Belum diterima desa'),
      );
      expect(rowOf(matched, TRANSFER.reference)).toContain(rupiahByHand(TRANSFER.amount));

      // An SPP through its four hands, paid from the bank.
      await send('activityExecutor', 'DraftPaymentRequest', {
        sppId: 'SPP/E2E/001',
        kind: 'LS',
        activityId: 'operasional-pemdes',
        date: '13/03/2025',
        description: 'Alat tulis kantor',
        progressReportReference: 'LPK/E2E/001',
        'lines.0.lineId': 'operasional-pemdes-1',
        'lines.0.source': 'ADD',
        'lines.0.amount': '10.000.000',
        'lines.0.evidence.receiptNumber': 'NOTA-E2E',
        'lines.0.evidence.receiptDate': '13/03/2025',
        'lines.0.evidence.payee': 'Toko Sumber Rejeki',
        'lines.0.evidence.address': 'Jl. Raya Krajan 4',
      });
      await send('activityExecutor', 'SubmitPaymentRequest', {
        sppId: 'SPP/E2E/001',
        date: '14/03/2025',
      });
      await send('secretary', 'VerifyPaymentRequest', {
        sppId: 'SPP/E2E/001',
        date: '15/03/2025',
        outcome: 'verified',
      });
      await send('villageHead', 'ApprovePaymentRequest', {
        sppId: 'SPP/E2E/001',
        date: '16/03/2025',
        outcome: 'approved',
      });
      await send('treasurer', 'PayPaymentRequest', {
        paymentId: 'BKU/E2E/001',
        sppId: 'SPP/E2E/001',
        date: '17/03/2025',
        from: 'bank',
        transferReference: 'TRF-E2E-01',
      });

      // The Perubahan goes up to the camat through the API, as the village's other tools may send it.
      const api = new KasdesaApi(server().baseUrl);
      const toCamat = steps.findIndex((step) => step.type === 'SubmitApbdesForEvaluation');
      for (const step of steps.slice(0, toCamat + 1))
        await api.villageStep(VILLAGE, DEMO_YEAR, step);

      // The camat finds it waiting, reads what changed, and approves it.
      const camat = await pageOf(demoUsername('districtHead', VILLAGE));
      await camat.goto(`${server().baseUrl}/kecamatan/evaluasi`);
      await camat.click(`a[href*="/kecamatan/evaluasi/${VILLAGE}"]`);
      await camat.screenshot({
        path: join(SCREENSHOTS, 'alur-camat-evaluasi-360.png'),
        fullPage: true,
      });
      expect(await camat.locator('main').innerText()).toContain('Diubah');
      await Promise.all([
        camat.waitForURL(/\/perintah\/RecordApbdesEvaluation/),
        camat.click('.decision a.button'),
      ]);
      const evaluated = steps.find((step) => step.type === 'RecordApbdesEvaluation')!.payload;
      await sendForm(
        camat,
        server().baseUrl,
        'RecordApbdesEvaluation',
        {
          date: dateByHand(evaluated.date as string),
          reference: evaluated.reference as string,
          outcome: 'approved',
        },
        { query: camat.url().split('?')[1] ?? '', shot: 'alur-camat-RecordApbdesEvaluation' },
      );
      const enacted = steps.find((step) => step.type === 'EnactApbdes')!.payload;
      await send('villageHead', 'EnactApbdes', {
        perdesNumber: enacted.perdesNumber as string,
        date: dateByHand(enacted.date as string),
      });

      // The regency's monitoring shows the village's spending and its books.
      const monitoring = await eventually(
        await pageOf(asRole('regencyFinance')),
        `/kabupaten?tahun=${DEMO_YEAR}`,
        (text) => rowOf(text, `data-village="${VILLAGE}"`).includes('/laporan/realisation'),
      );
      const row = rowOf(monitoring, `data-village="${VILLAGE}"`);
      expect(row).not.toContain('belum ada buku');
      const regency = await pageOf(asRole('regencyFinance'));
      await regency.setViewportSize(DESKTOP.viewport);
      await regency.screenshot({
        path: join(SCREENSHOTS, 'alur-pemantauan-1280.png'),
        fullPage: true,
      });

      // The regency's fund-flow file names the transfer the village received.
      const file = await regency.request.get(
        `${server().baseUrl}/kabupaten/laporan/fund-flow/unduh.csv?tahun=${DEMO_YEAR}`,
      );
      expect(file.status()).toBe(200);
      const rows = (parse(await file.text(), { relaxColumnCount: true }) as string[][]).filter(
        (cells) => cells.includes(VILLAGE) || cells.some((cell) => cell.includes(VILLAGE)),
      );
      expect(rows.some((cells) => cells.includes(TRANSFER.amount))).toBe(true);

      // The public page, signed out, shows the Dana Desa received and the money spent.
      const citizen = await (await demo.browser().newContext(PHONE)).newPage();
      const shown = await eventually(citizen, `/publik/${VILLAGE}/${DEMO_YEAR}`, (text) =>
        text.includes(rupiahByHand(TRANSFER.amount)),
      );
      expect(shown).toContain(rupiahByHand('10000000.00'));
      expect(shown).not.toContain(asRole('treasurer'));
      await citizen.screenshot({ path: join(SCREENSHOTS, 'alur-publik-360.png'), fullPage: true });
      await citizen.setViewportSize(DESKTOP.viewport);
      await citizen.screenshot({ path: join(SCREENSHOTS, 'alur-publik-1280.png'), fullPage: true });
    },
    600_000,
  );
});
