import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import Decimal from 'decimal.js';
import type { Page } from 'playwright-core';
import type { Role } from '../../src/access/roles';
import { DEMO_REGENCY, DEMO_YEAR } from '../../src/demo/demo-regions';
import { DEMO_PASSWORD, demoUsername } from '../../src/demo/demo-users';
import { API_PATH } from '../e2e/support/kasdesa-api';
import { testNeedingTool } from '../support/test-needing-tool';
import { sendForm } from './support/browser-forms';
import {
  logInThroughForm,
  rupiahByHand,
  SCREENSHOTS,
  useDemoBrowser,
} from './support/browser-demo';

/** The demo's second village: an enacted APBDes and nothing spent yet (the first has its whole year). */
const VILLAGE = `${DEMO_REGENCY.code}.02.2001`;
const PHONE = { viewport: { width: 360, height: 740 } };
/** How long the test waits for the read models to show the month: 100 × 100 ms. */
const READ_MODEL_POLLS_MAX = 100;
const READ_MODEL_POLL_MS = 100;
const browserTest = testNeedingTool(
  'chromium',
  "a treasurer's month through the pages, in a real browser",
);

/** `2025-01-17` as dd/mm/yyyy, by hand. */
const dateByHand = (iso: string) => iso.split('-').reverse().join('/');

