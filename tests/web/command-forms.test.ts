import type { Express } from 'express';
import request from 'supertest';
import { createLedger } from '../../src/app/ledger';
import { villageStreamId } from '../../src/domain/village/decider';
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

const RECEIPT_FORM = '/perintah/RecordReceipt';

/** A receipt as a treasurer types it: Indonesian money and dates. */
const typedReceipt = {
  receiptId: 'TBP-WEB-1',
  date: '10/01/2025',
  source: 'ADD',
  account: '4.2.3.01',
  amount: 'Rp 25.000.000,00',
  into: 'bank',
  'payer.name': 'RKUD Kabupaten',
  description: 'ADD Januari',
};

describe('command forms', () => {
  let server: TestServer;
  let app: Express;

  beforeEach(async () => {
    server = await startTestServer({ pages: webPages });
    await buildRealisticVillage(createLedger({ store: server.store }));
    ({ app } = server);
  });

  async function villageEvents() {
    return server.store.readStream(villageStreamId(VILLAGE, YEAR));
  }

  async function openForm(agent: request.Agent, path = RECEIPT_FORM) {
    const page = await agent.get(path).expect(200);
    return { page, hidden: formFields(page.text, path.split('?')[0]!) };
  }

  test('the forms page lists what the role may record, each with its one-line explanation', async () => {
    const treasurer = await signedInAgent(app, 'treasurer');
    const list = await treasurer.get('/perintah').expect(200);
    expect(list.text).toContain('href="/perintah/RecordReceipt"');
    expect(list.text).not.toContain('href="/perintah/SubmitPaymentRequest"');
    const executor = await signedInAgent(app, 'activityexecutor');
    const theirs = await executor.get('/perintah').expect(200);
    expect(theirs.text).toContain('href="/perintah/SubmitPaymentRequest"');
    expect(theirs.text).not.toContain('href="/perintah/RecordReceipt"');
  });

  test('a receipt typed the Indonesian way is recorded as the API would record it', async () => {
    const agent = await signedInAgent(app, 'treasurer');
    const { hidden } = await openForm(agent);
    const before = (await villageEvents()).length;
    await agent
      .post(RECEIPT_FORM)
      .type('form')
      .send({ ...hidden, ...typedReceipt })
      .expect(303)
      .expect('Location', '/beranda?tercatat=RecordReceipt');
    const home = await agent.get('/beranda?tercatat=RecordReceipt').expect(200);
    expect(home.text).toContain('role="status">Tercatat: Catat penerimaan.</p>');
    const events = await villageEvents();
    expect(events).toHaveLength(before + 1);
    const recorded = events.at(-1)!;
    expect(recorded.type).toBe('RevenueReceived');
    expect(recorded.data).toMatchObject({
      receiptId: 'TBP-WEB-1',
      date: '2025-01-10',
      amount: '25000000.00',
      into: 'bank',
    });
  });

  test('bad money: the schema rule beside the amount, everything typed kept, nothing recorded', async () => {
    const agent = await signedInAgent(app, 'treasurer');
    const { hidden } = await openForm(agent);
    const before = await villageEvents();
    const page = await agent
      .post(RECEIPT_FORM)
      .type('form')
      .send({ ...hidden, ...typedReceipt, amount: 'dua juta' })
      .expect(422);
    expect(page.text).toMatch(
      /id="f-amount" name="amount" aria-invalid="true" aria-describedby="f-amount-hint f-amount-error"[^>]*value="dua juta"/,
    );
    expect(page.text).toMatch(
      /id="f-amount-error" role="alert">\[COMMAND_SCHEMA\][^<]*payload\.amount = &quot;&quot;dua juta&quot;&quot;/,
    );
    expect(page.text).toContain('value="RKUD Kabupaten"');
    expect(await villageEvents()).toEqual(before);
  });

  test('a ledger rule (the date outside the year) shows beside the date it names', async () => {
    const agent = await signedInAgent(app, 'treasurer');
    const { hidden } = await openForm(agent);
    const page = await agent
      .post(RECEIPT_FORM)
      .type('form')
      .send({ ...hidden, ...typedReceipt, date: '31/12/2024' })
      .expect(422);
    expect(page.text).toMatch(/id="f-date-error" role="alert">\[DATE_IN_FISCAL_YEAR\]/);
    expect(page.text).toContain('value="31/12/2024"');
  });

  test('the same form posted twice (double click, back and resend) records the command once', async () => {
    const agent = await signedInAgent(app, 'treasurer');
    const { hidden } = await openForm(agent);
    const before = (await villageEvents()).length;
    const body = { ...hidden, ...typedReceipt };
    await agent.post(RECEIPT_FORM).type('form').send(body).expect(303);
    await agent.post(RECEIPT_FORM).type('form').send(body).expect(303);
    expect(await villageEvents()).toHaveLength(before + 1);
  });

  test('a stale page (the year changed meanwhile) is refused with a clear message, then goes through', async () => {
    const agent = await signedInAgent(app, 'treasurer');
    const { hidden } = await openForm(agent);
    await request(app)
      .post(`${VILLAGE_PATH}/commands/RecordCashMutation`)
      .set(bearer(server.tokens.treasurer))
      .send({
        mutationId: 'MUT-1',
        date: '2025-01-09',
        from: 'bank',
        to: 'cashOnHand',
        amount: '1000',
        description: 'Ambil tunai',
      });
    const before = (await villageEvents()).length;
    const stale = await agent
      .post(RECEIPT_FORM)
      .type('form')
      .send({ ...hidden, ...typedReceipt })
      .expect(409);
    expect(stale.text).toMatch(/id="form-error" role="alert">\[STALE_FORM\]/);
    expect(stale.text).toContain('value="TBP-WEB-1"');
    expect(await villageEvents()).toHaveLength(before);
    const again = formFields(stale.text, RECEIPT_FORM);
    expect(again._revisi).not.toBe(hidden._revisi);
    await agent
      .post(RECEIPT_FORM)
      .type('form')
      .send({ ...again, ...typedReceipt })
      .expect(303);
    expect(await villageEvents()).toHaveLength(before + 1);
  });

  test('refusals are pages: another role, an unknown form, a missing CSRF field', async () => {
    const secretary = await signedInAgent(app, 'secretary');
    const refused = await secretary.get(RECEIPT_FORM).expect(403);
    expect(refused.type).toBe('text/html');
    expect(refused.text).toContain('Peran Anda tidak berwenang');
    await secretary.get('/perintah/DropTables').expect(404);
    const treasurer = await signedInAgent(app, 'treasurer');
    const { hidden } = await openForm(treasurer);
    const before = await villageEvents();
    await treasurer
      .post(RECEIPT_FORM)
      .type('form')
      .send({ ...hidden, _csrf: 'forged', ...typedReceipt })
      .expect(403);
    expect(await villageEvents()).toEqual(before);
  });

  test('free text comes back escaped', async () => {
    const agent = await signedInAgent(app, 'treasurer');
    const { hidden } = await openForm(agent);
    const page = await agent
      .post(RECEIPT_FORM)
      .type('form')
      .send({ ...hidden, ...typedReceipt, amount: '', description: '<script>alert(1)</script>' })
      .expect(422);
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).toContain('&lt;script>alert(1)&lt;/script>');
  });
});
