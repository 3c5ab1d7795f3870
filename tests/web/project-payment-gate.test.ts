import request from 'supertest';
import { createLedger } from '../../src/app/ledger';
import { monitoringPolicySchema } from '../../src/domain/projects/policy';
import { villageStreamId } from '../../src/domain/village/decider';
import { webPages } from '../../src/web/web-pages';
import { bearer, startTestServer, VILLAGE, YEAR, type TestServer } from '../http/support';
import { villageRoad } from '../support/project-fixtures';
import { approveSpp, draftSpp, roadFirstTranchePaid, roadLines } from '../support/village-fixtures';
import { submitForm, signedInAgent } from './support/web-agent';

const PAY_FORM = '/perintah/PayPaymentRequest';

describe('the disbursement gate in the web forms (the same ledger as the API)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      pages: webPages,
      monitoringPolicy: monitoringPolicySchema.parse({
        photoSteps: [],
        disbursementGate: { percent: 50 },
      }),
    });
    // Set up by a ledger of its own: the first tranche paid, the second approved before the project was registered.
    const setup = createLedger({ store: server.store });
    await roadFirstTranchePaid(setup, [
      draftSpp('SPP-2', 'LS', 'road', roadLines('1000000')),
      ...approveSpp('SPP-2'),
    ]);
    await request(server.app)
      .post('/api/v1/projects/village')
      .set(bearer(server.tokens.activityExecutor))
      .send(villageRoad({ villageCode: VILLAGE, kegiatanCode: '02.03.10' }))
      .expect(201);
  });

  it('refuses to pay the later tranche, the rule shown beside the SPP it names', async () => {
    const treasurer = await signedInAgent(server.app, 'treasurer');
    const before = await server.store.readStream(villageStreamId(VILLAGE, YEAR));
    const page = await submitForm(
      treasurer,
      PAY_FORM,
      PAY_FORM,
      {
        paymentId: 'BKU/002',
        sppId: 'SPP-2',
        date: '06/02/2025',
        from: 'bank',
        transferReference: 'TRF-2',
      },
      422,
    );
    expect(page.text).toMatch(/id="f-sppId-error" role="alert">\[PAYMENT_PROJECT_PROGRESS\]/);
    expect(page.text).toContain('rabat-krajan-2025');
    expect(page.text).toContain('memerlukan 50 %');
    expect(await server.store.readStream(villageStreamId(VILLAGE, YEAR))).toEqual(before);
  });
});