describe("a treasurer's month, through the pages only, across the four village roles", () => {
  const demo = useDemoBrowser({ villages: 2, fullYear: 1 });
  const server = () => demo.server();
  const pages = new Map<Role, Page>();

  async function pageOf(role: Role): Promise<Page> {
    const known = pages.get(role);
    if (known) return known;
    const page = await (await demo.browser().newContext(PHONE)).newPage();
    await logInThroughForm(page, server().baseUrl, demoUsername(role, VILLAGE), DEMO_PASSWORD);
    pages.set(role, page);
    return page;
  }

  /** Sends a form as `role` of the village; it must be recorded. */
  async function send(role: Role, slug: string, typed: Record<string, string>): Promise<void> {
    await sendForm(await pageOf(role), server().baseUrl, slug, typed, {
      query: `tahun=${DEMO_YEAR}`,
      shot: `bulan-${role}-${slug}`,
    });
  }

  async function apiToken(): Promise<string> {
    const login = await fetch(`${server().baseUrl}${API_PATH}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: demoUsername('treasurer', VILLAGE),
        password: DEMO_PASSWORD,
      }),
    });
    return ((await login.json()) as { token: string }).token;
  }

  async function balancesOf(token: string): Promise<Record<string, string>> {
    const answer = await fetch(
      `${server().baseUrl}${API_PATH}/villages/${VILLAGE}/years/${DEMO_YEAR}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    const body = (await answer.json()) as {
      state: { books: { balances: Record<string, string> } };
    };
    return body.state.books.balances;
  }

  browserTest(
    "receipt, SPP drafted, submitted, verified, approved, paid, tax deposited, month closed; the BKU on screen is the API's",
    async () => {
      const token = await apiToken();
      const opening = await balancesOf(token);
      await send('treasurer', 'RecordReceipt', {
        receiptId: 'TBP/001/2025',
        date: '06/01/2025',
        source: 'ADD',
        account: '4.2.3.01',
        amount: 'Rp 50.000.000',
        into: 'bank',
        'payer.name': 'RKUD Kabupaten Sukamakmur',
        description: 'ADD Januari',
      });
      await send('activityExecutor', 'DraftPaymentRequest', {
        sppId: 'SPP/001/2025',
        kind: 'LS',
        activityId: 'operasional-pemdes',
        date: '13/01/2025',
        description: 'Alat tulis kantor',
        progressReportReference: 'LPK/001/2025',
        'lines.0.lineId': 'operasional-pemdes-1',
        'lines.0.source': 'ADD',
        'lines.0.amount': '10.000.000',
        'lines.0.taxes': 'PPN',
        'lines.0.evidence.receiptNumber': 'NOTA-17',
        'lines.0.evidence.receiptDate': '10/01/2025',
        'lines.0.evidence.payee': 'Toko Sumber Rejeki',
        'lines.0.evidence.address': 'Jl. Raya Krajan 4',
      });
      await send('activityExecutor', 'SubmitPaymentRequest', {
        sppId: 'SPP/001/2025',
        date: '14/01/2025',
      });
      await send('secretary', 'VerifyPaymentRequest', {
        sppId: 'SPP/001/2025',
        date: '15/01/2025',
        outcome: 'verified',
      });
      await send('villageHead', 'ApprovePaymentRequest', {
        sppId: 'SPP/001/2025',
        date: '16/01/2025',
        outcome: 'approved',
      });
      await send('treasurer', 'PayPaymentRequest', {
        paymentId: 'BKU/001/2025',
        sppId: 'SPP/001/2025',
        date: '17/01/2025',
        from: 'bank',
        transferReference: 'TRF-20250117-01',
      });
      await send('treasurer', 'DepositTax', {
        depositId: 'SSP/001/2025',
        tax: 'PPN',
        date: '20/01/2025',
        amount: '1.100.000',
        from: 'bank',
        billingCode: '123456789012345',
        ntpn: '0A1B2C3D4E5F6G7H',
      });

      const balances = await balancesOf(token);
      // Rp 50.000.000 in, Rp 8.900.000 paid out (PPN 11 % of Rp 10.000.000 withheld), Rp 1.100.000 deposited.
      const bank = new Decimal(balances['cash|bank'] ?? 0);
      expect(bank.minus(opening['cash|bank'] ?? 0).toFixed(2)).toBe('40000000.00');
      await send('treasurer', 'CloseMonth', {
        month: '01/2025',
        date: '31/01/2025',
        cashCount: balances['cash|cashOnHand'] ?? '0',
        bankBalance: bank.toFixed(2),
      });

      // The books are read models: wait until they show the month's last entry.
      const bkuCsv = async () =>
        (
          await fetch(
            `${server().baseUrl}${API_PATH}/villages/${VILLAGE}/years/${DEMO_YEAR}/reports/bku?month=1&format=csv`,
            { headers: { authorization: `Bearer ${token}` } },
          )
        ).text();
      let text = await bkuCsv();
      for (
        let tries = 0;
        !text.includes('SSP/001/2025') && tries < READ_MODEL_POLLS_MAX;
        tries += 1
      ) {
        await new Promise((resolve) => setTimeout(resolve, READ_MODEL_POLL_MS));
        text = await bkuCsv();
      }
      const [header, ...apiRows] = (parse(text, { relaxColumnCount: true }) as string[][]).filter(
        (row) => row.some(Boolean),
      );
      const amountColumns = header!.map((name) => /\(Rp\)/.test(name));
      const expected = apiRows
        .filter((row) => /^\d+$/.test(row[0] ?? ''))
        .map((row) =>
          row.map((cell, column) =>
            cell === ''
              ? ''
              : amountColumns[column]
                ? rupiahByHand(cell)
                : /^\d{4}-\d{2}-\d{2}$/.test(cell)
                  ? dateByHand(cell)
                  : cell,
          ),
        );
      expect(expected.map((row) => row[header!.indexOf('Nomor Bukti')])).toEqual(
        expect.arrayContaining(['TBP/001/2025', 'BKU/001/2025', 'SSP/001/2025']),
      );

      const treasurer = await pageOf('treasurer');
      await treasurer.goto(`${server().baseUrl}/laporan/bku?tahun=${DEMO_YEAR}&month=1`);
      await treasurer.screenshot({ path: join(SCREENSHOTS, 'bulan-bku-360.png'), fullPage: true });
      const shown = await treasurer.$$eval('table tbody tr', (rows) =>
        rows.map((row) =>
          Array.from(row.querySelectorAll('td, th')).map((cell) => (cell.textContent ?? '').trim()),
        ),
      );
      const numbered = shown.filter((row) => /^\d+$/.test(row[0] ?? ''));
      expect(numbered).toEqual(expected);
    },
    300_000,
  );
});
