import Decimal from 'decimal.js';
import type { Express } from 'express';
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/access/access-service';
import { rolesFor } from '../../src/access/command-permissions';
import type { Role } from '../../src/access/roles';
import { createLedger } from '../../src/app/ledger';
import { villageStreamId } from '../../src/domain/village/decider';
import { executionCommandSchemas } from '../../src/domain/village/execution-commands';
import { FORM_CATALOG } from '../../src/web/forms/form-catalog';
import { formSlug } from '../../src/web/forms/form-model';
import { webPages } from '../../src/web/web-pages';
import {
  bearer,
  startTestServer,
  VILLAGE,
  VILLAGE_PATH,
  YEAR,
  type TestServer,
} from '../http/support';
import { buildRealisticVillage } from '../support/realistic-village';
import { formFields, signedInAgent } from './support/web-agent';

/** The sign-in name of each village role's test user. */
const USERNAMES: Partial<Record<Role, string>> = {
  treasurer: 'treasurer',
  secretary: 'secretary',
  villageHead: 'villagehead',
  activityExecutor: 'activityexecutor',
};

/** A line of the realistic APBDes: Operasional pemerintah desa, paket ATK, ADD Rp 18.500.000. */
const OFFICE_LINE = 'operasional-pemdes-1';

interface VillageStateJson {
  books: { balances: Record<string, string>; entries: Record<string, { type: string }> };
  paymentRequests: Record<string, { status: string; spjId?: string }>;
  closing: { lastClosedMonth?: string };
}

