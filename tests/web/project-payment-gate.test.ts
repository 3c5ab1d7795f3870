import request from 'supertest';
import { createLedger } from '../../src/app/ledger';
import { monitoringPolicySchema } from '../../src/domain/projects/policy';
import { villageStreamId } from '../../src/domain/village/decider';
import { webPages } from '../../src/web/web-pages';
import { bearer, REGENCY, startTestServer, VILLAGE, YEAR, type TestServer } from '../http/support';
import { command } from '../support/decider-specification';
import { villageRoad } from '../support/project-fixtures';
import { approveSpp, draftSpp, enactedExecutionBudget, paidSpp } from '../support/village-fixtures';
import { submitForm, signedInAgent } from './support/web-agent';

const PAY_FORM = '/perintah/PayPaymentRequest';
const road = (amount: string) => [{ lineId: 's-road', source: 'DDS', amount, taxes: [] }];

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
    await setup.executeRegencyCommand(REGENCY, YEAR, command('OpenRegencyFiscalYear', {}));
    await setup.executeRegencyCommand(
      REGENCY,
      YEAR,
      command('SetAllocation', {
        villageCode: VILLAGE,
        source: 'DDS',
        amount: '100000000',
        legalReference: { document: 'Perbup', number: '5 Tahun 2025', date: '2025-01-10' },
      }),
    );
    for (const raw of [
      ...enactedExecutionBudget(),
      ...paidSpp('SPP-1', 'LS', 'road', road('2000000')),
      draftSpp('SPP-2', 'LS', 'road', road('1000000')),
      ...approveSpp('SPP-2'),
    ])
      await setup.executeVillageCommand(VILLAGE, YEAR, raw);
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
