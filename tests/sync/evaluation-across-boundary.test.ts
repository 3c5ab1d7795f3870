import request from 'supertest';
import { createLedger, type Ledger } from '../../src/app/ledger';
import { villageStreamId } from '../../src/domain/village/decider';
import { withHashChain } from '../../src/eventstore/chained-store';
import { createMemoryStore } from '../../src/eventstore/memory';
import type { EventStore } from '../../src/eventstore/port';
import { registerNode, transportTo } from './support/node-over-api';
import { syncNode } from '../../src/sync/node-sync';
import type { RawCommand } from '../support/decider-specification';
import {
  allocateDanaDesa,
  bpdAgrees,
  camatEvaluation,
  enact,
  evaluation,
  smallDraft,
  toBpd,
  toEvaluation,
} from '../support/village-fixtures';
import {
  bearer,
  expectProblem,
  OTHER_VILLAGE,
  REGENCY_PATH,
  startTestServer,
  VILLAGE,
  YEAR,
  type TestServer,
} from '../http/support';

const STREAM = villageStreamId(VILLAGE, YEAR);
const submitted = () => [...smallDraft(), toBpd(), bpdAgrees(), toEvaluation()];

async function run(ledger: Ledger, commands: RawCommand[]) {
  for (const raw of commands) await ledger.executeVillageCommand(VILLAGE, YEAR, raw);
}

/** The camat's evaluation through the regency's API, as the camat of the village's district. */
const camatEvaluates = (server: TestServer, takeIn: RawCommand, villageCode = VILLAGE) =>
  request(server.app)
    .post(`${REGENCY_PATH}/commands/RecordApbdesEvaluation`)
    .set(bearer(server.tokens.districtHead))
    .send(camatEvaluation(takeIn, villageCode).payload as object);

const stage = async (ledger: Ledger) =>
  (await ledger.villageState(VILLAGE, YEAR)).budget.draft?.stage;

let server: TestServer;
let ledger: Ledger;

beforeEach(async () => {
  server = await startTestServer();
  ledger = createLedger({ store: server.store });
  await allocateDanaDesa(ledger);
});

describe("the camat's evaluation, books kept on the regency's server", () => {
  it('is recorded on the regency stream and taken in at once: the head enacts next', async () => {
    await run(ledger, submitted());
    expect((await camatEvaluates(server, evaluation())).status).toBe(201);
    expect(await stage(ledger)).toBe('evaluationApproved');
    await run(ledger, [enact()]);
    expect((await ledger.villageState(VILLAGE, YEAR)).budget.versions).toHaveLength(1);
  });

  it('is refused for a village outside the camat’s district, naming it', async () => {
    const refused = await camatEvaluates(server, evaluation(), OTHER_VILLAGE);
    expectProblem(refused, 403, 'OUT_OF_SCOPE');
    expect(refused.body).toMatchObject({ field: 'villageCode', value: OTHER_VILLAGE });
  });
});

describe("the camat's evaluation of a village kept on its node", () => {
  let node: EventStore;
  let sync: () => ReturnType<typeof syncNode>;

  beforeEach(async () => {
    const { nodeId, secret } = await registerNode(server);
    const transport = transportTo(server, secret);
    node = withHashChain(createMemoryStore());
    sync = () =>
      syncNode({ store: node, nodeId, villageCode: VILLAGE, fiscalYears: [YEAR], transport });
  });

  it('reaches the village when its node pulls; the regency never writes the village stream', async () => {
    await sync();
    const onNode = createLedger({ store: node });
    await run(onNode, submitted());
    await sync();
    const copied = await server.store.streamRevision(STREAM);

    expect((await camatEvaluates(server, evaluation())).status).toBe(201);
    expect(await server.store.streamRevision(STREAM)).toBe(copied);
    expect(await stage(onNode)).toBe('submittedForEvaluation');

    expect((await sync()).evaluationsTakenIn).toBe(1);
    expect(await stage(onNode)).toBe('evaluationApproved');
    // The take-in went up in the same run, as the node wrote it.
    const ids = async (store: EventStore) => (await store.readStream(STREAM)).map((e) => e.id);
    expect(await ids(server.store)).toEqual(await ids(node));
    expect((await sync()).evaluationsTakenIn).toBe(0);
    await run(onNode, [enact()]);
    expect((await onNode.villageState(VILLAGE, YEAR)).budget.versions).toHaveLength(1);
  });

  it('refuses the next evaluation until the village has taken in the last one', async () => {
    await sync();
    const onNode = createLedger({ store: node });
    const remarks = [{ lineId: 's-road', remark: 'Rincian RAB' }];
    await run(onNode, submitted());
    await sync();
    expect((await camatEvaluates(server, evaluation('correctionsRequested', remarks))).status).toBe(
      201,
    );
    expectProblem(await camatEvaluates(server, evaluation()), 409, 'EVALUATION_AWAITS_VILLAGE');
  });
});