describe('execution forms', () => {
  let server: TestServer;
  let app: Express;
  const agents = new Map<string, request.Agent>();

  beforeEach(async () => {
    server = await startTestServer({ pages: webPages });
    await buildRealisticVillage(createLedger({ store: server.store }));
    ({ app } = server);
    agents.clear();
  });

  async function agentOf(username: string): Promise<request.Agent> {
    const known = agents.get(username);
    if (known) return known;
    const agent = await signedInAgent(app, username);
    agents.set(username, agent);
    return agent;
  }

  /** Opens a form as a person would, then posts what they type; returns the response. */
  async function submit(username: string, slug: string, typed: Record<string, unknown>) {
    const agent = await agentOf(username);
    const path = `/perintah/${slug}`;
    const page = await agent.get(path).expect(200);
    return agent
      .post(path)
      .type('form')
      .send({ ...formFields(page.text, path), ...typed });
  }

  async function recorded(username: string, slug: string, typed: Record<string, unknown>) {
    const response = await submit(username, slug, typed);
    if (response.status !== 303) throw new Error(`${slug} refused: ${response.text}`);
    expect(response.headers.location).toBe(`/beranda?tercatat=${slug.split('?')[0]}`);
  }

  async function villageState(): Promise<VillageStateJson> {
    const response = await request(app)
      .get(VILLAGE_PATH)
      .set(bearer(server.tokens.treasurer))
      .expect(200);
    return response.body.state as VillageStateJson;
  }

  const bank = (state: VillageStateJson) => new Decimal(state.books.balances['cash|bank'] ?? 0);

  test('every execution command has a form, and each opens for a role that may issue it', async () => {
    const formTypes = new Set<string>(FORM_CATALOG.map((form) => form.type));
    const missing = Object.keys(executionCommandSchemas).filter((type) => !formTypes.has(type));
    expect(missing).toEqual([]);
    const forms = FORM_CATALOG.filter((form) => Object.hasOwn(executionCommandSchemas, form.type));
    for (const form of forms) {
      expect(form.explanation.trim()).not.toBe('');
      expect(form.explanation).not.toContain('\n');
      const username = rolesFor(form.type)
        .map((role) => USERNAMES[role])
        .find((name) => name !== undefined);
      expect([form.type, username]).toEqual([form.type, expect.any(String)]);
      const page = await (await agentOf(username!)).get(`/perintah/${formSlug(form)}`);
      expect([form.type, page.status]).toEqual([form.type, 200]);
      expect(page.text).toContain(form.explanation.replaceAll('&', '&amp;'));
    }
    // The bank fee is booked only on the line of the bank-fee account (5.2.5.90).
    const fee = await (await agentOf('treasurer')).get('/perintah/RecordBankFee').expect(200);
    expect(fee.text).toContain('value="operasional-pemdes-5"');
    expect(fee.text).not.toContain(`value="${OFFICE_LINE}"`);
  });

  /** An ADD receipt of Rp 50.000.000 into the bank, as the treasurer types it. */
  const addReceipt = () =>
    recorded('treasurer', 'RecordReceipt', {
      receiptId: 'TBP-ADD-1',
      date: '06/01/2025',
      source: 'ADD',
      account: '4.2.3.01',
      amount: '50.000.000',
      into: 'bank',
      'payer.name': 'RKUD Kabupaten',
      description: 'ADD tahap I',
    });

  const draftedSpp = (sppId: string, kind: string, extra: Record<string, string>) =>
    recorded('activityexecutor', 'DraftPaymentRequest', {
      sppId,
      kind,
      activityId: 'operasional-pemdes',
      date: '13/01/2025',
      description: 'Belanja alat tulis kantor',
      progressReportReference: 'LPK/001/2025',
      'lines.0.lineId': OFFICE_LINE,
      'lines.0.source': 'ADD',
      'lines.0.amount': '10.000.000',
      ...extra,
    });

  async function throughApproval(sppId: string) {
    await recorded('activityexecutor', 'SubmitPaymentRequest', { sppId, date: '14/01/2025' });
    await recorded('secretary', 'VerifyPaymentRequest', {
      sppId,
      date: '15/01/2025',
      outcome: 'verified',
    });
    await recorded('villagehead', 'ApprovePaymentRequest', {
      sppId,
      date: '16/01/2025',
      outcome: 'approved',
    });
  }

  test('an LS SPP goes its whole way through the forms: drafted, verified, approved, paid, tax deposited, month closed', async () => {
    const opening = bank(await villageState());
    await addReceipt();
    await draftedSpp('SPP/001/2025', 'LS', {
      'lines.0.taxes': 'PPN',
      'lines.0.evidence.receiptNumber': 'NOTA-17',
      'lines.0.evidence.receiptDate': '10/01/2025',
      'lines.0.evidence.payee': 'Toko Sumber Rejeki',
      'lines.0.evidence.address': 'Jl. Raya Krajan 4',
    });
    await throughApproval('SPP/001/2025');
    await recorded('treasurer', 'PayPaymentRequest', {
      paymentId: 'BKU/001',
      sppId: 'SPP/001/2025',
      date: '17/01/2025',
      from: 'bank',
      transferReference: 'TRF-20250117-01',
    });
    // PPN 11 % of Rp 10.000.000 is withheld: Rp 8.900.000 leaves the bank, Rp 1.100.000 is owed.
    const paid = await villageState();
    expect(paid.paymentRequests['SPP/001/2025']?.status).toBe('paid');
    expect(bank(paid).minus(opening).toFixed()).toBe('41100000');
    expect(paid.books.balances['tax|PPN']).toBe('1100000.00');

    await recorded('treasurer', 'DepositTax', {
      depositId: 'SSP/001/2025',
      tax: 'PPN',
      date: '20/01/2025',
      amount: '1.100.000',
      from: 'bank',
      billingCode: '123456789012345',
      ntpn: '0A1B2C3D4E5F6G7H',
    });
    const deposited = await villageState();
    expect(bank(deposited).minus(opening).toFixed()).toBe('40000000');
    expect(new Decimal(deposited.books.balances['tax|PPN'] ?? 0).isZero()).toBe(true);
    expect(deposited.books.entries['SSP/001/2025']).toMatchObject({ type: 'TaxDeposited' });

    const cashOnHand = deposited.books.balances['cash|cashOnHand'] ?? '0';
    await recorded('treasurer', 'CloseMonth', {
      month: '01/2025',
      date: '31/01/2025',
      cashCount: cashOnHand,
      bankBalance: bank(deposited).toFixed(),
    });
    expect((await villageState()).closing.lastClosedMonth).toBe('2025-01');
  });

  test('only the secretary verifies: the SPP drafter is refused on top, nothing recorded', async () => {
    await addReceipt();
    await draftedSpp('SPP/002/2025', 'LS', {
      'lines.0.evidence.receiptNumber': 'NOTA-18',
      'lines.0.evidence.receiptDate': '10/01/2025',
      'lines.0.evidence.payee': 'Toko Sumber Rejeki',
      'lines.0.evidence.address': 'Jl. Raya Krajan 4',
    });
    await recorded('activityexecutor', 'SubmitPaymentRequest', {
      sppId: 'SPP/002/2025',
      date: '14/01/2025',
    });
    const executor = await agentOf('activityexecutor');
    const before = await server.store.readStream(villageStreamId(VILLAGE, YEAR));
    const refused = await executor.get('/perintah/VerifyPaymentRequest').expect(403);
    expect(refused.text).toContain('Peran Anda tidak berwenang');
    // Posting anyway, with the session's own CSRF field from a form the executor may open.
    const own = await executor.get('/perintah/SubmitPaymentRequest').expect(200);
    await executor
      .post('/perintah/VerifyPaymentRequest')
      .type('form')
      .send({
        ...formFields(own.text, '/perintah/SubmitPaymentRequest'),
        sppId: 'SPP/002/2025',
        date: '15/01/2025',
        outcome: 'verified',
      })
      .expect(403);
    expect(await server.store.readStream(villageStreamId(VILLAGE, YEAR))).toEqual(before);
  });

  test('the person who verified, made village head since, is refused approving on top of the form', async () => {
    await draftedSpp('SPP/005/2025', 'UM', {});
    await recorded('activityexecutor', 'SubmitPaymentRequest', {
      sppId: 'SPP/005/2025',
      date: '14/01/2025',
    });
    await recorded('secretary', 'VerifyPaymentRequest', {
      sppId: 'SPP/005/2025',
      date: '15/01/2025',
      outcome: 'verified',
    });
    await server.access.execute(SYSTEM_ACTOR, 'promote-secretary', 'AssignUserRole', {
      userId: server.userIds.secretary,
      role: 'villageHead',
      scope: VILLAGE,
    });
    agents.delete('secretary');
    const page = await submit('secretary', 'ApprovePaymentRequest', {
      sppId: 'SPP/005/2025',
      date: '16/01/2025',
      outcome: 'approved',
    });
    expect(page.status).toBe(422);
    expect(page.text).toMatch(/id="form-error" role="alert">\[VERIFIER_NOT_APPROVER\]/);
    expect((await villageState()).paymentRequests['SPP/005/2025']?.status).toBe('verified');
  });

  test('a return without reasons is refused beside the reasons field', async () => {
    await draftedSpp('SPP/003/2025', 'UM', {});
    await recorded('activityexecutor', 'SubmitPaymentRequest', {
      sppId: 'SPP/003/2025',
      date: '14/01/2025',
    });
    const page = await submit('secretary', 'VerifyPaymentRequest', {
      sppId: 'SPP/003/2025',
      date: '15/01/2025',
      outcome: 'returned',
    });
    expect(page.status).toBe(422);
    expect(page.text).toMatch(/id="f-reasons-error" role="alert">\[RETURN_REASONS\]/);
  });

  test('the STS form offers the cash receipts not yet deposited, and a deposited one no more', async () => {
    await recorded('treasurer', 'RecordReceipt', {
      receiptId: 'TBP-PADES-1',
      date: '08/01/2025',
      source: 'PAD',
      account: '4.1.1.01',
      amount: '750.000',
      into: 'cashOnHand',
      'payer.name': 'Penyewa tanah kas desa',
      description: 'Sewa tanah kas desa',
    });
    const treasurer = await agentOf('treasurer');
    const offered = await treasurer.get('/perintah/DepositCashReceipts').expect(200);
    expect(offered.text).toMatch(
      /value="TBP-PADES-1"[^>]*>\s*TBP-PADES-1 · 08\/01\/2025 · Rp\s750\.000/,
    );
    await recorded('treasurer', 'DepositCashReceipts', {
      stsId: 'STS/001/2025',
      date: '09/01/2025',
      receiptIds: 'TBP-PADES-1',
    });
    const after = await treasurer.get('/perintah/DepositCashReceipts').expect(200);
    expect(after.text).not.toContain('value="TBP-PADES-1"');
  });

  test('the panjar way: a UM SPP paid in cash, then its SPJ with one receipt and the rest returned', async () => {
    await addReceipt();
    await recorded('treasurer', 'RecordCashMutation', {
      mutationId: 'MUT/001',
      date: '07/01/2025',
      from: 'bank',
      to: 'cashOnHand',
      amount: '5.000.000',
      description: 'Ambil tunai untuk panjar',
    });
    await draftedSpp('SPP/004/2025', 'UM', { 'lines.0.amount': '3.000.000' });
    await throughApproval('SPP/004/2025');
    await recorded('treasurer', 'PayPaymentRequest', {
      paymentId: 'BKU/002',
      sppId: 'SPP/004/2025',
      date: '17/01/2025',
      from: 'cashOnHand',
    });
    expect((await villageState()).paymentRequests['SPP/004/2025']?.status).toBe('advanced');
    await recorded('activityexecutor', 'AccountPanjar', {
      spjId: 'SPJ/001/2025',
      sppId: 'SPP/004/2025',
      date: '24/01/2025',
      returnTo: 'cashOnHand',
      'lines.0.lineId': OFFICE_LINE,
      'lines.0.evidence.0.receiptNumber': 'NOTA-21',
      'lines.0.evidence.0.receiptDate': '22/01/2025',
      'lines.0.evidence.0.payee': 'Toko Sumber Rejeki',
      'lines.0.evidence.0.address': 'Jl. Raya Krajan 4',
      'lines.0.evidence.0.amount': '2.750.000',
      'lines.0.evidence.0.taxes': 'PPN',
    });
    const state = await villageState();
    expect(state.paymentRequests['SPP/004/2025']).toMatchObject({
      status: 'closed',
      spjId: 'SPJ/001/2025',
    });
    // PPN 11 % of Rp 2.750.000 is Rp 302.500, withheld from the receipt and owed.
    expect(state.books.balances['tax|PPN']).toBe('302500.00');
  });
});
