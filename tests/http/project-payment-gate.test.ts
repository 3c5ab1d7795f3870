import request from 'supertest';
import { createLedger } from '../../src/app/ledger';
import { monitoringPolicySchema } from '../../src/domain/projects/policy';
import { villageRoad } from '../support/project-fixtures';
import { draftSpp, roadFirstTranchePaid, roadLines } from '../support/village-fixtures';
import {
  bearer,
  expectProblem,
  startTestServer,
  VILLAGE,
  VILLAGE_PATH,
  YEAR,
  type TestServer,
} from './support';

describe('the disbursement gate over the API (the app wires the project read side into the ledger)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      monitoringPolicy: monitoringPolicySchema.parse({
        photoSteps: [],
        disbursementGate: { percent: 50 },
      }),
    });
    // The year is set up by a ledger of its own over the same store: the first tranche paid.
    const setup = createLedger({ store: server.store });
    await roadFirstTranchePaid(setup);
  });

  it('answers 422 naming the project, its progress and the step, and stores nothing', async () => {
    await request(server.app)
      .post('/api/v1/projects/village')
      .set(bearer(server.tokens.activityExecutor))
      .send(villageRoad({ villageCode: VILLAGE, kegiatanCode: '02.03.10' }))
      .expect(201);
    const before = await server.store.streamRevision(`village-${VILLAGE}-${YEAR}`);
    const response = await request(server.app)
      .post(`${VILLAGE_PATH}/commands/DraftPaymentRequest`)
      .set(bearer(server.tokens.activityExecutor))
      .send(draftSpp('SPP-2', 'LS', 'road', roadLines('1000000')).payload as object);
    expectProblem(response, 422, 'PAYMENT_PROJECT_PROGRESS');
    expect(response.body.messages.id).toContain(
      'proyek rabat-krajan-2025 "Rabat beton jalan Dusun Krajan": kemajuan 0 % (belum ada laporan), tahap berikutnya memerlukan 50 %',
    );
    expect(await server.store.streamRevision(`village-${VILLAGE}-${YEAR}`)).toBe(before);
  });
});
