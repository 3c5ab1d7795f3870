import Decimal from 'decimal.js';
import type { Express } from 'express';
import request from 'supertest';
import { createLedger } from '../../src/app/ledger';
import { webPages } from '../../src/web/web-pages';
import { bearer, startTestServer, VILLAGE_PATH, type TestServer } from '../http/support';
import { buildRealisticVillage } from '../support/realistic-village';
import { formFields, signedInAgent } from './support/web-agent';

/** The realistic APBDes's financing expenditure: BUM Desa capital, PAD Rp 10.000.000. */
const CAPITAL_LINE = 'f-modal-bumdes';

describe('financing forms', () => {
  let server: TestServer;
  let app: Express;
  let treasurer: request.Agent;

  beforeAll(async () => {
    server = await startTestServer({ pages: webPages });
    await buildRealisticVillage(createLedger({ store: server.store }));
    ({ app } = server);
    treasurer = await signedInAgent(app, 'treasurer');
  }, 120_000);

  async function submit(slug: string, typed: Record<string, string>) {
    const path = `/perintah/${slug}`;
    const page = await treasurer.get(path).expect(200);
    return treasurer
      .post(path)
      .type('form')
      .send({ ...formFields(page.text, path), ...typed });
  }

  async function balances(): Promise<Record<string, string>> {
    const response = await request(app)
      .get(VILLAGE_PATH)
      .set(bearer(server.tokens.treasurer))
      .expect(200);
    return (response.body.state as { books: { balances: Record<string, string> } }).books.balances;
  }

  test('each form offers the financing lines of its direction and its accounts but SiLPA', async () => {
    const receipt = await treasurer.get('/perintah/RecordFinancingReceipt').expect(200);
    expect(receipt.text).toContain('Catat penerimaan pembiayaan');
    expect(receipt.text).toContain('value="6.1.2.01"');
    expect(receipt.text).toContain('value="6.1.3.01"');
    expect(receipt.text).not.toContain('value="6.1.1.01"');
    expect(receipt.text).not.toContain(`value="${CAPITAL_LINE}"`);
    const expenditure = await treasurer.get('/perintah/RecordFinancingExpenditure').expect(200);
    expect(expenditure.text).toContain('Catat pengeluaran pembiayaan');
    expect(expenditure.text).toContain(`value="${CAPITAL_LINE}"`);
    expect(expenditure.text).toContain('value="6.2.2.01"');
    expect(expenditure.text).not.toContain('value="f-silpa-add"');
  });

  test('BUM Desa capital paid from the bank realises its line; a receipt on it is refused beside the line', async () => {
    const received = await submit('RecordReceipt', {
      receiptId: 'TBP-PADES-9',
      date: '08/01/2025',
      source: 'PAD',
      account: '4.1.1.01',
      amount: '12.000.000',
      into: 'bank',
      'payer.name': 'BUM Desa',
      description: 'Bagi hasil BUM Desa',
    });
    expect(received.status).toBe(303);
    const before = await balances();
    const paid = await submit('RecordFinancingExpenditure', {
      financingId: 'PP/001/2025',
      date: '10/02/2025',
      source: 'PAD',
      amount: '10.000.000',
      lineId: CAPITAL_LINE,
      account: '6.2.2.01',
      from: 'bank',
      'evidence.documentNumber': 'Perdes 3 Tahun 2025',
      'evidence.documentDate': '05/02/2025',
      'evidence.description': 'Penyertaan modal BUM Desa',
    });
    expect(paid.status).toBe(303);
    const after = await balances();
    expect(new Decimal(before['cash|bank']!).minus(after['cash|bank']!).toFixed(2)).toBe(
      '10000000.00',
    );
    expect(after[`line|${CAPITAL_LINE}`]).toBe('10000000.00');

    const refused = await submit('RecordFinancingReceipt', {
      financingId: 'PB/001/2025',
      date: '11/02/2025',
      source: 'PAD',
      amount: '1.000.000',
      lineId: CAPITAL_LINE,
      account: '6.1.3.01',
      into: 'bank',
      'evidence.documentNumber': 'Akta 1/2025',
      'evidence.documentDate': '11/02/2025',
      'evidence.description': 'Penjualan',
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toMatch(/id="f-lineId-error" role="alert">\[FINANCING_LINE\]/);
    expect(await balances()).toEqual(after);
  });
});
