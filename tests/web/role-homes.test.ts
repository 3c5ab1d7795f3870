import request from 'supertest';
import { signedInAgent } from './support/web-agent';
import type { Express } from 'express';
import { rolesFor } from '../../src/access/command-permissions';
import type { Role } from '../../src/access/roles';
import { formatRupiah } from '../../src/web/format';
import { webPages } from '../../src/web/web-pages';
import { startFullYearApp } from '../http/full-year-app';
import {
  bearer,
  REGENCY_PATH,
  VILLAGE,
  VILLAGE_PATH,
  YEAR,
  type TestServer,
} from '../http/support';
import {
  bpdAgrees,
  camatEvaluation,
  draftSpp,
  elaborate,
  enact,
  enactedExecutionBudget,
  evaluation,
  paySpp,
  receipt,
  toBpd,
  toEvaluation,
} from '../support/village-fixtures';

interface RawCommand {
  type: string;
  payload: unknown;
}

/** The village's drafting commands of the execution budget, before it leaves for the BPD. */
const LIFECYCLE_STEPS = 5;

describe('role homes', () => {
  let server: TestServer;
  let app: Express;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ server, app, close } = await startFullYearApp({
      pages: webPages,
      runYear: async () => undefined,
    }));
    await post('regencyFinance', `${REGENCY_PATH}/commands/OpenRegencyFiscalYear`, {});
    await post('regencyFinance', `${REGENCY_PATH}/commands/SetAllocation`, {
      villageCode: VILLAGE,
      source: 'DDS',
      amount: '100000000',
      legalReference: { document: 'Perbup', number: '5 Tahun 2025', date: '2025-01-10' },
    });
    for (const command of enactedExecutionBudget().slice(0, -LIFECYCLE_STEPS)) await issue(command);
  }, 120_000);
  afterAll(() => close());

  async function post(role: Role, path: string, body: unknown) {
    const response = await request(app)
      .post(path)
      .set(bearer(server.tokens[role]))
      .send(body as object);
    expect({ path, status: response.status, body: response.body }).toMatchObject({ status: 201 });
    return response;
  }

  /** A village command through the API, by the first role that may issue it. */
  const issue = (command: RawCommand, role = rolesFor(command.type)[0]!) =>
    command.type === 'ReceiveApbdesEvaluation'
      ? post(
          'districtHead',
          `${REGENCY_PATH}/commands/RecordApbdesEvaluation`,
          camatEvaluation(command).payload,
        )
      : post(role, `${VILLAGE_PATH}/commands/${command.type}`, command.payload);

  /** The home as the role sees it after logging in through the form. */
  async function homeOf(role: Role): Promise<string> {
    const agent = await signedInAgent(app, role.toLowerCase());
    return (await agent.get(`/beranda?tahun=${YEAR}`).expect(200)).text;
  }

  /** The waiting links of a home: href and the line's text. */
  function waitingLinks(page: string): { href: string; text: string }[] {
    const list = /<h2>Menunggu tindakan Anda<\/h2>(.*?)<\/section>/s.exec(page)![1]!;
    return [...list.matchAll(/<a href="([^"]+)">([^<]*)<\/a>/g)].map((m) => ({
      href: m[1]!.replace(/&amp;/g, '&'),
      text: m[2]!,
    }));
  }
  const hrefs = async (role: Role) => waitingLinks(await homeOf(role)).map((link) => link.href);

  test('the APBDes steps wait for the secretary or the head by the draft stage', async () => {
    await issue(toBpd());
    expect(await hrefs('secretary')).toEqual(['/perintah/RecordBpdAgreement']);
    expect(await hrefs('villageHead')).toEqual([]);
    const head = await homeOf('villageHead');
    expect(head).toContain('Tidak ada yang menunggu.');
    // The head still sees what comes next and whose step it is.
    expect(head).toMatch(
      /<li data-step="RecordBpdAgreement">Langkah berikutnya: Catat kesepakatan BPD atas rancangan APBDes · Sekretaris Desa<\/li>/,
    );

    await issue(bpdAgrees());
    expect(await hrefs('secretary')).toEqual([]);
    expect(await hrefs('villageHead')).toEqual(['/perintah/SubmitApbdesForEvaluation']);

    await issue(toEvaluation());
    await issue(evaluation());
    expect(await homeOf('secretary')).toContain('evaluasi disetujui');
    expect(await hrefs('villageHead')).toEqual(['/perintah/EnactApbdes']);

    await issue(enact());
    expect(waitingLinks(await homeOf('villageHead'))).toEqual([
      {
        href: '/perintah/ElaborateApbdes',
        text: 'Tetapkan Perkades Penjabaran APBDes awal',
      },
    ]);
    await issue(elaborate());
    expect(await hrefs('villageHead')).toEqual([]);
  });

  test('an SPP moves from the executor to the secretary, the head and the treasurer', async () => {
    await issue(receipt('R-001', '30000000'));
    const line = { lineId: 's-office', source: 'ADD', amount: '2500000.00', taxes: ['PPh22'] };
    await issue(draftSpp('SPP-001', 'LS', 'office', [line]));
    const executor = await homeOf('activityExecutor');
    expect(waitingLinks(executor)).toEqual([
      {
        href: '/perintah/SubmitPaymentRequest?sppId=SPP-001',
        text: `SPP SPP-001 · SPP SPP-001 · ${formatRupiah('2500000')} · draf, belum diajukan`,
      },
    ]);
    expect(executor).toContain('data-activity="office"');
    expect(executor).toContain('semua kegiatan desa');

    await issue({
      type: 'SubmitPaymentRequest',
      payload: { sppId: 'SPP-001', date: '2025-02-04' },
    });
    expect(await hrefs('activityExecutor')).toEqual([]);
    expect(await hrefs('secretary')).toEqual(['/perintah/VerifyPaymentRequest?sppId=SPP-001']);

    const decision = { sppId: 'SPP-001', date: '2025-02-04', reasons: [] };
    await issue({ type: 'VerifyPaymentRequest', payload: { ...decision, outcome: 'verified' } });
    expect(await hrefs('secretary')).toEqual([]);
    expect(await hrefs('villageHead')).toEqual(['/perintah/ApprovePaymentRequest?sppId=SPP-001']);

    await issue({ type: 'ApprovePaymentRequest', payload: { ...decision, outcome: 'approved' } });
    expect(await hrefs('villageHead')).toEqual([]);
    const treasurer = waitingLinks(await homeOf('treasurer'));
    expect(treasurer[0]).toEqual({
      href: '/perintah/PayPaymentRequest?sppId=SPP-001',
      text: `SPP SPP-001 · SPP SPP-001 · ${formatRupiah('2500000')} · menunggu dibayar`,
    });
    // No month of the year is closed and the year is past: every month waits, in order.
    const months = Array.from(
      { length: 12 },
      (_, i) => `${YEAR}-${String(i + 1).padStart(2, '0')}`,
    );
    expect(treasurer.slice(1).map((link) => link.href)).toEqual(
      months.map((month) => `/perintah/CloseMonth?month=${month}`),
    );
  });

  test('the treasurer: cash, bank, tax withheld to deposit and budget left per bidang', async () => {
    const paid = await issue(paySpp('PAY-001', 'SPP-001'));
    const withheld = (
      paid.body.events as { data: { withholdings?: { tax: string; amount: string }[] } }[]
    ).flatMap((event) => event.data.withholdings ?? []);
    expect(withheld.map((tax) => tax.tax)).toEqual(['PPh22']);
    const page = await homeOf('treasurer');
    const links = waitingLinks(page);
    expect(links.map((link) => link.href)).not.toContain(
      '/perintah/PayPaymentRequest?sppId=SPP-001',
    );
    // Withheld in February 2025, due the month after: overdue by now.
    const amount = formatRupiah(withheld[0]!.amount);
    expect(links[0]).toEqual({
      href: '/perintah/DepositTax?tax=PPh22',
      text: `Pajak PPh22 · ${amount} belum disetor · ${amount} lewat jatuh tempo`,
    });
    // Opening 250 000 cash and 9 750 000 bank; 30 000 000 received, the SPP paid net of its tax.
    const bank = 9_750_000 + 30_000_000 - 2_500_000 + Number(withheld[0]!.amount);
    expect(page).toContain(`<dd data-balance="cashOnHand">${formatRupiah('250000')}</dd>`);
    expect(page).toContain(`<dd data-balance="bank">${formatRupiah(String(bank))}</dd>`);
    // Bidang 01: siltap 12 × 4 000 000, office 6 000 000, bank fees 12 × 50 000; 2 500 000 spent.
    const row = /<tr data-bidang="01">.*?<\/tr>/s.exec(page)![0];
    const cells = [...row.matchAll(/<td class="amount"[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(cells).toEqual([
      formatRupiah('54600000'),
      formatRupiah('2500000'),
      formatRupiah('52100000'),
    ]);
    expect(page).toMatch(/<tr data-bidang="02">.*?Rp\s110\.000\.000/s);
  });

  test('a returned SPP waits for its executor with the reasons', async () => {
    const line = { lineId: 's-office', source: 'ADD', amount: '1000000.00', taxes: [] };
    await issue(draftSpp('SPP-002', 'LS', 'office', [line]));
    await issue({
      type: 'SubmitPaymentRequest',
      payload: { sppId: 'SPP-002', date: '2025-02-06' },
    });
    await issue({
      type: 'VerifyPaymentRequest',
      payload: {
        sppId: 'SPP-002',
        date: '2025-02-06',
        outcome: 'returned',
        reasons: ['Kuitansi belum ditandatangani'],
      },
    });
    expect(waitingLinks(await homeOf('activityExecutor'))).toEqual([
      {
        href: '/perintah/SubmitPaymentRequest?sppId=SPP-002',
        text: `SPP SPP-002 · SPP SPP-002 · ${formatRupiah('1000000')} · dikembalikan: Kuitansi belum ditandatangani`,
      },
    ]);
  });

  test('other roles keep the minimal home', async () => {
    const page = await homeOf('auditor');
    expect(page).toContain('Auditor (Inspektorat)');
    expect(page).not.toContain('Menunggu tindakan Anda');
  });
});
